"""The few file-system reads the probe makes, behind a narrow interface so that a test can put a
failing file system in its place. Each read raises ``OSError`` as the operating system reports it.
"""

from __future__ import annotations

import errno
import os
import stat

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: the probe's import stays small
    from typing import Literal, Protocol

    EntryKind = Literal["file", "directory", "other"]

    class ProbeFs(Protocol):
        def kind(self, path: str) -> EntryKind | None:
            """What is at a path, following symbolic links; None (or ``ENOENT``) when nothing is."""
            ...

        def read_text(self, path: str) -> str:
            """A file's text (UTF-8; bytes that are not UTF-8 read as U+FFFD)."""
            ...

        def realpath(self, path: str) -> str:
            """The path with symbolic links resolved (it must exist)."""
            ...


class RealFs:
    """The real file system, read-only."""

    def kind(self, path: str) -> EntryKind | None:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            return None
        return "directory" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"

    def read_text(self, path: str) -> str:
        with open(path, "rb") as file:
            return file.read().decode("utf-8", "replace")

    def realpath(self, path: str) -> str:
        return os.path.realpath(path, strict=True)


REAL_FS = RealFs()


def code_of(error: BaseException) -> str:
    """The error's name as Node gives it (``ENOENT``, ``EACCES``, ...), else its message."""
    if isinstance(error, OSError) and error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    if isinstance(error, ValueError) and "null" in str(error):
        return "ERR_INVALID_ARG_VALUE"
    return str(error)


def _errno_of(error: BaseException) -> int | None:
    return error.errno if isinstance(error, OSError) else None


def is_absent(error: BaseException) -> bool:
    """Nothing there (or a file where a folder was expected on the way)."""
    return _errno_of(error) in (errno.ENOENT, errno.ENOTDIR)


def is_denied(error: BaseException) -> bool:
    """Not allowed to look."""
    return _errno_of(error) in (errno.EACCES, errno.EPERM)


def failure_of(what: str, error: BaseException) -> str:
    """A short reason naming the file relative to the Git directory, never the raw path."""
    return f"{what}: {code_of(error)}"
