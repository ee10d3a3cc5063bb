"""Git workspace classification: from what a probe observed and the operation that ran it, to
``state``, ``severity``, ``actionability`` and ``expectedNegativeState``, with the severity
discipline of the schema's rules: during a passive operation an expected negative state is
``debug`` (``watcher_refresh``) or ``info``, needs no action and is flagged expected; only a command
a user or agent asked for raises it. A port of the TypeScript machine ``classifyGitWorkspace``.
"""

from __future__ import annotations

from . import _vocabulary as v
from ._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .read_facts import GitProbeFacts


class GitClassification(Record):
    __slots__ = ("state", "severity", "actionability", "expected_negative_state")

    def __init__(self, state: str, severity: str, actionability: str, expected_negative_state: bool) -> None:
        self.state = state
        self.severity = severity
        self.actionability = actionability
        self.expected_negative_state = expected_negative_state


def _detached(f: GitProbeFacts) -> bool:
    return not f.branch and isinstance(f.head_sha, str) and f.head_sha != ""


#: The facts that decide the state, checked in this order (the first that holds wins).
STATE_RULES: tuple[tuple[str, Callable[[GitProbeFacts], bool]], ...] = (
    (v.STATE_OPERATION_SUPERSEDED, lambda f: f.superseded),
    (v.STATE_PERMISSION_DENIED, lambda f: f.permission_denied),
    (v.STATE_NOT_A_REPO, lambda f: not f.git_dir_found),
    (v.STATE_CORRUPT_REPO, lambda f: f.corrupt),
    (v.STATE_BARE_REPO, lambda f: f.bare),
    (v.STATE_INSIDE_GIT_DIR, lambda f: f.inside_git_dir),
    (v.STATE_DETACHED_HEAD, _detached),
    (v.STATE_WORKTREE_NO_REMOTE, lambda f: f.remote_state == v.REMOTE_MISSING),
    (v.STATE_REPO_ROOT, lambda f: f.at_worktree_root),
    (v.STATE_INSIDE_WORKTREE, lambda f: True),
)

#: How a state is reported when a user or agent asked for the command: (severity, actionability).
REQUESTED_REACTION: dict[str, tuple[str, str]] = {
    v.STATE_OPERATION_SUPERSEDED: (v.SEVERITY_DEBUG, v.ACTION_NONE),
    v.STATE_PERMISSION_DENIED: (v.SEVERITY_ERROR, v.ACTION_BLOCKED),
    v.STATE_NOT_A_REPO: (v.SEVERITY_ERROR, v.ACTION_BLOCKED),
    v.STATE_CORRUPT_REPO: (v.SEVERITY_ERROR, v.ACTION_QUARANTINED),
    v.STATE_BARE_REPO: (v.SEVERITY_WARNING, v.ACTION_REMEDIATION_HINT),
    v.STATE_INSIDE_GIT_DIR: (v.SEVERITY_WARNING, v.ACTION_REMEDIATION_HINT),
    v.STATE_DETACHED_HEAD: (v.SEVERITY_WARNING, v.ACTION_REMEDIATION_HINT),
    v.STATE_WORKTREE_NO_REMOTE: (v.SEVERITY_WARNING, v.ACTION_REMEDIATION_HINT),
    v.STATE_REPO_ROOT: (v.SEVERITY_INFO, v.ACTION_NONE),
    v.STATE_INSIDE_WORKTREE: (v.SEVERITY_INFO, v.ACTION_NONE),
}

#: How a state that is not an expected negative is reported during a passive operation.
PASSIVE_REACTION: dict[str, tuple[str, str]] = {
    v.STATE_OPERATION_SUPERSEDED: (v.SEVERITY_DEBUG, v.ACTION_NONE),
    v.STATE_PERMISSION_DENIED: (v.SEVERITY_WARNING, v.ACTION_BLOCKED),
    v.STATE_CORRUPT_REPO: (v.SEVERITY_WARNING, v.ACTION_QUARANTINED),
    v.STATE_REPO_ROOT: (v.SEVERITY_DEBUG, v.ACTION_NONE),
    v.STATE_INSIDE_WORKTREE: (v.SEVERITY_DEBUG, v.ACTION_NONE),
}


def git_state_of(facts: GitProbeFacts) -> str:
    """The state the facts show."""
    return next(state for state, holds in STATE_RULES if holds(facts))


def classify_git_workspace(facts: GitProbeFacts, operation: str) -> GitClassification:
    """Classifies a probe's facts for an operation."""
    state = git_state_of(facts)
    passive = operation in v.PASSIVE_OPERATIONS
    if passive and state in v.EXPECTED_NEGATIVE_STATES:
        severity = v.SEVERITY_DEBUG if operation == v.OPERATION_WATCHER_REFRESH else v.SEVERITY_INFO
        return GitClassification(state, severity, v.ACTION_NONE, True)
    reaction = PASSIVE_REACTION.get(state) if passive else None
    severity, actionability = reaction or REQUESTED_REACTION[state]
    return GitClassification(state, severity, actionability, False)
