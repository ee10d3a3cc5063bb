"""``probe_git_workspace(path, operation)``: what a path is, Git-wise, as a GitWorkspaceState
document (a ``dict``) classified from what the file system shows; Git is never run. The same
document as ``contracts git-state PATH --operation NAME [--session-ref URN ...]`` but for its ``id``
and ``capturedAt``. Repeated probes of one path within the cache window (5 seconds) return the first
document.
"""

from __future__ import annotations

import os
import time

from . import _paths
from ._fs import REAL_FS
from ._vocabulary import OPERATION_PASSIVE_DISCOVERY, OPERATIONS
from .cache import GitProbeCache
from .document import build_git_workspace_state, copy_document, mint_uuid, rfc3339
from .path_evidence import is_absolute_path
from .read_facts import read_git_facts
from .refs import GitProbeRefs, refuse_invalid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from ._fs import ProbeFs

PROCESS_CACHE = GitProbeCache()


class _Default:
    pass


_HOME = _Default()


def user_home() -> str | None:
    """The user's home folder as Node's ``os.homedir()`` finds it: ``HOME``, else the password entry."""
    if "HOME" in os.environ:
        return os.environ["HOME"] or None
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_dir or None
    except (ImportError, KeyError):
        return None


def probe_git_workspace(
    path: str | os.PathLike[str],
    operation: str | None = None,
    *,
    cache: bool | GitProbeCache = True,
    cwd: str | None = None,
    home_dir: str | None | _Default = _HOME,
    workspace_alias: tuple[str, str] | None = None,
    session_ref: str | None = None,
    workspace_ref: str | None = None,
    capability_ledger_ref: str | None = None,
    policy_decision_ref: str | None = None,
    agent_machine_receipt_ref: str | None = None,
    causal_refs: Sequence[str] | None = None,
    evidence_refs: Sequence[str] | None = None,
    now: Callable[[], float] = time.time,
    mint_id: Callable[[], str] = mint_uuid,
    fs: ProbeFs = REAL_FS,
) -> dict[str, Any]:
    """The GitWorkspaceState of ``path`` (resolved against ``cwd``, default the working folder).

    ``operation`` is what led to the probe (default ``passive_discovery``: expected "no"s are
    ``info``). ``cache``: True for the process's cache (5 s, 128 paths), False for none, or a
    ``GitProbeCache`` of your own. ``home_dir`` is shown as ``~`` in the path hint (default: the
    user's; None: no hint); ``workspace_alias`` ``(root, name)`` shows paths under ``root`` as
    ``name/...``. ``session_ref``, ``workspace_ref``, ``capability_ledger_ref`` and
    ``policy_decision_ref`` are the document's references (default: those of a probe outside any
    session, ``urn:srcos:session:local`` ...), as ``contracts git-state`` takes them;
    ``agent_machine_receipt_ref`` (default None), ``causal_refs`` (default none) and
    ``evidence_refs`` (default: the path's digest) as the TypeScript probe's ``refs`` take them.
    ``now`` is the clock (seconds since 1970), ``mint_id`` the document id's minter, ``fs`` the file
    system read. Raises ``ValueError`` for an unknown operation or a home folder or alias root that
    is not absolute, and ``GitProbeRefusal`` (a ``ValueError``: ``code`` ``git/invalid-input``, the
    document's ``issues``) for references the document's contract refuses, as ``contracts git-state``
    refuses them; never for what is (or is not) at the path.
    """
    target = os.fspath(path)
    if not isinstance(target, str):
        raise TypeError(f"path must be a str or os.PathLike[str], not {type(target).__name__}")
    op = OPERATION_PASSIVE_DISCOVERY if operation is None else operation
    if op not in OPERATIONS:
        raise ValueError(f"operation: expected one of {', '.join(OPERATIONS)}, not {op!r}")
    home = user_home() if isinstance(home_dir, _Default) else home_dir
    if home is not None and not is_absolute_path(home):
        raise ValueError("the home folder must be absolute")
    if workspace_alias is not None and not is_absolute_path(workspace_alias[0]):
        raise ValueError("the workspace alias root must be absolute")
    refs = GitProbeRefs(session_ref, capability_ledger_ref, workspace_ref, policy_decision_ref, agent_machine_receipt_ref, causal_refs, evidence_refs)
    resolved = _paths.resolve(os.getcwd() if cwd is None else cwd, target)
    clock = now()
    refs_key = refs.key()
    store = None if refs_key is None else PROCESS_CACHE if cache is True else None if cache is False else cache
    key = (resolved, op, home, workspace_alias, refs_key)
    if store is not None:
        hit = store.get(key, clock)
        if hit is not None:
            return copy_document(hit)
    facts = read_git_facts(resolved, fs)
    document = build_git_workspace_state(
        resolved, facts, op, home_dir=home, alias=workspace_alias, refs=refs, captured_at=rfc3339(clock), document_id=mint_id()
    )
    refuse_invalid(document)
    if store is not None:
        store.set(key, document, clock)
        return copy_document(document)
    return document
