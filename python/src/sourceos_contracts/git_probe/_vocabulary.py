"""The words of schemas/git-workspace-state.schema.json the probe writes, each in one place.

Every value here is checked against the schema by python/tests/test_git_probe_schema.py: a name's
prefix says which enum allows it (``STATE_`` the ``state`` enum, ``REMOTE_`` ``gitFacts.remoteState``,
...), the operation lists must equal the schema's lists, and no other module of the probe may spell
a schema value itself. The spec version and the references are the TypeScript package's.
"""

from __future__ import annotations

SPEC_VERSION = "0.1.0"
DOCUMENT_TYPE = "GitWorkspaceState"
ID_PREFIX = "urn:srcos:git-workspace-state:"

# The references of a probe made outside any session (those of `contracts git-state`).
SESSION_REF = "urn:srcos:session:local"
CAPABILITY_LEDGER_REF = "urn:srcos:capability-ledger:local"
WORKSPACE_REF = "urn:srcos:workspace:local"
POLICY_DECISION_REF = "urn:srcos:decision:local"

STATE_OPERATION_SUPERSEDED = "operation_superseded"
STATE_PERMISSION_DENIED = "permission_denied"
STATE_NOT_A_REPO = "not_a_repo"
STATE_CORRUPT_REPO = "corrupt_repo"
STATE_BARE_REPO = "bare_repo"
STATE_INSIDE_GIT_DIR = "inside_git_dir"
STATE_DETACHED_HEAD = "detached_head"
STATE_WORKTREE_NO_REMOTE = "worktree_no_remote"
STATE_REPO_ROOT = "repo_root"
STATE_INSIDE_WORKTREE = "inside_worktree"

SEVERITY_DEBUG = "debug"
SEVERITY_INFO = "info"
SEVERITY_WARNING = "warning"
SEVERITY_ERROR = "error"

ACTION_NONE = "none"
ACTION_REMEDIATION_HINT = "remediation_hint"
ACTION_BLOCKED = "blocked"
ACTION_QUARANTINED = "quarantined"

OPERATION_PASSIVE_DISCOVERY = "passive_discovery"
OPERATION_WATCHER_REFRESH = "watcher_refresh"
OPERATION_USER_REQUESTED = "user_requested_command"
OPERATION_AGENT_REQUESTED = "agent_requested_command"
OPERATION_CI_VALIDATION = "ci_validation"

REMOTE_AVAILABLE = "available"
REMOTE_MISSING = "missing"
REMOTE_NOT_APPLICABLE = "not_applicable"
REMOTE_UNKNOWN = "unknown"

REDACTION_USER_HOME = "user_home_redacted"
REDACTION_WORKSPACE_ALIAS = "workspace_alias"
REDACTION_DIGEST_ONLY = "digest_only"

#: Every operation (the schema's ``operation`` enum, in its order).
OPERATIONS: tuple[str, ...] = (
    OPERATION_PASSIVE_DISCOVERY,
    OPERATION_WATCHER_REFRESH,
    OPERATION_USER_REQUESTED,
    OPERATION_AGENT_REQUESTED,
    OPERATION_CI_VALIDATION,
)
#: The passive operations (the schema's rule ``rule/git-passive-severity``).
PASSIVE_OPERATIONS: frozenset[str] = frozenset({OPERATION_PASSIVE_DISCOVERY, OPERATION_WATCHER_REFRESH, OPERATION_CI_VALIDATION})
#: The expected negative states (the schema's ``$defs/expectedNegativeStates``).
EXPECTED_NEGATIVE_STATES: frozenset[str] = frozenset(
    {STATE_NOT_A_REPO, STATE_INSIDE_GIT_DIR, STATE_BARE_REPO, STATE_WORKTREE_NO_REMOTE, STATE_DETACHED_HEAD}
)
