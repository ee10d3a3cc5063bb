"""Smoke test of an installed sourceos_contracts (.ci/run runs it in a fresh venv with the wheel):
`python -I smoke.py REPOSITORY`. It must be the installed copy, of package.json's version, and
validate the repository's examples as the conformance manifest says, and probe the repository."""
import json
import sys
from pathlib import Path

import sourceos_contracts
from sourceos_contracts import contracts, probe_git_workspace, validate


def main(repository: Path) -> None:
    where = Path(sourceos_contracts.__file__).resolve()
    assert "site-packages" in where.parts, f"not the installed copy: {where}"
    version = json.loads((repository / "package.json").read_text(encoding="utf-8"))["version"]
    assert sourceos_contracts.__version__ == version, (sourceos_contracts.__version__, version)
    manifest = json.loads((repository / "examples" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["examples"]:
        doc = json.loads((repository / entry["path"]).read_text(encoding="utf-8"))
        result = validate(doc, entry["contract"], entry.get("filename"))
        assert result.ok == entry["valid"], entry["path"]
    lease = next(e for e in manifest["examples"] if e["contract"] == "Lease" and e["valid"])
    contracts["Lease"].parse(json.loads((repository / lease["path"]).read_text(encoding="utf-8")))
    state = probe_git_workspace(str(repository), "user_requested_command", cache=False)
    assert validate(state, "GitWorkspaceState").ok, state
    print(f"probe of the repository: {state['state']}, {state['severity']}")
    print(f"sourceos_contracts {sourceos_contracts.__version__} from {where.parent}: {len(manifest['examples'])} examples as the manifest says")


main(Path(sys.argv[1]))
