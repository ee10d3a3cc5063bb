"""A rule JSON Schema cannot say: one pure function keyed by a stable code `rule/<name>`, run only
on documents whose structure is valid (mirrors src/rules/rule.ts)."""
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, cast

from ..generated.meta import RULE_INFO
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


def code_rule(code: str, check: Callable[[Document, str | None], list[RuleFinding]]) -> Rule:
    """The rule `code` with its contract, severity and statement as the rule registry has them
    (generated into RULE_INFO from src/rules/), and its check in Python."""
    contract, severity, statement = RULE_INFO[code]
    return Rule(code, contract, cast(Severity, severity), statement, check)
