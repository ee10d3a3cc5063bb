"""Each contract's short-circuiting check (`is_schema_valid`, which `validate` runs first) says valid
exactly when its full schema validator finds no error, on every example of the manifest, valid and
invalid, checked against every contract."""
import copy
import unittest
from collections.abc import Iterator
from typing import Any

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

    def test_agrees_when_an_object_gains_or_loses_a_key(self) -> None:
        # the check reads required properties directly and counts keys: a key too many or too few anywhere
        examples = [e for e in read_json("examples/manifest.json")["examples"] if e["valid"]]
        mutants = 0
        for example in examples:
            doc = read_json(example["path"])
            is_schema_valid, schema_errors = SCHEMA_VALIDATORS[example["contract"]]
            for path in list(_objects(doc)):
                for change in ("add", "drop"):
                    mutant = copy.deepcopy(doc)
                    target = mutant
                    for step in path:
                        target = target[step]
                    if change == "add":
                        target["zz_extra"] = 1
                    elif target:
                        target.pop(next(iter(target)))
                    errors: list[object] = []
                    schema_errors(mutant, errors)  # type: ignore[arg-type]
                    with self.subTest(path=example["path"], at=path, change=change):
                        self.assertEqual(is_schema_valid(mutant), not errors)
                    mutants += 1
        self.assertGreater(mutants, 300)


def _objects(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every object in a JSON value, the value itself first."""
    if isinstance(value, dict):
        yield path
        for key, item in value.items():
            yield from _objects(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _objects(item, (*path, index))


if __name__ == "__main__":
    unittest.main()
