"""The code rules of BrowserAutomationReceipt (mirrors src/rules/browser-automation-receipt.ts)."""
from .rule import Document, RuleFinding, code_rule
from .time_order import in_order, order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    get = doc.get
    start = get("startedAt")
    revoked = get("revokedAt")
    captured = get("capturedAt")
    if (revoked is None or in_order(start, revoked)) and in_order(start, captured):
        return []  # nothing to find: the usual case, cheaply
    started = ("/startedAt", start)
    return order_findings(started, ("/revokedAt", revoked)) + order_findings(started, ("/capturedAt", captured))


RULES = [
    code_rule("rule/browser-time-order", _time_order),
]
