"""The detection policy of the core (mirrors src/detect.ts): for any JSON value, the contract it is
(by `type`, or by shape for the contracts without one), nothing, or a document meant to be a
contract but broken (`contract/near-miss`). Names, prefixes and shapes come from the schemas."""
import re
from typing import Any, Final, NamedTuple

from ._jsvalue import js_stringify
from .detection.names import nearest_name
from .detection.shape import shape_match, share_of
from .generated.meta import CONTRACT_NAMES, DETECTION, ID_PATTERNS, SHAPES
from .issue import Issue

SHAPE_TAKEN: Final = 0.8
SHAPE_WARNED: Final = 0.6
_FOREIGN_ALLOWED = 0.5
_SOURCEOS_ID = "urn:srcos:"
_MISSES = {"case or spacing": "differs only in case or spacing", "plural": "is a plural", "misspelt": "is misspelt"}

TYPE_CONTRACTS: Final = [n for n in CONTRACT_NAMES if DETECTION[n][0] == "type"]
SHAPE_CONTRACTS: Final = [n for n in CONTRACT_NAMES if DETECTION[n][0] == "shape"]


class Classification(NamedTuple):
    contract: str | None
    by: str
    reason: str
    issue: Issue | None = None
    looks_like: str | None = None
    not_ours: str | None = None
    """For a value that is none of ours and no near miss: "sourceos" (another SourceOS family) or "json"."""


def _id_prefix(pattern: str) -> str | None:
    if not pattern.startswith("^"):
        return None
    literal = re.match(r"[^\\\[\](){}.*+?|$^]*", pattern[1:])
    text = literal.group(0) if literal else ""
    return text if len(text) > len(_SOURCEOS_ID) else None


ID_PREFIXES: Final = sorted(
    ((name, prefix) for name in CONTRACT_NAMES if (prefix := _id_prefix(ID_PATTERNS.get(name, ""))) is not None),
    key=lambda p: -len(p[1]),
)
"""Each contract's URN prefix, longest first."""


def _quote(value: object) -> str:
    try:
        text = js_stringify(value)
    except (ValueError, RecursionError):
        text = None
    return text if text is not None else str(value)


def _a(name: str) -> str:
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _contract_of_id(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    lowered = value.lower()
    return next((name for name, prefix in ID_PREFIXES if lowered.startswith(prefix)), None)


def _near_miss(looks_like: str | None, reason: str, message: str) -> Classification:
    return Classification(None, "evidence", reason, Issue("contract/near-miss", "error", "/type", message), looks_like)


def _by_evidence(doc: dict[Any, Any]) -> Classification | None:
    type_ = doc.get("type")
    id_ = doc.get("id")
    has_type = "type" in doc
    if isinstance(type_, str):
        near = nearest_name(type_, TYPE_CONTRACTS)
        if near:
            name, miss = near
            how = _MISSES[miss]
            return _near_miss(
                name, f'looks like {_a(name)}: "type" {_quote(type_)} {how}', f'"type" is {_quote(type_)}, not a contract name (it {how}): did you mean {_quote(name)}?'
            )
    id_contract = _contract_of_id(id_)
    if id_contract:
        what = f'"type" is {_quote(type_)}' if has_type else 'it has no "type"'
        return _near_miss(
            id_contract,
            f"looks like {_a(id_contract)}: its id is one, but {what}",
            f'{what}, but its id {_quote(id_)} is {_a(id_contract)} id: did you mean "type": {_quote(id_contract)}?',
        )
    return None


def _by_shape(doc: dict[Any, Any]) -> Classification | None:
    best = None
    for contract in SHAPE_CONTRACTS:
        match = shape_match(doc, SHAPES[contract])
        if match.foreign > match.keys * _FOREIGN_ALLOWED:
            continue
        share = share_of(match)
        if best is None or share > best[1]:
            best = (contract, share, match)
    if best is None or best[1] < SHAPE_WARNED:
        return None
    contract, share, match = best
    of = (
        f"all {match.required} required properties of {_a(contract)}"
        if match.present == match.required
        else f"{match.present} of the {match.required} required properties of {_a(contract)}"
    )
    if share >= SHAPE_TAKEN:
        return Classification(contract, "shape", f'no "type", and it has {of}')
    missing = ", ".join(match.missing)
    more = ", ..." if match.present + len(match.missing) < match.required else ""
    message = (
        f"this looks like {_a(contract)} ({of}; missing {missing}{more}) but is not checked as one: "
        f'if it is, map it to {contract} in .contracts.json; if not, map it to "none"'
    )
    return Classification(None, "shape", f'no "type", and only {of}', Issue("contract/partial-shape", "warning", "", message), contract)


_NOT_AN_OBJECT = Classification(None, "none", "not a JSON object", not_ours="json")


def _is_sourceos(doc: dict[Any, Any]) -> bool:
    """A SourceOS document: its `id` is a `urn:srcos:` URN (of another family, once ours are ruled out)."""
    id_ = doc.get("id")
    return isinstance(id_, str) and id_[: len(_SOURCEOS_ID)].lower() == _SOURCEOS_ID


def _not_ours(doc: dict[Any, Any], has_type: bool, type_: object) -> Classification:
    what = f'"type" {_quote(type_)} is no contract of this package' if has_type else 'no "type"'
    if _is_sourceos(doc):
        reason = (
            f"a SourceOS document of another family: {what}"
            if has_type
            else f"a SourceOS document of another family: {what}, and its id {_quote(doc.get('id'))} has none of this package's URN prefixes"
        )
        return Classification(None, "none", reason, not_ours="sourceos")
    reason = what if has_type else f'{what}, and not the shape of {" or ".join(_a(n) for n in SHAPE_CONTRACTS)}'
    return Classification(None, "none", reason, not_ours="json")


def classify_document(doc: object) -> Classification:
    """The core's decision about a value: by `type`, by evidence of a broken contract, by shape, or none."""
    if not isinstance(doc, dict):
        return _NOT_AN_OBJECT
    type_ = doc.get("type")
    if isinstance(type_, str) and type_ in TYPE_CONTRACTS:
        return Classification(type_, "type", f'"type" is {_quote(type_)}')
    evidence = _by_evidence(doc)
    if evidence:
        return evidence
    has_type = "type" in doc
    if not has_type:
        shaped = _by_shape(doc)
        # a partial shape is worth a warning only on a document that says of no other family that it is theirs
        if shaped and (shaped.contract or not _is_sourceos(doc)):
            return shaped
    return _not_ours(doc, has_type, type_)


def detect_contract(doc: object) -> str | None:
    """The contract a document is, or None."""
    return classify_document(doc).contract
