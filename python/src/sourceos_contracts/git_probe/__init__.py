"""The Git workspace probe: a path's GitWorkspaceState from the file system, without running Git.

``probe_git_workspace(path, operation=None, *, cache=True, session_ref=None, ...)`` returns the
document ``contracts git-state PATH --operation NAME [--session-ref URN ...]`` prints (but for ``id``
and ``capturedAt``); ``read_git_facts`` returns the facts alone; ``classify_git_workspace`` is the
classification machine.
"""

from ._vocabulary import EXPECTED_NEGATIVE_STATES, OPERATIONS, PASSIVE_OPERATIONS
from .cache import DEFAULT_MAX_ENTRIES, DEFAULT_TTL_SECONDS, GitProbeCache
from .classification import GitClassification, classify_git_workspace, git_state_of
from .probe import PROCESS_CACHE, probe_git_workspace
from .read_facts import GitProbeFacts, read_git_facts
from .refs import GitProbeRefusal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._fs import ProbeFs as ProbeFs  # the file system a probe reads (a Protocol, for type checkers)

__all__ = [
    "DEFAULT_MAX_ENTRIES",
    "DEFAULT_TTL_SECONDS",
    "EXPECTED_NEGATIVE_STATES",
    "OPERATIONS",
    "PASSIVE_OPERATIONS",
    "PROCESS_CACHE",
    "GitClassification",
    "GitProbeCache",
    "GitProbeFacts",
    "GitProbeRefusal",
    "classify_git_workspace",
    "git_state_of",
    "probe_git_workspace",
    "read_git_facts",
]
