"""What the file system shows about a path, Git-wise, as the facts the classification takes: whether
a repository was found, bare or not, whether the path is inside its Git directory or at the top of
its work tree, the branch and HEAD commit, and whether a remote is configured. Read from ``.git``,
``commondir``, ``HEAD``, the refs and ``config``; Git is never run. Failure reasons name files
relative to the Git directory, never the probed path.
"""

from __future__ import annotations

import re
from . import _paths as path
from ._fs import REAL_FS, failure_of, is_absent, is_denied
from ._record import Record
from ._vocabulary import REMOTE_AVAILABLE, REMOTE_MISSING, REMOTE_UNKNOWN
from .discover import ProbeDenied, discover_repository, kind_of
from .git_files import GitConfigFacts, branch_of, find_packed_ref, head_sha_of, js_trim, parse_git_config, parse_head, parse_loose_ref

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._fs import ProbeFs


class GitProbeFacts(Record):
    """What a Git probe observed at a path (the TypeScript ``GitProbeFacts``)."""

    __slots__ = (
        "git_dir_found", "superseded", "permission_denied", "corrupt", "bare", "inside_git_dir", "at_worktree_root",
        "branch", "head_sha", "remote_state", "worktree_root", "git_dir", "failure_reason",
    )  # fmt: skip
    git_dir_found: bool
    superseded: bool
    permission_denied: bool
    corrupt: bool
    bare: bool
    inside_git_dir: bool
    at_worktree_root: bool
    branch: str | None
    head_sha: str | None
    remote_state: str | None
    worktree_root: str | None
    git_dir: str | None
    failure_reason: str | None

    def __init__(
        self,
        git_dir_found: bool,
        *,
        superseded: bool = False,
        permission_denied: bool = False,
        corrupt: bool = False,
        bare: bool = False,
        inside_git_dir: bool = False,
        at_worktree_root: bool = False,
        branch: str | None = None,
        head_sha: str | None = None,
        remote_state: str | None = None,
        worktree_root: str | None = None,
        git_dir: str | None = None,
        failure_reason: str | None = None,
    ) -> None:
        self.git_dir_found = git_dir_found
        self.superseded = superseded
        self.permission_denied = permission_denied
        self.corrupt = corrupt
        self.bare = bare
        self.inside_git_dir = inside_git_dir
        self.at_worktree_root = at_worktree_root
        self.branch = branch
        self.head_sha = head_sha
        self.remote_state = remote_state
        self.worktree_root = worktree_root
        self.git_dir = git_dir
        self.failure_reason = failure_reason


class _ProbeCorrupt(Exception):
    """A repository found but unusable: the probe reports ``corrupt_repo``."""


def _read_optional(fs: ProbeFs, file: str, what: str) -> str | None:
    try:
        # Looked at first: an absent file (commondir, a packed ref) then costs no error.
        if fs.kind(file) is None:
            return None
        return fs.read_text(file)
    except Exception as error:
        if is_absent(error):
            return None
        if is_denied(error):
            raise ProbeDenied(failure_of(what, error)) from None
        raise _ProbeCorrupt(failure_of(what, error)) from None


def _commit_of(fs: ProbeFs, common_dir: str, ref: str) -> str | None:
    """The commit a ref points at (loose, then packed), or None when it has none yet."""
    loose = _read_optional(fs, path.join(common_dir, *ref.split("/")), ref)
    if loose is not None:
        return parse_loose_ref(loose)
    packed = _read_optional(fs, path.join(common_dir, "packed-refs"), "packed-refs")
    return None if packed is None else find_packed_ref(packed, ref)


def _open_repository(fs: ProbeFs, git_dir: str) -> tuple[str, GitConfigFacts]:
    """The Git directory's shared folder and config, checked: a missing objects or refs folder is corruption."""
    if kind_of(fs, git_dir, "git directory") != "directory":
        raise _ProbeCorrupt("the Git directory does not exist")
    commondir = _read_optional(fs, path.join(git_dir, "commondir"), "commondir")
    common_dir = git_dir if commondir is None else path.resolve(git_dir, js_trim(commondir))
    for folder in ("objects", "refs"):
        if kind_of(fs, path.join(common_dir, folder), folder) != "directory":
            raise _ProbeCorrupt(f"the {folder} folder is missing")
    config = _read_optional(fs, path.join(common_dir, "config"), "config")
    return common_dir, GitConfigFacts(None, ()) if config is None else parse_git_config(config)


def _head_of(fs: ProbeFs, git_dir: str, common_dir: str) -> tuple[str | None, str | None]:
    """Branch and HEAD commit, from HEAD (per work tree, in the Git directory)."""
    text = _read_optional(fs, path.join(git_dir, "HEAD"), "HEAD")
    if text is None:
        raise _ProbeCorrupt("HEAD is missing")
    head = parse_head(text)
    if head.kind == "garbage":
        raise _ProbeCorrupt("HEAD is neither a ref nor a commit")
    if head.kind == "commit":
        return None, head_sha_of(head.value)
    sha = _commit_of(fs, common_dir, head.value)
    return branch_of(head.value), None if sha is None else head_sha_of(sha)


_LINKED_LAYOUT = re.compile(r"[\\/]\.git[\\/](worktrees|modules)[\\/]")


def _has_worktree_by_layout(git_dir: str) -> bool:
    """Without ``core.bare``, a Git directory named ``.git`` or under ``.git/worktrees/`` or ``.git/modules/`` has a work tree."""
    return path.basename(git_dir) == ".git" or _LINKED_LAYOUT.search(git_dir) is not None


def _facts_of_folder(fs: ProbeFs, start: str) -> GitProbeFacts:
    found = discover_repository(fs, start)
    if found.kind == "no-repository":
        return GitProbeFacts(False, failure_reason="no .git in the folder or above it")
    if found.kind == "broken":
        return GitProbeFacts(True, corrupt=True, git_dir=found.git_dir, worktree_root=found.worktree_root, failure_reason=found.reason)
    if found.kind == "worktree":
        worktree_root: str | None = found.worktree_root
    else:
        worktree_root = path.dirname(found.git_dir) if path.basename(found.git_dir) == ".git" else None
    try:
        common_dir, config = _open_repository(fs, found.git_dir)
        branch, head_sha = _head_of(fs, found.git_dir, common_dir)
        remote_state = REMOTE_AVAILABLE if config.remotes else REMOTE_MISSING
        if found.kind == "git-dir":
            bare = config.bare if config.bare is not None else not _has_worktree_by_layout(found.git_dir)
            return GitProbeFacts(
                True, bare=bare, inside_git_dir=True, branch=branch, head_sha=head_sha, remote_state=remote_state,
                worktree_root=None if bare else worktree_root, git_dir=found.git_dir,
            )  # fmt: skip
        return GitProbeFacts(
            True, at_worktree_root=start == found.worktree_root, branch=branch, head_sha=head_sha,
            remote_state=remote_state, worktree_root=worktree_root, git_dir=found.git_dir,
        )  # fmt: skip
    except ProbeDenied:
        raise
    except Exception as error:
        reason = str(error) if isinstance(error, _ProbeCorrupt) else failure_of("the Git directory", error)
        return GitProbeFacts(True, corrupt=True, remote_state=REMOTE_UNKNOWN, worktree_root=worktree_root, git_dir=found.git_dir, failure_reason=reason)


def read_git_facts(target: str, fs: ProbeFs = REAL_FS) -> GitProbeFacts:
    """The Git facts of an absolute path (a file is probed as its folder)."""
    try:
        kind = kind_of(fs, target, "the path")
        if kind is None:
            return GitProbeFacts(False, failure_reason="the path does not exist")
        folder = target if kind == "directory" else path.dirname(target)
        try:
            start = fs.realpath(folder)
        except Exception as error:
            if is_denied(error):
                raise ProbeDenied(failure_of("the path", error)) from None
            return GitProbeFacts(False, failure_reason="the path does not exist" if is_absent(error) else failure_of("the path", error))
        return _facts_of_folder(fs, start)
    except ProbeDenied as denied:
        return GitProbeFacts(False, permission_denied=True, remote_state=REMOTE_UNKNOWN, failure_reason=denied.reason)
    except Exception as error:
        return GitProbeFacts(False, failure_reason=failure_of("the path", error))
