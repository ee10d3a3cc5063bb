"""RFC 3339 date-times as exact instants, for rules that compare or add to timestamps (mirrors
src/rules/instant.ts): no clock, no float; None for anything the `date-time` format rejects."""
from typing import NamedTuple

from .._formats import DATE_TIME_COMMON, DATE_TIME_SHAPE, calendar_and_leap_second

_COMMON = DATE_TIME_COMMON.match



class Instant(NamedTuple):
    """Compared as a tuple, instants are in time order: the fraction's digits, without trailing
    zeros, compare as text as they do as numbers."""

    minute: int
    """Minutes since 1970-01-01T00:00Z, in UTC."""
    second: int
    """The second within that minute; 60 only for a leap second."""
    fraction: str
    """The fractional second's digits, without trailing zeros."""


_instant = tuple.__new__
"""Builds an Instant from its three fields without the Python-level `__new__` of a NamedTuple."""


def _days_from_civil(year: int, month: int, day: int) -> int:
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return era * 400 + yoe + (1 if month <= 2 else 0), month, day


def parse_instant(text: object) -> Instant | None:
    """An RFC 3339 date-time as an exact instant, or None when it is not one (the `date-time` format's grammar)."""
    if type(text) is str and _COMMON(text) is not None:
        # the usual date-time: fixed columns of ASCII digits (each worth its byte minus 48, "0"), a
        # day that exists, no leap second
        b = text.encode()
        if b[-1] == 90 or b[-1] == 122:  # Z, z
            end, offset = len(b) - 1, 0
        else:
            end, offset = len(b) - 6, (b[-5] * 10 + b[-4] - 528) * 60 + b[-2] * 10 + b[-1] - 528
            if b[-6] == 45:  # -
                offset = -offset
        days = _days_from_civil(b[0] * 1000 + b[1] * 100 + b[2] * 10 + b[3] - 53328, b[5] * 10 + b[6] - 528, b[8] * 10 + b[9] - 528)
        minute = days * 1440 + (b[11] * 10 + b[12] - 528) * 60 + b[14] * 10 + b[15] - 528 - offset
        return _instant(Instant, (minute, b[17] * 10 + b[18] - 528, text[20:end].rstrip("0")))
    m = DATE_TIME_SHAPE.match(text) if isinstance(text, str) else None
    if m is None or not ((m[3] < "29" and m[6] != "60") or calendar_and_leap_second(m)):
        return None
    offset = 0 if m[8] is None else (int(m[9]) * 60 + int(m[10])) * (-1 if m[8] == "-" else 1)
    year = int(m[1])
    days = _days_from_civil(year, int(m[2]), int(m[3]))
    fraction = m[7]
    return Instant(days * 1440 + int(m[4]) * 60 + int(m[5]) - offset, int(m[6]), fraction[1:].rstrip("0") if fraction else "")


def compare_instants(a: Instant, b: Instant) -> int:
    """Negative when a is before b, zero when the same instant, positive when after."""
    return (a > b) - (a < b)


def _posix_seconds(i: Instant) -> int:
    return i.minute * 60 + i.second


def add_seconds(start: Instant, seconds: int) -> Instant:
    """The instant `seconds` whole seconds after `start` on the POSIX time scale."""
    total = _posix_seconds(start) + seconds
    minute = total // 60
    return Instant(minute, total - minute * 60, start.fraction)


def same_posix_instant(a: Instant, b: Instant) -> bool:
    return _posix_seconds(a) == _posix_seconds(b) and a.fraction == b.fraction


def format_instant(i: Instant) -> str:
    """An instant as an RFC 3339 date-time in UTC; a year outside 0000–9999 keeps its sign and digits."""
    days = i.minute // 1440
    in_day = i.minute - days * 1440
    year, month, day = _civil_from_days(days)
    fraction = f".{i.fraction}" if i.fraction else ""
    year_text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"{year_text}-{month:02d}-{day:02d}T{in_day // 60:02d}:{in_day % 60:02d}:{i.second:02d}{fraction}Z"
