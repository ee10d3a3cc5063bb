"""The shipped conformance vectors (examples/manifest.json), every one, code rules included."""
import unittest
from collections import Counter

from sourceos_contracts import validate

from .support import read_json


class ConformanceVectors(unittest.TestCase):
    def test_every_vector_of_the_manifest(self) -> None:
        manifest = read_json("examples/manifest.json")
        self.assertGreater(len(manifest["examples"]), 100)
        for entry in manifest["examples"]:
            with self.subTest(entry["path"]):
                doc = read_json(entry["path"])
                result = validate(doc, entry["contract"], entry.get("filename"))
                self.assertEqual(result.ok, entry["valid"])
                self.assertEqual(result.contract, entry["contract"])
                got = Counter((i.code, i.severity, i.pointer) for i in result.issues)
                expected = Counter((i["code"], i["severity"], i["pointer"]) for i in entry["issues"])
                self.assertEqual(got, expected)

    def test_detection_finds_each_valid_example_contract(self) -> None:
        for entry in read_json("examples/manifest.json")["examples"]:
            if entry["valid"]:
                with self.subTest(entry["path"]):
                    self.assertEqual(validate(read_json(entry["path"]), filename=entry.get("filename")).contract, entry["contract"])

    def test_the_code_rule_vectors_are_there(self) -> None:
        codes = {i["code"] for e in read_json("examples/manifest.json")["examples"] for i in e["issues"]}
        for code in ("rule/lease-expiry-matches-ttl", "rule/signal-filename-agrees", "rule/orphan-recovered-is-candidate", "rule/capability-state-has-reason"):
            self.assertIn(code, codes)


if __name__ == "__main__":
    unittest.main()
