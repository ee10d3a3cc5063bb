"""The GitWorkspaceState document of a classified probe, in the key order of the TypeScript
builder: the path is kept only as its digest and a redacted hint, and the Git facts are made to agree
with the state (``not_a_repo`` has no branch, HEAD or digests and ``remoteState`` ``not_applicable``;
``bare_repo`` has no worktree root digest).
"""

from __future__ import annotations

import os
import time
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .refs import GitProbeRefs

from . import _vocabulary as v
from .classification import classify_git_workspace
from .path_evidence import path_digest, path_evidence_of
from .read_facts import GitProbeFacts


def mint_uuid() -> str:
    """A random (version 4) UUID, as ``crypto.randomUUID`` writes it."""
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def rfc3339(seconds: float) -> str:
    """The estate's timestamp form of a clock reading, whole seconds: ``YYYY-MM-DDTHH:MM:SSZ``."""
    t = time.gmtime(int(seconds // 1))
    return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}Z"


def _digest_of(path: str | None) -> str | None:
    return path_digest(path) if path else None


def git_facts_of(state: str, f: GitProbeFacts) -> dict[str, Any]:
    """The document's ``gitFacts``, made to agree with the state."""
    if state == v.STATE_NOT_A_REPO:
        return {
            "branch": None, "headSha": None, "remoteState": v.REMOTE_NOT_APPLICABLE, "worktreeRootDigest": None,
            "gitDirDigest": None, "failureReason": f.failure_reason, "commandClass": None,
        }  # fmt: skip
    return {
        "branch": f.branch or None,
        "headSha": f.head_sha or None,
        "remoteState": f.remote_state or v.REMOTE_UNKNOWN,
        "worktreeRootDigest": None if state == v.STATE_BARE_REPO else _digest_of(f.worktree_root),
        "gitDirDigest": _digest_of(f.git_dir),
        "failureReason": f.failure_reason,
        "commandClass": None,
    }


def build_git_workspace_state(
    path: str,
    facts: GitProbeFacts,
    operation: str,
    *,
    home_dir: str | None,
    alias: tuple[str, str] | None,
    refs: GitProbeRefs,
    captured_at: str,
    document_id: str,
) -> dict[str, Any]:
    """Classifies the facts for the operation and writes the document (the path must be absolute);
    ``evidenceRefs`` is the path's digest unless ``refs`` gives some."""
    c = classify_git_workspace(facts, operation)
    evidence = path_evidence_of(path, home_dir, alias)
    return {
        "id": document_id if document_id.startswith(v.ID_PREFIX) else v.ID_PREFIX + document_id,
        "type": v.DOCUMENT_TYPE,
        "specVersion": v.SPEC_VERSION,
        "sessionRef": refs.session_ref,
        "capabilityLedgerRef": refs.capability_ledger_ref,
        "agentMachineReceiptRef": refs.agent_machine_receipt_ref,
        "workspaceRef": refs.workspace_ref,
        "state": c.state,
        "severity": c.severity,
        "operation": operation,
        "actionability": c.actionability,
        "expectedNegativeState": c.expected_negative_state,
        "pathEvidence": evidence,
        "gitFacts": git_facts_of(c.state, facts),
        "causalRefs": list(refs.causal_refs),
        "policyDecisionRef": refs.policy_decision_ref,
        "evidenceRefs": list(refs.evidence_refs) or [evidence["pathDigest"]],
        "capturedAt": captured_at,
    }


def copy_document(document: dict[str, Any]) -> dict[str, Any]:
    """A copy the caller may change without changing the cached document."""
    copy = dict(document)
    for key, value in copy.items():
        if isinstance(value, dict):
            copy[key] = dict(value)
        elif isinstance(value, list):
            copy[key] = list(value)
    return copy
