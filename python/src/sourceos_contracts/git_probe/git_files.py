"""Readers of the files Git keeps in a Git directory, as text: a ``.git`` file (``gitdir: <path>``),
``HEAD`` (a symbolic ref or a commit), loose refs and ``packed-refs``, and the few keys of ``config``
the probe needs (``core.bare``, ``[remote "<name>"]`` sections). Pure functions of text.

The patterns are those of the TypeScript probe, read as ECMAScript reads them: ``.`` stops at
``\\r``, U+2028 and U+2029 as well as ``\\n``; ``\\s`` and ``trim`` are ECMAScript's white space;
``$`` is the end of the text.
"""

from __future__ import annotations

import re
from ._record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

_JS_SPACE = "\t\n\v\f\r \u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
# ECMAScript's white space is Python's but for \x1c-\x1f and \x85, and with U+FEFF. Written as
# alternatives: a character class mixing ASCII and other characters takes milliseconds to compile.
_S = r"(?:[^\S\x1c-\x1f\x85]|\ufeff)"
_NOT_S = r"(?:[^\s\ufeff]|[\x1c-\x1f\x85])"
_DOT = r"(?:(?!\u2028|\u2029)[^\n\r])"


def js_trim(text: str) -> str:
    """``String.prototype.trim``."""
    return text.strip(_JS_SPACE)


_GIT_FILE = re.compile(rf"gitdir:[ \t]*({_DOT}*?)[ \t]*\r?\Z")
_REF = re.compile(rf"ref:[ \t]*(refs/{_NOT_S}+)\Z")
_SHA = re.compile(r"(?:[0-9a-f]{40}|[0-9a-f]{64})\Z")
_LINE_BREAK = re.compile(r"\r?\n")
_COMMENT = re.compile(rf"(^|{_S})[#;]{_DOT}*\Z")
_HEADER = re.compile(rf"\[{_S}*([A-Za-z0-9.-]+)(?:{_S}+\"((?:[^\"\\]|\\{_DOT})*)\")?{_S}*\]")
_ESCAPE = re.compile(rf"\\({_DOT})")
_ENTRY = re.compile(rf"([A-Za-z][A-Za-z0-9-]*){_S}*(?:={_S}*({_DOT}*))?\Z")
_QUOTED = re.compile(rf"\A\"({_DOT}*)\"\Z")


def parse_git_file(text: str) -> str | None:
    """The target of a ``.git`` file (``gitdir: ../.git/modules/sub``), or None when it is not one."""
    match = _GIT_FILE.match(text.split("\n", 1)[0])
    return match.group(1) or None if match else None


class Head(Record):
    """What HEAD holds: a symbolic ref, a commit, or garbage."""

    __slots__ = ("kind", "value")

    def __init__(self, kind: Literal["ref", "commit", "garbage"], value: str = "") -> None:
        self.kind = kind
        self.value = value


def _is_sha(text: str) -> bool:
    return _SHA.match(text) is not None


def parse_head(text: str) -> Head:
    line = text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith("\n") else text
    if "\n" in line:
        return Head("garbage")
    ref = _REF.match(line)
    if ref:
        return Head("ref", ref.group(1))
    return Head("commit", line) if _is_sha(line) else Head("garbage")


def branch_of(ref: str) -> str:
    """The branch a symbolic ref names (``refs/heads/feature/x`` is ``feature/x``); other refs keep their name."""
    return ref[len("refs/heads/") :] if ref.startswith("refs/heads/") else ref


def parse_loose_ref(text: str) -> str | None:
    line = js_trim(text)
    return line if _is_sha(line) else None


def find_packed_ref(text: str, ref: str) -> str | None:
    for line in _LINE_BREAK.split(text):
        if line.startswith("#") or line.startswith("^"):
            continue
        fields = line.split(" ")
        if len(fields) > 1 and fields[1] == ref and _is_sha(fields[0]):
            return fields[0]
    return None


def head_sha_of(sha: str) -> str:
    """The schema keeps ``headSha`` to 7-40 hex digits: a SHA-256 commit is kept as its 40-digit prefix."""
    return sha[:40]


class GitConfigFacts(Record):
    """``bare``: ``core.bare``, or None when the file does not say; ``remotes``: the names of
    ``[remote "<name>"]`` sections that have a ``url``."""

    __slots__ = ("bare", "remotes")

    def __init__(self, bare: bool | None, remotes: tuple[str, ...]) -> None:
        self.bare = bare
        self.remotes = remotes


_TRUE = frozenset({"true", "yes", "on", "1", ""})
_FALSE = frozenset({"false", "no", "off", "0"})


def parse_git_config(text: str) -> GitConfigFacts:
    """``core.bare`` and the remotes with a URL, from a config file's text (Git's INI dialect, leniently)."""
    section = ""
    bare: bool | None = None
    remotes: dict[str, None] = {}
    for raw in _LINE_BREAK.split(text):
        line = js_trim(_COMMENT.sub("", raw, count=1))
        if line == "":
            continue
        header = _HEADER.match(line)
        if header:
            name, sub = header.group(1).lower(), header.group(2)
            section = name if sub is None else name + "\0" + _ESCAPE.sub(r"\1", sub)
            continue
        entry = _ENTRY.match(line)
        if not entry:
            continue
        key = entry.group(1).lower()
        given = entry.group(2)
        value = js_trim(_QUOTED.sub(r"\1", given or "", count=1)).lower()
        if section == "core" and key == "bare":
            bare = True if value in _TRUE else False if value in _FALSE else bare
        if section.startswith("remote\0") and key == "url" and given is not None and value != "":
            remotes[section[len("remote\0") :]] = None
    return GitConfigFacts(bare, tuple(remotes))
