"""The issue that stands for an exception raised while a value was read (mirrors src/unreadable-value.ts)."""
from .issue import Issue

UNREADABLE_VALUE = "value/unreadable"


def unreadable_value(error: BaseException) -> Issue:
    try:
        reason = f"{type(error).__name__}: {error}"
    except Exception:  # noqa: BLE001 - a str() that raises
        reason = "an unreadable exception was raised"
    if len(reason) > 200:
        reason = reason[:197] + "..."
    return Issue(UNREADABLE_VALUE, "error", "", f"the value cannot be checked: reading it threw ({reason})")
