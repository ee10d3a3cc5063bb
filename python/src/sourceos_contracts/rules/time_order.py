"""Timestamps that must not precede another (mirrors src/rules/time-order.ts)."""
from .instant import compare_instants, parse_instant
from .rule import RuleFinding


def _text(value: object) -> str:
    return "null" if value is None else str(value)


def in_order(x: object, y: object, strictly: bool = False) -> bool:
    """True when `order_findings` would find nothing, told from the text alone: two date-times with
    one offset ("Z" for both, or the same "+hh:mm"/"-hh:mm", as a writer of one clock gives them all)
    whose whole seconds are in order, or written alike (fractions of one length) with `y` not before
    `x` (after it, when `strictly`), as text order is then time order; and a value that is no
    date-time is never a finding, so neither is checked against the format here. False says nothing."""
    return (
        type(x) is str
        and type(y) is str
        and len(x) > 19
        and len(y) > 19
        and x[10] == y[10] == "T"
        and ((x[-1] == y[-1] == "Z") or (x[-6] in "+-" and x[-6:] == y[-6:]))
        and ((len(x) == len(y) and x[19] == y[19] and (y > x or (y == x and not strictly))) or y[:19] > x[:19])
    )


def order_findings(earlier: tuple[str, object], later: tuple[str, object], *, strictly: bool = False) -> list[RuleFinding]:
    """A finding at `later` when it precedes `earlier` (or, when `strictly`, does not follow it); unparsable values are skipped."""
    x, y = earlier[1], later[1]
    if not isinstance(x, str) or not isinstance(y, str):
        return []  # not a date-time: another rule's business
    if in_order(x, y, strictly):
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
