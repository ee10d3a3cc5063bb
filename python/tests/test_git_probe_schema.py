"""The probe's words against schemas/git-workspace-state.schema.json, loaded from the repository:
every value the probe can write is allowed by the schema, the operation and state lists are the
schema's, no module but _vocabulary spells a schema value, and the spec version and references
are the TypeScript package's. A schema change the probe does not follow fails here."""

from __future__ import annotations

import ast
import re
import sys
import unittest
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _git_probe_support import REPO, SRC, load_schema  # noqa: E402

from sourceos_contracts.git_probe import _vocabulary as vocabulary  # noqa: E402
from sourceos_contracts.git_probe.classification import PASSIVE_REACTION, REQUESTED_REACTION, STATE_RULES  # noqa: E402

SCHEMA = load_schema("git-workspace-state.schema.json")


def at(pointer: str, node: Any = SCHEMA) -> Any:
    for part in pointer.lstrip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part.replace("~1", "/").replace("~0", "~")]
    return node


PREFIXES = {
    "STATE_": "/properties/state/enum",
    "SEVERITY_": "/properties/severity/enum",
    "ACTION_": "/properties/actionability/enum",
    "OPERATION_": "/properties/operation/enum",
    "REMOTE_": "/properties/gitFacts/properties/remoteState/enum",
    "REDACTION_": "/properties/pathEvidence/properties/redaction/enum",
}


def passive_rule() -> dict[str, Any]:
    rules = [r for r in SCHEMA["allOf"] if r.get("x-sourceos-rule", {}).get("code") == "rule/git-passive-severity"]
    assert len(rules) == 1
    return rules[0]  # type: ignore[no-any-return]


class VocabularyAgainstTheSchema(unittest.TestCase):
    def test_every_enum_word_is_allowed_where_it_is_written(self) -> None:
        words = {name: value for name, value in vars(vocabulary).items() if name.isupper() and isinstance(value, str)}
        for name, value in words.items():
            prefix = next((p for p in PREFIXES if name.startswith(p)), None)
            if prefix is None:
                continue
            with self.subTest(name):
                self.assertIn(value, at(PREFIXES[prefix]))
        self.assertEqual(vocabulary.DOCUMENT_TYPE, at("/properties/type/const"))
        self.assertRegex(vocabulary.ID_PREFIX + "x", at("/properties/id/pattern"))

    def test_the_lists_are_the_schemas(self) -> None:
        self.assertEqual(list(vocabulary.OPERATIONS), at("/properties/operation/enum"))
        self.assertEqual(vocabulary.PASSIVE_OPERATIONS, set(at("/if/properties/operation/enum", passive_rule())))
        self.assertEqual(vocabulary.EXPECTED_NEGATIVE_STATES, set(at("/$defs/expectedNegativeStates/enum")))
        self.assertEqual(at("/if/properties/state/$ref", passive_rule()), "#/$defs/expectedNegativeStates")

    def test_the_machine_covers_every_state_and_writes_only_allowed_reactions(self) -> None:
        states = set(at("/properties/state/enum"))
        self.assertEqual([s for s, _ in STATE_RULES], list(dict.fromkeys(s for s, _ in STATE_RULES)))
        self.assertEqual({s for s, _ in STATE_RULES}, states)
        self.assertEqual(set(REQUESTED_REACTION), states)
        self.assertLessEqual(set(PASSIVE_REACTION), states - vocabulary.EXPECTED_NEGATIVE_STATES)
        for severity, action in [*REQUESTED_REACTION.values(), *PASSIVE_REACTION.values()]:
            self.assertIn(severity, at("/properties/severity/enum"))
            self.assertIn(action, at("/properties/actionability/enum"))

    def test_no_other_module_spells_a_schema_value(self) -> None:
        # The enums the probe writes (commandClass, always null from the probe, names files such as "config").
        values = {v for pointer in PREFIXES.values() for v in at(pointer)} | {at("/properties/type/const")}
        for file in sorted((SRC / "sourceos_contracts" / "git_probe").glob("*.py")):
            if file.name == "_vocabulary.py":
                continue
            tree = ast.parse(file.read_text(encoding="utf-8"))
            docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
            slots = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in n.targets)]
            docstrings |= {id(c) for value in slots for c in ast.walk(value)}  # attribute names, not words written
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                    self.assertNotIn(node.value, values, f"{file.name}:{node.lineno} spells a schema value: use _vocabulary")


class VocabularyAgainstTheTypeScriptPackage(unittest.TestCase):
    def test_spec_version(self) -> None:
        text = (REPO / "src" / "machines" / "kernel" / "conventions.ts").read_text(encoding="utf-8")
        match = re.search(r"export const SPEC_VERSION = '([^']+)'", text)
        self.assertIsNotNone(match)
        assert match is not None
        self.assertEqual(vocabulary.SPEC_VERSION, match.group(1))

    def test_the_local_references(self) -> None:
        text = (REPO / "src" / "node" / "git-probe" / "probe.ts").read_text(encoding="utf-8")
        block = re.search(r"localGitProbeRefs: GitProbeRefs = \{(.*?)\};", text, re.S)
        assert block is not None
        refs = dict(re.findall(r"(\w+): '([^']+)'", block.group(1)))
        self.assertEqual(
            refs,
            {
                "sessionRef": vocabulary.SESSION_REF,
                "capabilityLedgerRef": vocabulary.CAPABILITY_LEDGER_REF,
                "workspaceRef": vocabulary.WORKSPACE_REF,
                "policyDecisionRef": vocabulary.POLICY_DECISION_REF,
            },
        )


if __name__ == "__main__":
    unittest.main()
