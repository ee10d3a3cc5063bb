"""The Python side of the differential test: one JSON line in ({"text", "contract", "filename"}),
one JSON line out ({"ok", "contract", "issues", "fast_agrees"}), until standard input ends.
`fast_agrees`: the contract's short-circuiting check says valid exactly when its full schema
validator finds no error (null when no contract was chosen or reading the value raised). Run with
`python3 -I -S`: the package is imported from python/src, standard library only."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "python" / "src"))

from sourceos_contracts import validate  # noqa: E402
from sourceos_contracts.generated.validators import SCHEMA_VALIDATORS  # noqa: E402


def fast_agrees(doc: object, contract: object) -> bool | None:
    if not isinstance(contract, str) or contract not in SCHEMA_VALIDATORS:
        return None
    is_schema_valid, schema_errors = SCHEMA_VALIDATORS[contract]
    errors: list[object] = []
    try:
        schema_errors(doc, errors)  # type: ignore[arg-type]
        return is_schema_valid(doc) == (not errors)
    except Exception:  # noqa: BLE001 - validate reports such a value as unreadable
        return None


def main() -> None:
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        doc = json.loads(case["text"])
        result = validate(doc, case.get("contract"), case.get("filename"))
        issues = [{"code": i.code, "severity": i.severity, "pointer": i.pointer, "message": i.message} for i in result.issues]
        out.write(json.dumps({"ok": result.ok, "contract": result.contract, "issues": issues, "fast_agrees": fast_agrees(doc, result.contract)}) + "\n")
        out.flush()


main()
