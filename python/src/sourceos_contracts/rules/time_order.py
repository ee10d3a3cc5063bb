"""Timestamps that must not precede another (mirrors src/rules/time-order.ts)."""
from .._formats import is_date_time
from .instant import compare_instants, parse_instant
from .rule import RuleFinding


def _text(value: object) -> str:
    return "null" if value is None else str(value)


def order_findings(earlier: tuple[str, object], later: tuple[str, object], *, strictly: bool = False) -> list[RuleFinding]:
    """A finding at `later` when it precedes `earlier` (or, when `strictly`, does not follow it); unparsable values are skipped."""
    x, y = earlier[1], later[1]
    if not isinstance(x, str) or not isinstance(y, str):
        return []  # not a date-time: another rule's business
    # the usual case, two UTC date-times written alike ("2026-05-06T04:31:00Z", fractions of one
    # length): text order is time order
    if (y > x or (y == x and not strictly)) and len(x) == len(y) > 19 and x[-1] == y[-1] == "Z" and x[10] == y[10] == "T" and x[19] == y[19] and is_date_time(x) and is_date_time(y):
        return []
    a = parse_instant(earlier[1])
    b = parse_instant(later[1])
    if a is None or b is None:
        return []
    order = compare_instants(b, a)
    if order > 0 or (order == 0 and not strictly):
        return []
    relation = "is the same instant as" if order == 0 else "is before"
    return [RuleFinding(later[0], f"{later[0]} ({_text(later[1])}) {relation} {earlier[0]} ({_text(earlier[1])})")]
