"""The generated validators' errors as issues, worded as src/schema-issues.ts words them: the
message is finished here (the value quoted) and an error a rule of the schema owns carries the
rule's code and statement. Errors that say the same thing at the same place are reported once."""
from typing import cast

from ._jsvalue import js_typeof, show
from ._keywords import RawError
from .issue import Issue

STATIC, SHOW, TYPEOF, PROPERTY, PAIR = range(5)


def _detail(how: int, text: str, value: object) -> str:
    if how == STATIC:
        return text
    if how == SHOW:
        return text + show(value)
    if how == TYPEOF:
        return text + js_typeof(value)
    if how == PROPERTY:
        return f"property {show(str(value))} is not allowed here"
    i, j = cast(tuple[int, int], value)
    return f"items {j} and {i} are the same; each item may appear once"


def schema_issues(errors: list[RawError]) -> list[Issue]:
    """Issues of a validator's raw errors, in order, duplicates dropped."""
    issues: list[Issue] = []
    seen: set[tuple[str, str, str]] = set()
    for code, keyword, pointer, how, text, value, statement in errors:
        detail = _detail(how, text, value)
        key = (code, pointer, detail)
        if key in seen:
            continue
        seen.add(key)
        message = f"{pointer or '/'} {detail}: {statement}" if statement is not None else detail
        issues.append(Issue(code, "error", pointer, message, keyword))
    return issues
