"""`validate`: a document against its contract, chosen by the caller or as the TypeScript
package's `validate` chooses it (mirrors src/validate.ts)."""
from collections.abc import Mapping
from typing import Any

from ._jsvalue import js_string, js_typeof
from .contract import Contract
from ._unreadable import unreadable_value
from .contracts import contracts
from .detect import SHAPE_CONTRACTS, TYPE_CONTRACTS, classify_document
from .issue import Issue, ValidationResult


def _unknown_contract(doc: object) -> Issue:
    near = classify_document(doc).issue
    if near is not None and near.severity == "error":
        return near
    type_ = doc.get("type") if isinstance(doc, dict) else None
    if isinstance(type_, str):
        return Issue("contract/unknown", "error", "/type", f'"type" is {js_string(type_)}, which is not a contract of this package')
    message = 'the document is not a contract of this package: it has no known "type" and does not have the shape of a Lease or a Signal'
    return Issue("contract/unknown", "error", "", message)


_BY_TYPE: Mapping[str, Contract[Any]] = {name: contracts[name] for name in TYPE_CONTRACTS}  # type: ignore[literal-required]
"""The contracts detection takes by `type` alone: the usual document needs one dict lookup."""
_BY_SHAPE: tuple[Contract[Any], ...] = tuple(contracts[name] for name in SHAPE_CONTRACTS)  # type: ignore[literal-required]
"""The contracts detection takes by shape (no `type`)."""


def validate(doc: object, contract: str | None = None, filename: str | None = None) -> ValidationResult:
    """Validates a document against `contract`, or the contract its `type` (or, for leases and
    signals, its shape) names. Returns every issue; `ok` is True when none is an error. Never raises."""
    if contract is None and type(doc) is dict:
        type_ = doc.get("type")
        if type(type_) is str:
            by_type = _BY_TYPE.get(type_)
            if by_type is not None:  # what classify_document decides first, without building its answer
                return by_type.validate(doc, filename if isinstance(filename, str) else None)
        elif "type" not in doc and "id" not in doc:
            # a document that passes a shape contract's check has all its properties and no other, so
            # no evidence of another contract, and that contract's whole shape: classify_document takes it
            for shaped in _BY_SHAPE:
                whole = shaped._validate_if_whole(doc, filename)
                if whole is not None:
                    return whole
    name: object = contract
    try:
        if name is None:
            name = classify_document(doc).contract
            if not name:
                return ValidationResult(False, None, (_unknown_contract(doc),))
    except Exception as error:  # noqa: BLE001 - never raises
        return ValidationResult(False, None, (unreadable_value(error),))
    table: Mapping[str, Contract[Any]] = contracts  # type: ignore[assignment]
    chosen = table.get(name) if isinstance(name, str) else None
    if chosen is None:
        shown = js_string(name) if isinstance(name, str) else f"a {js_typeof(name)}"
        return ValidationResult(False, None, (Issue("contract/unknown", "error", "", f"{shown} is not a contract of this package"),))
    return chosen.validate(doc, filename if isinstance(filename, str) else None)
