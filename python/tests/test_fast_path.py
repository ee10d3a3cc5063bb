"""Each contract's short-circuiting check (`is_schema_valid`, which `validate` runs first) says valid
exactly when its full schema validator finds no error, on every example of the manifest, valid and
invalid, checked against every contract."""
import unittest

from sourceos_contracts.generated.validators import SCHEMA_VALIDATORS

from .support import read_json


class FastPath(unittest.TestCase):
    def test_agrees_with_the_full_validator_on_every_manifest_vector(self) -> None:
        examples = read_json("examples/manifest.json")["examples"]
        self.assertGreater(len(examples), 50)
        docs = [read_json(e["path"]) for e in examples]
        verdicts = {True: 0, False: 0}
        for name, (is_schema_valid, schema_errors) in SCHEMA_VALIDATORS.items():
            for example, doc in zip(examples, docs):
                errors: list[object] = []
                schema_errors(doc, errors)  # type: ignore[arg-type]
                with self.subTest(contract=name, path=example["path"]):
                    self.assertEqual(is_schema_valid(doc), not errors)
                verdicts[not errors] += 1
        # both answers occur, in numbers
        self.assertGreater(verdicts[True], 40)
        self.assertGreater(verdicts[False], 40)


if __name__ == "__main__":
    unittest.main()
