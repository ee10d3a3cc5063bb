"""The code rules of CapabilityLedger (mirrors src/rules/capability-ledger.ts)."""
import re

from .rule import Document, RuleFinding, code_rule
from .schema_values import schema_enum

STATES_NEEDING_REASON = [
    s for s in schema_enum("CapabilityLedger", "/properties/effectiveState/enum") if s in ("degraded", "failed") or re.match(r"(blocked|unsupported|missing)_", s)
]
"""The states that say something did not work: degraded, failed, and every blocked/unsupported/missing state."""


def _has_reason(doc: Document, filename: str | None) -> list[RuleFinding]:
    state = doc.get("effectiveState")
    reason = doc.get("stateReason")
    if state not in STATES_NEEDING_REASON or (isinstance(reason, str) and reason != ""):
        return []
    return [RuleFinding("/stateReason", f"effectiveState is {state} but no stateReason says why")]


RULES = [
    code_rule("rule/capability-state-has-reason", _has_reason),
]
