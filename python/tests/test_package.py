"""The package's identity: its version is package.json's, its names are the schemas' titles."""
import unittest

import sourceos_contracts
from sourceos_contracts import CONTRACT_NAMES, SPEC_VERSION, contracts
from sourceos_contracts.rules import CODE_RULES

from .support import REPO, read_json


class Package(unittest.TestCase):
    def test_version_is_package_json_version(self) -> None:
        self.assertEqual(sourceos_contracts.__version__, read_json("package.json")["version"])

    def test_spec_version(self) -> None:
        self.assertRegex(SPEC_VERSION, r"^\d+\.\d+\.\d+$")

    def test_contract_names_are_the_schema_titles(self) -> None:
        titles = sorted(read_json(f"schemas/{p.name}")["title"] for p in (REPO / "schemas").glob("*.schema.json") if p.name != "defs.schema.json")
        self.assertEqual(sorted(CONTRACT_NAMES), titles)
        self.assertEqual(sorted(contracts), titles)
        self.assertEqual(sorted(CODE_RULES), titles)

    def test_parse_raises_only_contract_validation_error(self) -> None:
        lease = contracts["Lease"]
        with self.assertRaises(sourceos_contracts.ContractValidationError) as caught:
            lease.parse({"owner": 1})
        self.assertTrue(any(i.code == "schema/required" for i in caught.exception.issues))
        doc = read_json("examples/valid/lease/" + next(p.name for p in (REPO / "examples/valid/lease").glob("*.json") if p.name != "expected.json"))
        self.assertIs(lease.parse(doc), doc)
        self.assertTrue(lease.is_valid(doc))


if __name__ == "__main__":
    unittest.main()
