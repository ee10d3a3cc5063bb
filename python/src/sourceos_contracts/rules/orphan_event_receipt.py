"""The code rules of OrphanEventReceipt (mirrors src/rules/orphan-event-receipt.ts)."""
from .._jsvalue import js_string
from .rule import Document, RuleFinding, code_rule
from .time_order import in_order, order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    seen = doc.get("observedAt")
    resolution = doc.get("sessionResolution") or {}
    reconciled = resolution.get("reconciledAt")
    quarantined = resolution.get("quarantinedAt")
    if (reconciled is None or in_order(seen, reconciled)) and (quarantined is None or in_order(seen, quarantined)):
        return []  # nothing to find: the usual case, cheaply
    observed = ("/observedAt", seen)
    return order_findings(observed, ("/sessionResolution/reconciledAt", reconciled)) + order_findings(
        observed, ("/sessionResolution/quarantinedAt", quarantined)
    )


def _ttl_after_observed(doc: Document, filename: str | None) -> list[RuleFinding]:
    ttl = doc.get("ttl") or {}
    seen = doc.get("observedAt")
    expires = ttl.get("expiresAt")
    if in_order(seen, expires, True):
        return []  # nothing to find: the usual case, cheaply
    return order_findings(("/observedAt", seen), ("/ttl/expiresAt", expires), strictly=True)


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
    code_rule("rule/orphan-time-order", _time_order),
    code_rule("rule/orphan-ttl-after-observed", _ttl_after_observed),
    code_rule("rule/orphan-recovered-is-candidate", _recovered_is_candidate),
]
