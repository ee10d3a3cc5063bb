"""How much of a contract's required shape a document has (mirrors src/detection/shape.ts)."""
from dataclasses import dataclass, field
from typing import Any

from ..generated.meta import Shape

_MISSING_LISTED = 4


@dataclass
class ShapeMatch:
    present: int = 0
    required: int = 0
    missing: list[str] = field(default_factory=list)
    foreign: int = 0
    keys: int = 0


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
