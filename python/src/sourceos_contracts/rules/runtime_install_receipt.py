"""The code rules of RuntimeInstallReceipt (mirrors src/rules/runtime-install-receipt.ts)."""
from .._jsvalue import js_stringify
from .rule import Document, Rule, RuleFinding
from .time_order import order_findings


def _time_order(doc: Document, filename: str | None) -> list[RuleFinding]:
    started = ("/startedAt", doc.get("startedAt"))
    return order_findings(started, ("/finishedAt", doc.get("finishedAt"))) + order_findings(started, ("/capturedAt", doc.get("capturedAt")))


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
    Rule("rule/install-time-order", "RuntimeInstallReceipt", "error", "finishedAt and capturedAt are not before startedAt (equal is allowed).", _time_order),
    Rule(
        "rule/install-installed-unchecked-artifact",
        "RuntimeInstallReceipt",
        "warning",
        "An installed runtime has no artifact whose verificationState is not_checked.",
        _unchecked_artifact,
    ),
]
