"""How much of a contract's required shape a document has (mirrors src/detection/shape.ts)."""
from typing import Any

from ..generated.meta import Shape

_MISSING_LISTED = 4


class ShapeMatch:
    """Required properties present and required (at every depth), the first missing ones, and the
    document's own keys and those of them the contract does not define."""

    __slots__ = ("present", "required", "missing", "foreign", "keys")

    def __init__(self) -> None:
        self.present = 0
        self.required = 0
        self.missing: list[str] = []
        self.foreign = 0
        self.keys = 0


def _count(value: Any, shape: Shape, at: str, match: ShapeMatch) -> None:
    required, _properties, nested = shape
    for key in required:
        match.required += 1
        sub = nested[key]
        if isinstance(value, dict) and key in value:
            match.present += 1
            _count(value[key], sub, f"{at}/{key}", match)
        else:
            if len(match.missing) < _MISSING_LISTED:
                match.missing.append(f"{at}/{key}")
            _count_absent(sub, match)


def _count_absent(shape: Shape, match: ShapeMatch) -> None:
    for key in shape[0]:
        match.required += 1
        _count_absent(shape[2][key], match)


def shape_match(doc: dict[Any, Any], shape: Shape) -> ShapeMatch:
    match = ShapeMatch()
    _count(doc, shape, "", match)
    for key in doc:
        match.keys += 1
        if key not in shape[1]:
            match.foreign += 1
    return match


def share_of(m: ShapeMatch) -> float:
    return m.present / max(1, m.required)
