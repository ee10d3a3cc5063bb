"""Finds the repository a folder belongs to the way Git's own discovery does, from the file system
alone: from the folder upward, the first folder that holds a ``.git`` (a folder, or a file saying
``gitdir: <path>`` as linked worktrees and submodules have) or that is itself a Git directory (a
bare repository, or a folder inside a ``.git``). No ceiling other than the root of the file system.
"""

from __future__ import annotations

from . import _paths as path
from ._fs import failure_of, is_absent, is_denied
from ._record import Record
from .git_files import parse_git_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    from ._fs import EntryKind, ProbeFs


class Discovery(Record):
    """``worktree``: ``worktree_root`` holds the ``.git`` that leads to ``git_dir``. ``git-dir``: the
    folder is a Git directory or inside one. ``broken``: a ``.git`` that cannot be a repository."""

    __slots__ = ("kind", "git_dir", "worktree_root", "reason")

    def __init__(self, kind: Literal["worktree", "git-dir", "broken", "no-repository"], git_dir: str = "", worktree_root: str = "", reason: str = "") -> None:
        self.kind = kind
        self.git_dir = git_dir
        self.worktree_root = worktree_root
        self.reason = reason


class ProbeDenied(Exception):
    """A read was refused: the probe reports ``permission_denied``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_of(fs: ProbeFs, file: str, what: str) -> EntryKind | None:
    """What is at a path, or None when nothing is; a refused look raises ProbeDenied."""
    try:
        return fs.kind(file)
    except Exception as error:
        if is_denied(error):
            raise ProbeDenied(failure_of(what, error)) from None
        if is_absent(error):
            return None
        raise


def _quiet_kind(fs: ProbeFs, file: str) -> EntryKind | None:
    try:
        return fs.kind(file)
    except Exception:
        return None


def _looks_like_git_dir(fs: ProbeFs, folder: str) -> bool:
    """A Git directory has a HEAD file and an objects or refs folder (or a commondir file)."""
    if _quiet_kind(fs, path.join(folder, "HEAD")) != "file":
        return False
    return (
        _quiet_kind(fs, path.join(folder, "objects")) == "directory"
        or _quiet_kind(fs, path.join(folder, "refs")) == "directory"
        or _quiet_kind(fs, path.join(folder, "commondir")) == "file"
    )


def discover_repository(fs: ProbeFs, start: str) -> Discovery:
    """The repository ``start`` (an absolute folder, symbolic links resolved) belongs to."""
    folder = start
    while True:
        dot_git = path.join(folder, ".git")
        try:
            kind = kind_of(fs, dot_git, ".git")
        except ProbeDenied:
            raise
        except Exception as error:
            return Discovery("broken", dot_git, folder, failure_of(".git", error))
        if kind == "directory":
            return Discovery("worktree", dot_git, folder)
        if kind == "file":
            try:
                text = fs.read_text(dot_git)
            except Exception as error:
                if is_denied(error):
                    raise ProbeDenied(failure_of(".git", error)) from None
                return Discovery("broken", dot_git, folder, failure_of(".git", error))
            target = parse_git_file(text)
            if target is None:
                return Discovery("broken", dot_git, folder, '.git is a file without a "gitdir: <path>" line')
            return Discovery("worktree", path.resolve(folder, target), folder)
        if _looks_like_git_dir(fs, folder):
            return Discovery("git-dir", folder)
        parent = path.dirname(folder)
        if parent == folder:
            return Discovery("no-repository")
        folder = parent
