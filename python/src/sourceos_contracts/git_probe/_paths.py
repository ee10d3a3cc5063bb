"""POSIX path arithmetic as Node's ``path`` module does it, so that both probes name the same files.

``join`` normalizes (``a/../b`` is ``b``) and keeps a trailing separator; ``resolve`` gives an
absolute path without one; ``dirname`` and ``basename`` ignore trailing separators. Lexical only:
nothing here touches the file system.
"""

from __future__ import annotations

import os


def _segments(path: str, absolute: bool) -> str:
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "" or segment == ".":
            continue
        if segment == "..":
            if out and out[-1] != "..":
                out.pop()
            elif not absolute:
                out.append("..")
            continue
        out.append(segment)
    return "/".join(out)


def normalize(path: str) -> str:
    if path == "":
        return "."
    absolute = path.startswith("/")
    body = _segments(path, absolute)
    if body == "" and not absolute:
        body = "."
    if body != "" and path.endswith("/"):
        body += "/"
    return "/" + body if absolute else body


def join(*parts: str) -> str:
    joined = "/".join(part for part in parts if part != "")
    return "." if joined == "" else normalize(joined)


def resolve(base: str, target: str) -> str:
    """``target`` resolved against ``base`` (itself resolved against the working folder)."""
    path = target if target.startswith("/") else f"{base}/{target}" if target != "" else base
    if not path.startswith("/"):
        path = f"{os.getcwd()}/{path}"
    return "/" + _segments(path, True)


def dirname(path: str) -> str:
    if path == "":
        return "."
    has_root = path.startswith("/")
    end = -1
    matched_slash = True
    for i in range(len(path) - 1, 0, -1):
        if path[i] == "/":
            if not matched_slash:
                end = i
                break
        else:
            matched_slash = False
    if end == -1:
        return "/" if has_root else "."
    if has_root and end == 1:
        return "//"
    return path[:end]


def basename(path: str) -> str:
    end = len(path)
    while end > 0 and path[end - 1] == "/":
        end -= 1
    return path[path.rfind("/", 0, end) + 1 : end]
