"""The code rules of Lease (mirrors src/rules/lease.ts)."""
from .._jsvalue import js_number, to_js_number
from .instant import add_seconds, format_instant, parse_instant, same_posix_instant
from .rule import Document, Rule, RuleFinding


def _expiry_matches_ttl(doc: Document, filename: str | None) -> list[RuleFinding]:
    created = parse_instant(doc.get("created_at"))
    expires = parse_instant(doc.get("expires_at"))
    ttl = doc.get("ttl_seconds")
    if created is None or expires is None or isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        return []
    seconds = to_js_number(ttl)
    if not seconds.is_integer():
        return []
    due = add_seconds(created, int(seconds))
    if same_posix_instant(due, expires):
        return []
    message = f"expires_at is {doc.get('expires_at')}, but created_at + ttl_seconds ({doc.get('created_at')} + {js_number(ttl)} s) is {format_instant(due)}"
    return [RuleFinding("/expires_at", message)]


def _override_has_reason(doc: Document, filename: str | None) -> list[RuleFinding]:
    if doc.get("override") and doc.get("override_reason") == "":
        return [RuleFinding("/override_reason", "override is true but override_reason is empty")]
    return []


RULES = [
    Rule("rule/lease-expiry-matches-ttl", "Lease", "error", "expires_at is exactly created_at plus ttl_seconds (the same instant; offsets may differ).", _expiry_matches_ttl),
    Rule("rule/lease-override-has-reason", "Lease", "warning", "A lease with override true has a non-empty override_reason.", _override_has_reason),
]
