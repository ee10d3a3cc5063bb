"""The code rules of Signal (mirrors src/rules/signal.ts)."""
from .._jsvalue import js_string
from .rule import Document, RuleFinding, code_rule
from .schema_values import schema_enum
from .signal_file_name import MAX_FILE_NAME_BYTES, base_name, parse_signal_file_name

KINDS = schema_enum("Signal", "/properties/header/properties/kind/enum")


def _deadline_expects_response(doc: Document, filename: str | None) -> list[RuleFinding]:
    footer = doc.get("footer") or {}
    if not footer.get("expects_response") and footer.get("response_by") != "":
        return [RuleFinding("/footer/response_by", f"expects_response is false but response_by is {js_string(str(footer.get('response_by')))}")]
    return []


def _file_name_agrees(doc: Document, filename: str | None) -> list[RuleFinding]:
    name = parse_signal_file_name(filename, KINDS) if filename else None
    if name is None or filename is None:
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
