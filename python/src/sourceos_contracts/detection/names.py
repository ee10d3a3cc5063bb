"""How close a written name is to a contract's name (mirrors src/detection/names.ts)."""
import re
from collections.abc import Sequence
from typing import Literal

NameMiss = Literal["case or spacing", "plural", "misspelt"]

_MAX_COMPARED = 64
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _js_lower(name: str) -> str:
    return name.lower()


def normalize_name(name: str) -> str:
    """Lower case, letters and digits only."""
    return _NOT_ALNUM.sub("", _js_lower(name))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 as soon as it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before = [0] * (len(b) + 1)
    previous = list(range(len(b) + 1))
    current = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current[0] = i
        row_best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, before[j - 2] + 1)
            current[j] = d
            row_best = min(row_best, d)
        if row_best > limit:
            return limit + 1
        before, previous, current = previous, current, before
    return previous[len(b)]


def typo_limit(name: str) -> int:
    return max(1, len(normalize_name(name)) // 8)


def _length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def name_miss(written: str, name: str) -> NameMiss | None:
    """Whether `written` is a near miss of `name` (never when equal), and how."""
    if written == name or _length(written) > _MAX_COMPARED:
        return None
    w = normalize_name(written)
    n = normalize_name(name)
    if not w:
        return None
    if w == n:
        return "case or spacing"
    if w in (f"{n}s", f"{n}es"):
        return "plural"
    return "misspelt" if edit_distance(w, n, typo_limit(name)) <= typo_limit(name) else None


def nearest_name(written: str, names: Sequence[str]) -> tuple[str, NameMiss] | None:
    """The first of `names` that `written` is a near miss of, with how."""
    for name in names:
        miss = name_miss(written, name)
        if miss:
            return name, miss
    return None
