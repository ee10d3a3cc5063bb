"""`validate` never raises, whatever Python value it is given; `parse` raises only ContractValidationError."""
import math
import unittest
from decimal import Decimal
from typing import Any

from sourceos_contracts import CONTRACT_NAMES, ContractValidationError, contracts, validate

from .support import REPO, read_json


def _valid_docs() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for entry in read_json("examples/manifest.json")["examples"]:
        if entry["valid"] and not entry["issues"] and entry["contract"] not in found:
            found[entry["contract"]] = read_json(entry["path"])
    return found


class NeverRaises(unittest.TestCase):
    _odd: list[object] = []

    def odd_values(self) -> list[object]:
        if not self._odd:
            NeverRaises._odd = self._make_odd_values()
        return self._odd

    @staticmethod
    def _make_odd_values() -> list[object]:
        cycle: dict[str, object] = {"type": "Lease"}
        cycle["self"] = cycle
        listed: list[object] = []
        listed.append(listed)
        deep: object = []
        for _ in range(100_000):
            deep = [deep]
        return [
            None, True, False, 0, -0.0, 1.0, math.nan, math.inf, -math.inf, 10**400, -(10**400), 2**64, "", "Lease",
            b"{}", bytearray(b"x"), Decimal("1.5"), complex(1, 2), object(), set(), frozenset({1}), (1, 2), range(3),
            cycle, listed, deep, {1: 2, None: 3, (1, 2): 4}, {"type": b"Lease"}, {"type": math.nan}, lambda: None, unittest,
        ]

    def test_validate_returns_a_result_for_any_value(self) -> None:
        for value in self.odd_values():
            for contract in (None, *CONTRACT_NAMES, "constructor", "__proto__", "", "Nope"):
                with self.subTest(value=type(value).__name__, contract=contract):
                    result = validate(value, contract)
                    self.assertIsInstance(result.ok, bool)
                    self.assertFalse(result.ok)
                    for issue in result.issues:
                        self.assertIsInstance(issue.message, str)

    def test_odd_values_inside_valid_documents(self) -> None:
        docs = _valid_docs()
        self.assertEqual(sorted(docs), sorted(CONTRACT_NAMES))
        for name, doc in docs.items():
            for key in list(doc):
                for value in self.odd_values():
                    with self.subTest(contract=name, key=key, value=type(value).__name__):
                        changed = dict(doc)
                        changed[key] = value
                        result = validate(changed, name, "20260130-060133_proclamation_topic.json")
                        self.assertIsInstance(result.ok, bool)

    def test_wrong_argument_types(self) -> None:
        doc = _valid_docs()["Lease"]
        self.assertFalse(validate(doc, 42).ok)  # type: ignore[arg-type]
        self.assertEqual(validate(doc, 42).issues[0].message, "a number is not a contract of this package")  # type: ignore[arg-type]
        self.assertTrue(validate(doc, "Lease", 42).ok)  # type: ignore[arg-type]

    def test_parse_raises_only_contract_validation_error(self) -> None:
        for value in self.odd_values():
            for name in CONTRACT_NAMES:
                with self.subTest(value=type(value).__name__, contract=name):
                    with self.assertRaises(ContractValidationError):
                        contracts[name].parse(value)  # type: ignore[literal-required]


class Traps(unittest.TestCase):
    """Where Python and ECMAScript differ."""

    def setUp(self) -> None:
        self.lease = dict(_valid_docs()["Lease"])

    def codes(self, doc: object, contract: str = "Lease") -> list[tuple[str, str]]:
        return sorted((i.code, i.pointer) for i in validate(doc, contract).issues if i.severity == "error")

    def test_bool_is_no_integer_and_1_0_is_one(self) -> None:
        self.assertIn(("schema/type", "/ttl_seconds"), self.codes({**self.lease, "ttl_seconds": True}))
        ttl = self.lease["ttl_seconds"]
        self.assertEqual(self.codes({**self.lease, "ttl_seconds": float(ttl)}), [])
        self.assertIn(("schema/type", "/ttl_seconds"), self.codes({**self.lease, "ttl_seconds": ttl + 0.5}))
        self.assertIn(("schema/type", "/override"), self.codes({**self.lease, "override": 1}))

    def test_huge_and_non_finite_numbers_are_no_numbers(self) -> None:
        for value in (10**400, math.inf, math.nan):
            self.assertIn(("schema/type", "/ttl_seconds"), self.codes({**self.lease, "ttl_seconds": value}))

    def test_ecmascript_white_space_and_end_of_string(self) -> None:
        ledger = dict(_valid_docs()["CapabilityLedger"])
        for bad in ("urn:srcos:decision:a\n", "urn:srcos:decision:\u00a0", "urn:srcos:decision:\ufeff"):
            self.assertIn(("schema/pattern", "/policyDecisionRef"), self.codes({**ledger, "policyDecisionRef": bad}, "CapabilityLedger"))
        # \\S of ECMAScript takes what Python's \\s calls space (U+001C, U+0085) as a character
        for good in ("urn:srcos:decision:\x1c", "urn:srcos:decision:\x85"):
            self.assertNotIn(("schema/pattern", "/policyDecisionRef"), self.codes({**ledger, "policyDecisionRef": good}, "CapabilityLedger"))
        self.assertIn(("schema/pattern", "/specVersion"), self.codes({**ledger, "specVersion": "0.1.0\n"}, "CapabilityLedger"))
        self.assertIn(("schema/pattern", "/specVersion"), self.codes({**ledger, "specVersion": "\u0661.1.0"}, "CapabilityLedger"))

    def test_length_counts_code_points(self) -> None:
        self.assertEqual(self.codes({**self.lease, "owner": "\U0001f600"}), [])
        self.assertIn(("schema/minLength", "/owner"), self.codes({**self.lease, "owner": ""}))

    def test_key_order_does_not_matter(self) -> None:
        reordered = dict(reversed(list(self.lease.items())))
        self.assertEqual(validate(reordered).contract, "Lease")
        self.assertTrue(validate(reordered, "Lease").ok)


if __name__ == "__main__":
    unittest.main()
