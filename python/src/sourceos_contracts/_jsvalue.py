"""How JavaScript sees a JSON value, for messages that must read as the TypeScript package's:
`typeof`, number formatting, and JSON.stringify (integer-like keys first, as a JavaScript object
orders them; -0 as 0; 1.0 as 1)."""
import math
from typing import Any

_MAX_INDEX = 2**32 - 2


def to_js_number(value: int | float) -> float:
    """The double JavaScript holds for a JSON number (a huge integer is Infinity)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _plain(text: str) -> str:
    """A number Python wrote with an exponent, without it (decimal is imported only here: it is rarely needed)."""
    from decimal import Decimal

    return format(Decimal(text), "f")


def js_number(value: int | float) -> str:
    """A number as JavaScript's String() writes it."""
    x = to_js_number(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e21:
        shortest = repr(x)
        return _plain(shortest) if "e" in shortest else str(int(x))
    text = repr(x)
    if "e" in text and 1e-6 <= abs(x) < 1:
        return _plain(text)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if mantissa.endswith(".0"):
            mantissa = mantissa[:-2]
        sign = "-" if exponent.startswith("-") else "+"
        return f"{mantissa}e{sign}{exponent.lstrip('+-').lstrip('0') or '0'}"
    return text


def js_typeof(value: object) -> str:
    """What src/schema-issues.ts says a value is: null, array, or JavaScript's typeof."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _is_index(key: str) -> bool:
    return key.isdigit() and key.isascii() and (key == "0" or not key.startswith("0")) and int(key) <= _MAX_INDEX


def js_keys(obj: dict[Any, Any]) -> list[Any]:
    """A JavaScript object's key order: integer-like keys ascending, then the others as inserted."""
    keys = list(obj)
    indexes = [k for k in keys if isinstance(k, str) and _is_index(k)]
    if not indexes:
        return keys
    indexes.sort(key=int)
    return indexes + [k for k in keys if not (isinstance(k, str) and _is_index(k))]


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def js_string(text: str) -> str:
    """A string as JSON.stringify writes it."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def js_stringify(value: object, depth: int = 0) -> str | None:
    """JSON.stringify of a JSON value (None for what it would leave out); raises ValueError on a cycle."""
    if depth > 500:
        raise ValueError("too deep to show")
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, (int, float)):
        x = to_js_number(value)
        return "null" if math.isnan(x) or math.isinf(x) else js_number(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(js_stringify(v, depth + 1) or "null" for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key in js_keys(value):
            text = js_stringify(value[key], depth + 1)
            if text is not None:
                parts.append(js_string(str(key)) + ":" + text)
        return "{" + ",".join(parts) + "}"
    raise ValueError("not a JSON value")


def utf16_length(text: str) -> int:
    """The length of a string in UTF-16 code units, as JavaScript counts it."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_slice(text: str, end: int) -> str:
    """The first `end` UTF-16 code units of a string (a split pair keeps its first half)."""
    if len(text) == utf16_length(text):
        return text[:end]
    return text.encode("utf-16-le", "surrogatepass")[: 2 * end].decode("utf-16-le", "surrogatepass")


def show(value: object) -> str:
    """A value as a message quotes it, cut to 60 characters; never raises."""
    text: str | None
    try:
        text = js_stringify(value)
    except (ValueError, RecursionError, TypeError):
        text = "an array" if isinstance(value, (list, tuple)) else "an object" if isinstance(value, dict) else f"a {js_typeof(value)}"
    if text is None:
        text = "undefined"
    return utf16_slice(text, 57) + "..." if utf16_length(text) > 60 else text
