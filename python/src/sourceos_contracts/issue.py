"""Issues and results: errors are data (a stable code, a severity, an RFC 6901 pointer, a message)."""
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]
"""How much an issue matters: an error makes a document invalid, a warning does not."""


class Issue(NamedTuple):
    """One finding about a document: `code` (`schema/<keyword>`, `rule/<name>`, `contract/unknown`, ...),
    `severity`, `pointer` to the offending value (for a missing property, the property itself), `message`."""

    code: str
    severity: Severity
    pointer: str
    message: str
    keyword: str | None = None
    """For schema issues: the JSON Schema keyword that failed."""


class ValidationResult(NamedTuple):
    """The outcome of validating one document: `ok` is True when no issue is an error."""

    ok: bool
    contract: str | None
    issues: tuple[Issue, ...]


def has_error(issues: "tuple[Issue, ...] | list[Issue]") -> bool:
    """True when one of the issues is an error."""
    return any(i.severity == "error" for i in issues)
