"""Timestamps that must not precede another (mirrors src/rules/time-order.ts)."""
from .instant import compare_instants, parse_instant
from .rule import RuleFinding


def _text(value: object) -> str:
    return "null" if value is None else str(value)


def order_findings(earlier: tuple[str, object], later: tuple[str, object], *, strictly: bool = False) -> list[RuleFinding]:
    """A finding at `later` when it precedes `earlier` (or, when `strictly`, does not follow it); unparsable values are skipped."""
    a = parse_instant(earlier[1])
    b = parse_instant(later[1])
    if a is None or b is None:
        return []
    order = compare_instants(b, a)
    if order > 0 or (order == 0 and not strictly):
        return []
    relation = "is the same instant as" if order == 0 else "is before"
    return [RuleFinding(later[0], f"{later[0]} ({_text(later[1])}) {relation} {earlier[0]} ({_text(earlier[1])})")]
