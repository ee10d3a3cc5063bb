"""The code rules of Signal (mirrors src/rules/signal.ts)."""
import re

from .._jsvalue import js_string
from .rule import Document, RuleFinding, code_rule
from .schema_values import schema_enum
from .signal_file_name import MAX_FILE_NAME_BYTES, base_name, parse_signal_file_name

KINDS = schema_enum("Signal", "/properties/header/properties/kind/enum")

_STAMP = re.compile(r"[0-9]{8}-[0-9]{6}\Z").match
_READ_BACK = frozenset(k for k in KINDS if not any(other.startswith(f"{k}_") for other in KINDS))
"""The kinds that a name `<stamp>_<kind>_<topic>.json` reads back as: no other kind starts with `<kind>_`."""


def _deadline_expects_response(doc: Document, filename: str | None) -> list[RuleFinding]:
    footer = doc.get("footer") or {}
    if not footer.get("expects_response") and footer.get("response_by") != "":
        return [RuleFinding("/footer/response_by", f"expects_response is false but response_by is {js_string(str(footer.get('response_by')))}")]
    return []


def _named_as_written(doc: Document, filename: str) -> bool:
    """True when the file name is `<header.id>_<header.kind>_<body.topic>.json`, with a stamp for an
    id and a kind the name reads back as: then it reads back as exactly those three, and the rule
    finds nothing (the usual case, told without splitting the name). False says nothing."""
    header, body = doc.get("header"), doc.get("body")
    if type(header) is not dict or type(body) is not dict:
        return False
    stamp, kind, topic = header.get("id"), header.get("kind"), body.get("topic")
    return (
        type(stamp) is str
        and type(kind) is str
        and type(topic) is str
        and topic != ""
        and kind in _READ_BACK
        and base_name(filename) == f"{stamp}_{kind}_{topic}.json"
        and _STAMP(stamp) is not None
    )


def _file_name_agrees(doc: Document, filename: str | None) -> list[RuleFinding]:
    if not filename or _named_as_written(doc, filename):
        return []
    return _file_name_findings(doc, filename)


def _file_name_findings(doc: Document, filename: str) -> list[RuleFinding]:
    name = parse_signal_file_name(filename, KINDS)
    if name is None:
        return []
    header = doc.get("header") or {}
    topic = (doc.get("body") or {}).get("topic")
    findings: list[RuleFinding] = []

    def compare(pointer: str, actual: object, part: str, expected: str) -> None:
        if actual != expected:
            findings.append(RuleFinding(pointer, f"{pointer} is {js_string(str(actual))} but the file name's {part} is {js_string(expected)}"))

    compare("/header/id", header.get("id"), "stamp", name.stamp)
    compare("/header/kind", header.get("kind"), "kind", name.kind)
    size = len(base_name(filename).encode("utf-8", "surrogatepass"))
    cut = size == MAX_FILE_NAME_BYTES and name.topic != "" and isinstance(topic, str) and topic.startswith(name.topic)
    if not cut:
        compare("/body/topic", topic, "topic", name.topic)
    return findings


RULES = [
    code_rule("rule/signal-deadline-expects-response", _deadline_expects_response),
    code_rule("rule/signal-filename-agrees", _file_name_agrees),
]
