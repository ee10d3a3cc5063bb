"""RFC 3339 date-times, strictly: the schemas' `date-time` format (mirrors
scripts/generate/runtime/formats.js, which the TypeScript validators use): a "T" (or "t") between
date and time, seconds required, a fraction of any length, an offset "Z"/"z" or "+hh:mm"/"-hh:mm",
real calendar days, and a leap second only at 23:59:60 UTC."""
from typing import NamedTuple

_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DateTimeFields(NamedTuple):
    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    fraction_start: int
    fraction_end: int
    offset_minutes: int


def _digits(text: str, start: int, count: int) -> int:
    if start + count > len(text):
        return -1
    value = 0
    for i in range(start, start + count):
        d = ord(text[i]) - 48
        if d < 0 or d > 9:
            return -1
        value = value * 10 + d
    return value


def parse_date_time(text: object) -> DateTimeFields | None:
    """The fields of an RFC 3339 date-time, or None when `text` is not one."""
    if not isinstance(text, str) or len(text) < 20:
        return None
    year = _digits(text, 0, 4)
    month = _digits(text, 5, 2)
    day = _digits(text, 8, 2)
    hour = _digits(text, 11, 2)
    minute = _digits(text, 14, 2)
    second = _digits(text, 17, 2)
    if year < 0 or month < 1 or day < 1 or hour < 0 or minute < 0 or second < 0:
        return None
    if text[4] != "-" or text[7] != "-" or text[10] not in "Tt" or text[13] != ":" or text[16] != ":":
        return None
    i = 19
    n = len(text)
    fraction_start = i + 1 if text[i] == "." else i
    if fraction_start > i:
        i = fraction_start
        while i < n and "0" <= text[i] <= "9":
            i += 1
        if i == fraction_start:
            return None
    fraction_end = i
    offset_minutes = 0
    zone = text[i] if i < n else ""
    if zone in ("Z", "z"):
        if i + 1 != n:
            return None
    elif zone in ("+", "-"):
        offset_hour = _digits(text, i + 1, 2)
        offset_minute = _digits(text, i + 4, 2)
        if i + 6 != n or text[i + 3] != ":" or offset_hour < 0 or offset_hour > 23 or offset_minute < 0 or offset_minute > 59:
            return None
        offset_minutes = (-1 if zone == "-" else 1) * (offset_hour * 60 + offset_minute)
    else:
        return None
    leap_year = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if month > 12 or day > (29 if month == 2 and leap_year else _DAYS[month]):
        return None
    if hour > 23 or minute > 59 or second > 60:
        return None
    if second == 60 and (hour * 60 + minute - offset_minutes) % 1440 != 1439:
        return None
    return DateTimeFields(year, month, day, hour, minute, second, fraction_start, fraction_end, offset_minutes)


def is_date_time(text: object) -> bool:
    """True when `text` is a strict RFC 3339 date-time."""
    return parse_date_time(text) is not None
