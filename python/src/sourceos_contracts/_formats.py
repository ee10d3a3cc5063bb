"""RFC 3339 date-times, strictly: the schemas' `date-time` format (mirrors
scripts/generate/runtime/formats.js, which the TypeScript validators use): a "T" (or "t") between
date and time, seconds required, a fraction of any length, an offset "Z"/"z" or "+hh:mm"/"-hh:mm",
real calendar days, and a leap second only at 23:59:60 UTC."""
import re
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


# The grammar, with each field's range in the pattern itself: only a day past the 28th and a leap
# second need arithmetic after the match.
DATE_TIME_SHAPE = _SHAPE = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)"
    r"(\.[0-9]+)?(?:[Zz]|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))\Z"
)

# The usual date-time: a day that exists in its month whatever the year (up to the 28th in every
# month, the 29th and 30th but in February, the 31st in the months of 31 days) and a second up to 59,
# so a match here needs no arithmetic (and no groups); February 29th and leap seconds are left to _SHAPE.
DATE_TIME_COMMON_SOURCE = (
    r"(?:[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    r"[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))"
)
"""DATE_TIME_COMMON without its end: a part of the fast validators' patterns that check several values in one match."""
DATE_TIME_COMMON = re.compile(DATE_TIME_COMMON_SOURCE + r"\Z")
_COMMON = DATE_TIME_COMMON.match


def calendar_and_leap_second(m: "re.Match[str]") -> bool:
    """The checks the pattern cannot make: the day exists in its month, a leap second is at 23:59:60 UTC."""
    day = int(m[3])
    if day > 28:
        month = int(m[2])
        if day > _DAYS[month]:
            year = int(m[1])
            if not (month == 2 and day == 29 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
                return False
    if m[6] == "60":
        offset = 0 if m[8] is None else (int(m[9]) * 60 + int(m[10])) * (-1 if m[8] == "-" else 1)
        return (int(m[4]) * 60 + int(m[5]) - offset) % 1440 == 1439
    return True


def parse_date_time(text: object) -> DateTimeFields | None:
    """The fields of an RFC 3339 date-time, or None when `text` is not one."""
    m = _SHAPE.match(text) if isinstance(text, str) else None
    if m is None or not calendar_and_leap_second(m):
        return None
    offset = 0 if m[8] is None else (int(m[9]) * 60 + int(m[10])) * (-1 if m[8] == "-" else 1)
    fraction_start, fraction_end = (m.start(7) + 1, m.end(7)) if m[7] is not None else (19, 19)
    return DateTimeFields(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6]), fraction_start, fraction_end, offset)


def is_date_time(text: object) -> bool:
    """True when `text` is a strict RFC 3339 date-time."""
    if type(text) is str and _COMMON(text) is not None:
        return True
    m = _SHAPE.match(text) if isinstance(text, str) else None
    return m is not None and ((m[3] < "29" and m[6] != "60") or calendar_and_leap_second(m))
