"""The code rules of RuntimeInstallReceipt (mirrors src/rules/runtime-install-receipt.ts)."""
from .._jsvalue import js_stringify
from .rule import Document, RuleFinding, code_rule
from .time_order import in_order, order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    get = doc.get
    start = get("startedAt")
    finished = get("finishedAt")
    captured = get("capturedAt")
    if (finished is None or in_order(start, finished)) and (captured is None or in_order(start, captured)):
        return []  # nothing to find: the usual case, cheaply
    started = ("/startedAt", start)
    return order_findings(started, ("/finishedAt", finished)) + order_findings(started, ("/capturedAt", captured))


def _unchecked_artifact(doc: Document, filename: str | None) -> list[RuleFinding]:
    if doc.get("installState") != "installed":
        return []
    findings = []
    for i, artifact in enumerate(doc.get("artifacts") or []):
        if artifact.get("verificationState") != "not_checked":
            continue
        pointer = f"/artifacts/{i}/verificationState"
        ref = js_stringify(artifact["artifactRef"]) if "artifactRef" in artifact else "undefined"
        findings.append(RuleFinding(pointer, f"{pointer}: artifact {ref} of an installed runtime was not checked"))
    return findings


RULES = [
    code_rule("rule/install-time-order", _time_order),
    code_rule("rule/install-installed-unchecked-artifact", _unchecked_artifact),
]
