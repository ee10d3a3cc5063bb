"""What the generated validators call: JSON types as JSON Schema (and ajv) see them, equality,
unique items, pointers. A Python `bool` is no number; `1.0` is an integer; a number JavaScript
would read as Infinity (a huge integer, inf, NaN) is no number at all (ajv's strictNumbers)."""
import math
import re
from collections.abc import Callable
from typing import Any, Final

from ._formats import DATE_TIME_COMMON, DATE_TIME_COMMON_SOURCE, is_date_time
from ._jsvalue import js_number, to_js_number

MISSING: Final = object()
"""Stands for an absent property."""

# (code, keyword, pointer, how the message ends, message text, value, rule statement)
RawError = tuple[str, str, str, int, str, Any, "str | None"]

date_time_common: Final = DATE_TIME_COMMON.match
"""The usual date-time's match (no arithmetic needed): the fast validators try it before is_date_time."""
DATE_TIME_PART: Final = DATE_TIME_COMMON_SOURCE
"""The usual date-time as a part of a pattern that checks several values at once (no end anchor)."""

__all__ = ["DATE_TIME_PART", "MISSING", "RawError", "date_time_common", "is_date_time", "is_integer", "is_number", "in_enum", "json_equal", "escape", "duplicate_items", "duplicate_scalars", "lazy_pattern"]


def lazy_pattern(source: str, method: str, namespace: dict[str, Any] | None = None, name: str = "") -> Callable[[str], "re.Match[str] | None"]:
    """The `match`, `search` or `fullmatch` of a pattern compiled on the first call: for the patterns
    only an invalid document (or a value the fast check's ASCII pattern does not take) needs, and
    for the long ones the fast checks join. Given the module's `namespace` and the `name` it is
    bound to there, the first call puts the compiled pattern's method there in its place."""
    compiled: Callable[[str], "re.Match[str] | None"] | None = None

    def call(text: str) -> "re.Match[str] | None":
        nonlocal compiled
        if compiled is None:
            compiled = getattr(re.compile(source), method)
            if namespace is not None:
                namespace[name] = compiled
        return compiled(text)

    return call


def is_number(value: object) -> bool:
    """A finite JSON number (not a bool)."""
    if type(value) is float:
        return math.isfinite(value)
    if isinstance(value, int) and value is not True and value is not False:
        return math.isfinite(to_js_number(value))
    if isinstance(value, float):
        return math.isfinite(value)
    return False


def is_integer(value: object) -> bool:
    """A finite JSON number with no fraction (1.0 is one; True is not)."""
    if type(value) is int:
        return -1.7976931348623157e308 <= value <= 1.7976931348623157e308 or math.isfinite(to_js_number(value))
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) and value is not True and value is not False and math.isfinite(to_js_number(value))


def _js_equal(a: object, b: object, depth: int = 0) -> bool:
    if depth > 10000:
        raise RecursionError("too deep to compare")
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        x, y = to_js_number(a), to_js_number(b)
        return x == y or (x != x and y != y)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_js_equal(x, y, depth + 1) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and _js_equal(v, b[k], depth + 1) for k, v in a.items())
    return a is b


def json_equal(a: object, b: object) -> bool:
    """Deep equality of JSON values, as ajv's (fast-deep-equal) sees them."""
    return _js_equal(a, b)


def in_enum(value: object, allowed: tuple[object, ...]) -> bool:
    """True when the value equals one of the allowed values (scalars strictly, as ajv's `===`)."""
    return any(json_equal(value, option) for option in allowed)


def escape(token: object) -> str:
    """One RFC 6901 reference token."""
    return str(token).replace("~", "~0").replace("/", "~1")


def _key(value: object, depth: int) -> object:
    """A hashable key equal for equal JSON values (0 and -0 alike, NaN equal to NaN, keys in any order)."""
    if isinstance(value, str):
        return ("s", value)
    if value is None:
        return "z"
    if value is True or value is False:
        return ("b", value)
    if isinstance(value, (int, float)):
        x = to_js_number(value)
        return ("n", "NaN" if x != x else x + 0.0)
    if depth > 64:
        raise ValueError("too deep")
    if isinstance(value, (list, tuple)):
        return ("a", tuple(_key(v, depth + 1) for v in value))
    if isinstance(value, dict):
        return ("o", frozenset((str(k), _key(v, depth + 1)) for k, v in value.items()))
    return ("?", id(value))


def duplicate_items(items: list[Any] | tuple[Any, ...]) -> tuple[int, int] | None:
    """The last item that repeats an earlier one and the last such earlier one, as (i, j); None when all differ."""
    if all(type(item) is str for item in items) and len(set(items)) == len(items):
        return None  # the usual case: distinct strings
    last: dict[object, int] = {}
    found = None
    for i, item in enumerate(items):
        key = _key(item, 0)
        j = last.get(key)
        if j is not None:
            found = (i, j)
        last[key] = i
    return found


def _is_string(value: object) -> bool:
    return isinstance(value, str)


def _is_boolean(value: object) -> bool:
    return value is True or value is False


def _is_null(value: object) -> bool:
    return value is None


_TYPE_TESTS: Final[dict[str, Callable[[object], bool]]] = {
    "string": _is_string,
    "number": is_number,
    "integer": is_integer,
    "boolean": _is_boolean,
    "null": _is_null,
}


def duplicate_scalars(items: list[Any] | tuple[Any, ...], types: list[str]) -> tuple[int, int] | None:
    """ajv's uniqueItems over items of declared scalar types: scanning from the end, the first item
    whose key an item after it had, as (i, j) with i < j; items of another type are skipped."""
    if all(type(item) is str for item in items) and len(set(items)) == len(items):
        return None  # the usual case: distinct strings
    tests = [_TYPE_TESTS[t] for t in types]
    indices: dict[str, int] = {}
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if not any(test(item) for test in tests):
            continue
        if isinstance(item, str):
            key = item + "_" if len(types) > 1 else item
        elif item is None:
            key = "null"
        elif item is True or item is False:
            key = "true" if item else "false"
        else:
            key = js_number(item)
        if key in indices:
            return (i, indices[key])
        if key != "__proto__":
            indices[key] = i
    return None
