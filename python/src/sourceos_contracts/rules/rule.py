"""A rule JSON Schema cannot say: one pure function keyed by a stable code `rule/<name>`, run only
on documents whose structure is valid (mirrors src/rules/rule.ts)."""
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ..issue import Severity


class RuleFinding(NamedTuple):
    """One violation: where, and what is wrong there."""

    pointer: str
    message: str


Document = Mapping[str, Any]


class Rule(NamedTuple):
    code: str
    contract: str
    severity: Severity
    statement: str
    check: Callable[[Document, str | None], list[RuleFinding]]
    """(document, file name or None) → findings."""
