"""The code rules of Lease (mirrors src/rules/lease.ts)."""
from .._jsvalue import js_number, to_js_number
from .instant import add_seconds, format_instant, parse_instant, same_posix_instant
from .rule import Document, RuleFinding, code_rule


def _same_day_in_utc(created: object, expires: object, ttl: object) -> bool:
    """True when both are date-times of one day, written alike after the seconds (one fraction, one
    offset: "Z", or "+00:00" as Python's isoformat writes it), whose times of day are `ttl` seconds
    apart (then the rule finds nothing, and a value that is no date-time is never a finding either).
    False says nothing."""
    if type(ttl) is not int or type(created) is not str or type(expires) is not str:
        return False
    if not (len(created) == len(expires) > 19 and created[19:] == expires[19:] and created[:11] == expires[:11] and created.isascii() and expires.isascii()):
        return False
    # the times of day as bytes: a date-time's digits are ASCII, each worth its byte minus 48 ("0")
    c, e = created.encode(), expires.encode()
    seconds = (e[11] - c[11]) * 36000 + (e[12] - c[12]) * 3600 + (e[14] - c[14]) * 600 + (e[15] - c[15]) * 60 + (e[17] - c[17]) * 10 + e[18] - c[18]
    return seconds == ttl


def _expiry_matches_ttl(doc: Document, filename: str | None) -> list[RuleFinding]:
    ttl = doc.get("ttl_seconds")
    if _same_day_in_utc(doc.get("created_at"), doc.get("expires_at"), ttl):
        return []  # nothing to find: the usual case, cheaply
    created = parse_instant(doc.get("created_at"))
    expires = parse_instant(doc.get("expires_at"))
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
    code_rule("rule/lease-expiry-matches-ttl", _expiry_matches_ttl),
    code_rule("rule/lease-override-has-reason", _override_has_reason),
]
