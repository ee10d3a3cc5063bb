"""The references a GitWorkspaceState carries (who asked, under which ledger, workspace and decision),
each overridable as ``contracts git-state`` overrides them (``--session-ref`` ...), and the check every
document passes before the probe returns it: a document its contract finds an error in is refused,
as the TypeScript probe refuses it (mirrors ``GitProbeRefs`` of src/node/git-probe/probe.ts and
``refuseInvalid`` of src/machines/kernel/emission-check.ts).
"""

from __future__ import annotations

from . import _vocabulary as v

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..issue import Issue

INVALID_INPUT = "git/invalid-input"


class GitProbeRefusal(ValueError):
    """What ``probe_git_workspace`` raises for references (or a minted id) that would make an invalid
    document: ``code`` is the TypeScript probe's refusal code, ``issues`` the document's errors."""

    def __init__(self, code: str, message: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.issues = issues


class GitProbeRefs:
    """The references of one probe: the defaults of a probe made outside any session, each overridden
    by the value given (``None`` keeps the default)."""

    __slots__ = ("session_ref", "capability_ledger_ref", "workspace_ref", "policy_decision_ref", "agent_machine_receipt_ref", "causal_refs", "evidence_refs")

    def __init__(
        self,
        session_ref: object = None,
        capability_ledger_ref: object = None,
        workspace_ref: object = None,
        policy_decision_ref: object = None,
        agent_machine_receipt_ref: object = None,
        causal_refs: object = None,
        evidence_refs: object = None,
    ) -> None:
        causal, evidence = _strings(causal_refs), _strings(evidence_refs)
        bad = [name for name, value in (("causal_refs", causal), ("evidence_refs", evidence)) if value is None]
        if causal is None or evidence is None:
            raise GitProbeRefusal(INVALID_INPUT, f"a probe: {', '.join(bad)} must {'each ' if len(bad) > 1 else ''}be a list of strings")
        self.session_ref = v.SESSION_REF if session_ref is None else session_ref
        self.capability_ledger_ref = v.CAPABILITY_LEDGER_REF if capability_ledger_ref is None else capability_ledger_ref
        self.workspace_ref = v.WORKSPACE_REF if workspace_ref is None else workspace_ref
        self.policy_decision_ref = v.POLICY_DECISION_REF if policy_decision_ref is None else policy_decision_ref
        self.agent_machine_receipt_ref = agent_machine_receipt_ref
        self.causal_refs = causal
        self.evidence_refs = evidence

    def key(self) -> tuple[object, ...] | None:
        """What the cache tells probes apart by, or None when a value cannot be a key (such a
        document is refused, and never cached)."""
        values = tuple(getattr(self, name) for name in self.__slots__)
        try:
            hash(values)
        except TypeError:
            return None
        return values


def _strings(value: object) -> tuple[str, ...] | None:
    """The strings of a list (or tuple) of strings, none for an absent value, None for anything else."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def refuse_invalid(document: dict[str, Any]) -> None:
    """Raises GitProbeRefusal when the GitWorkspaceState contract finds an error in the document."""
    # imported here: the probe's modules load nothing of the validators (the package has them loaded already)
    from ..contracts import contracts

    errors = tuple(i for i in contracts[v.DOCUMENT_TYPE].validate(document).issues if i.severity == v.SEVERITY_ERROR)  # type: ignore[literal-required]
    if errors:
        summary = "; ".join(f"{i.pointer or '/'} {i.code}" for i in errors)
        raise GitProbeRefusal(INVALID_INPUT, f"the {v.DOCUMENT_TYPE} this transition would emit is invalid: {summary}", errors)
