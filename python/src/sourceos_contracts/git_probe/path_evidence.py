"""Evidence of a path without the path: its ``sha256:`` digest and, at most, a redacted hint. The
home folder is shown as ``~`` (``/home/ada/src/app`` is ``~/src/app``); a path under a workspace
root given an alias is shown from the alias (``app/src``); any other path gets no hint at all
(``digest_only``). Paths are compared and digested without trailing separators; ``/`` and ``\\``
are both separators.
"""

from __future__ import annotations

import re

from ._vocabulary import REDACTION_DIGEST_ONLY, REDACTION_USER_HOME, REDACTION_WORKSPACE_ALIAS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ABSOLUTE = re.compile(r"(/|[A-Za-z]:[\\/]|\\\\)")
_TRAILING = re.compile(r"[\\/]+\Z")
_DRIVE = re.compile(r"[A-Za-z]:\Z")


def is_absolute_path(path: object) -> bool:
    """True for ``/...``, ``C:\\...`` or ``C:/...``, and ``\\\\server\\...``."""
    return isinstance(path, str) and _ABSOLUTE.match(path) is not None


def trim_path(path: str) -> str:
    """The path without trailing separators (a root stays as it is)."""
    trimmed = _TRAILING.sub("", path)
    return path[: len(trimmed) + 1] if trimmed == "" or _DRIVE.match(trimmed) else trimmed


def _below(root: str, path: str) -> str | None:
    r = trim_path(root)
    if path == r:
        return ""
    if not path.startswith(r):
        return None
    rest = path[len(r) :]
    if r.endswith("/") or r.endswith("\\"):
        return r[-1] + rest
    return rest if rest.startswith("/") or rest.startswith("\\") else None


def sha256_digest(text: str) -> str:
    """``sha256:`` and the hex digest of the text's UTF-8 bytes (a lone surrogate counts as U+FFFD)."""
    import hashlib  # on first use: its OpenSSL library is most of the probe's import otherwise

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text).encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()


def path_digest(path: str) -> str:
    return sha256_digest(trim_path(path))


def path_evidence_of(path: str, home_dir: str | None, alias: tuple[str, str] | None = None) -> dict[str, Any]:
    """The ``pathEvidence`` of an absolute path; ``alias`` is (root, name)."""
    p = trim_path(path)
    digest = sha256_digest(p)
    under_alias = _below(alias[0], p) if alias and is_absolute_path(alias[0]) else None
    if alias and under_alias is not None:
        return {"pathDigest": digest, "redactedPathHint": alias[1] + under_alias, "redaction": REDACTION_WORKSPACE_ALIAS, "rawPathStored": False}
    under_home = _below(home_dir, p) if home_dir and is_absolute_path(home_dir) else None
    if under_home is not None:
        return {"pathDigest": digest, "redactedPathHint": "~" + under_home, "redaction": REDACTION_USER_HOME, "rawPathStored": False}
    return {"pathDigest": digest, "redactedPathHint": None, "redaction": REDACTION_DIGEST_ONLY, "rawPathStored": False}
