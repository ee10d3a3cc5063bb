"""One contract: its precompiled schema validator, its code rules, and every way to check a
document against it (mirrors src/contract.ts)."""
from typing import Generic, TypeVar, cast

from ._keywords import RawError
from ._schema_issues import schema_issues
from ._unreadable import unreadable_value
from .generated.validators import SCHEMA_VALIDATORS
from .issue import Issue, ValidationResult, has_error
from .rules import CODE_RULES

Doc = TypeVar("Doc")


class ContractValidationError(ValueError):
    """What `parse` raises: it carries every issue of the document."""

    def __init__(self, contract: str, issues: tuple[Issue, ...]) -> None:
        self.contract = contract
        self.issues = issues
        errors = "; ".join(f"{i.pointer or '/'} {i.code} {i.message}" for i in issues if i.severity == "error")
        super().__init__(f"{contract} is invalid: {errors}")


class Contract(Generic[Doc]):
    """A contract of this package: `validate`, `is_valid`, `parse`."""

    __slots__ = ("name", "_schema_valid", "_schema_errors", "_rules", "_checks", "_rule_checks", "_no_issue")

    def __init__(self, name: str) -> None:
        self.name = name
        self._schema_valid, self._schema_errors = SCHEMA_VALIDATORS[name]
        self._rules = CODE_RULES[name]
        self._checks = tuple((rule.check, rule.code, rule.severity) for rule in self._rules)
        self._rule_checks = tuple(rule.check for rule in self._rules)
        self._no_issue = ValidationResult(True, name, ())

    def __repr__(self) -> str:
        return f"<Contract {self.name}>"

    def validate(self, doc: object, filename: str | None = None) -> ValidationResult:
        """Every issue of the document: structure first, then (if the structure holds) the code rules. Never raises."""
        name = filename if isinstance(filename, str) else None
        try:
            # the short-circuiting check first; only a document it doubts meets the full validator
            if self._schema_valid(doc):
                return self._structure_valid(doc, name)
            else:
                errors: list[RawError] = []
                self._schema_errors(doc, errors)
                issues = schema_issues(errors)
                # the code rules run once the structure holds (rules the schema states may still fail)
                if not any(i.code.startswith("schema/") for i in issues):
                    issues = self._rule_issues(doc, name, issues)
                if not issues:
                    return self._no_issue
        except Exception as error:  # noqa: BLE001 - a value that cannot be read is an issue, never an exception
            return ValidationResult(False, self.name, (unreadable_value(error),))
        return ValidationResult(not has_error(issues), self.name, tuple(issues))

    def _structure_valid(self, doc: object, name: str | None) -> ValidationResult:
        """The result of a document the short-circuiting check passed: its code rules' (may raise, as
        no rule expects a value of a type its schema refuses: the caller reports that)."""
        for check in self._rule_checks:
            if check(doc, name):  # type: ignore[arg-type]
                break  # a finding: every rule again, for every issue (rules are pure)
        else:
            return self._no_issue  # one shared result for every document without an issue
        issues = self._rule_issues(doc, name, [])
        return ValidationResult(not has_error(issues), self.name, tuple(issues))

    def _validate_if_whole(self, doc: object, filename: str | None = None) -> ValidationResult | None:
        """`validate`'s result when the document passes this contract's short-circuiting check (it has
        then every property the contract requires, at every depth, and no other); None otherwise, and
        when the check cannot read the value (then `validate` decides). Never raises."""
        try:
            if not self._schema_valid(doc):
                return None
        except Exception:  # noqa: BLE001 - see above
            return None
        try:
            return self._structure_valid(doc, filename if isinstance(filename, str) else None)
        except Exception as error:  # noqa: BLE001 - a value that cannot be read is an issue, never an exception
            return ValidationResult(False, self.name, (unreadable_value(error),))

    def _rule_issues(self, doc: object, name: str | None, issues: list[Issue]) -> list[Issue]:
        for check, code, severity in self._checks:
            for finding in check(doc, name):  # type: ignore[arg-type]
                issues.append(Issue(code, severity, finding.pointer, finding.message))
        return issues

    def is_valid(self, doc: object, filename: str | None = None) -> bool:
        """True when the document has no error (warnings allowed)."""
        return self.validate(doc, filename).ok

    def parse(self, doc: object, filename: str | None = None) -> Doc:
        """The same document, typed, when it has no error; raises ContractValidationError otherwise."""
        result = self.validate(doc, filename)
        if not result.ok:
            raise ContractValidationError(self.name, result.issues)
        return cast(Doc, doc)
