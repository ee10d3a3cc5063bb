"""The code rules of OrphanEventReceipt (mirrors src/rules/orphan-event-receipt.ts)."""
from .._jsvalue import js_string
from .rule import Document, Rule, RuleFinding
from .time_order import order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    observed = ("/observedAt", doc.get("observedAt"))
    resolution = doc.get("sessionResolution") or {}
    return order_findings(observed, ("/sessionResolution/reconciledAt", resolution.get("reconciledAt"))) + order_findings(
        observed, ("/sessionResolution/quarantinedAt", resolution.get("quarantinedAt"))
    )


def _ttl_after_observed(doc: Document, filename: str | None) -> list[RuleFinding]:
    ttl = doc.get("ttl") or {}
    return order_findings(("/observedAt", doc.get("observedAt")), ("/ttl/expiresAt", ttl.get("expiresAt")), strictly=True)


def _recovered_is_candidate(doc: Document, filename: str | None) -> list[RuleFinding]:
    resolution = doc.get("sessionResolution") or {}
    recovered = resolution.get("recoveredSessionRef")
    candidates = resolution.get("candidateSessionRefs") or []
    if resolution.get("state") != "recovered" or not isinstance(recovered, str) or any(isinstance(c, str) and c == recovered for c in candidates):
        return []
    pointer = "/sessionResolution/recoveredSessionRef"
    listed = ", ".join(js_string(c) for c in candidates) if candidates else "none"
    return [RuleFinding(pointer, f"{pointer} {js_string(recovered)} is not one of the candidateSessionRefs ({listed})")]


RULES = [
    Rule(
        "rule/orphan-time-order",
        "OrphanEventReceipt",
        "error",
        "sessionResolution.reconciledAt and sessionResolution.quarantinedAt are not before observedAt (equal is allowed).",
        _time_order,
    ),
    Rule("rule/orphan-ttl-after-observed", "OrphanEventReceipt", "error", "ttl.expiresAt is strictly after observedAt.", _ttl_after_observed),
    Rule("rule/orphan-recovered-is-candidate", "OrphanEventReceipt", "error", "A recovered event's recoveredSessionRef is one of its candidateSessionRefs.", _recovered_is_candidate),
]
