"""The code rules of BrowserAutomationReceipt (mirrors src/rules/browser-automation-receipt.ts)."""
from .rule import Document, Rule, RuleFinding
from .time_order import order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    started = ("/startedAt", doc.get("startedAt"))
    return order_findings(started, ("/revokedAt", doc.get("revokedAt"))) + order_findings(started, ("/capturedAt", doc.get("capturedAt")))


RULES = [
    Rule("rule/browser-time-order", "BrowserAutomationReceipt", "error", "revokedAt and capturedAt are not before startedAt (equal is allowed).", _time_order),
]
