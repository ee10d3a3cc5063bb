"""Signal file names: `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json` (mirrors src/rules/signal-file-name.ts)."""
import re
from typing import NamedTuple

MAX_FILE_NAME_BYTES = 255
"""The longest file name, in bytes, common file systems take."""

_STAMPED = re.compile(r"^([0-9]{8}-[0-9]{6})_([^\n\r\u2028\u2029]+)\.json\Z")


class SignalFileName(NamedTuple):
    stamp: str
    kind: str
    topic: str


def base_name(path: str) -> str:
    """The base name of a path (either separator)."""
    return path[max(path.rfind("/"), path.rfind("\\")) + 1 :]


def parse_signal_file_name(path: str, kinds: list[str]) -> SignalFileName | None:
    """The parts of a signal file name, or None when the name is not of that form."""
    match = _STAMPED.match(base_name(path))
    if not match:
        return None
    stamp, rest = match.group(1), match.group(2)
    known = next((k for k in sorted(kinds, key=len, reverse=True) if rest.startswith(f"{k}_") and len(rest) > len(k) + 1), None)
    kind = known if known is not None else rest[: max(0, rest.find("_"))]
    topic = rest[len(kind) + 1 :]
    if kind == "" or topic == "":
        return None
    return SignalFileName(stamp, kind, topic)
