"""The Python side of the differential test: one JSON line in ({"text", "contract", "filename"}),
one JSON line out ({"ok", "contract", "issues"}), until standard input ends. Run with
`python3 -I -S`: the package is imported from python/src, standard library only."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "python" / "src"))

from sourceos_contracts import validate  # noqa: E402


def main() -> None:
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        case = json.loads(line)
        doc = json.loads(case["text"])
        result = validate(doc, case.get("contract"), case.get("filename"))
        issues = [{"code": i.code, "severity": i.severity, "pointer": i.pointer, "message": i.message} for i in result.issues]
        out.write(json.dumps({"ok": result.ok, "contract": result.contract, "issues": issues}) + "\n")
        out.flush()


main()
