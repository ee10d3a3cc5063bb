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

    def test_agrees_when_a_string_gains_a_nul_white_space_or_a_character_past_ascii(self) -> None:
        # the check tests an object's strings in one match of the values joined by NUL, and each
        # pattern first as printable ASCII: a NUL inside a value, a value that is only right past
        # ASCII, and one that is wrong there, anywhere
        examples = [e for e in read_json("examples/manifest.json")["examples"] if e["valid"]]
        verdicts = {True: 0, False: 0}
        for example in examples:
            doc = read_json(example["path"])
            is_schema_valid, schema_errors = SCHEMA_VALIDATORS[example["contract"]]
            for path in list(_strings(doc)):
                for change in ("\x00", "\x00urn:srcos:x:y", " ", "\u00a0x", "é", "\u2028", "Z\x002026-05-06T04:31:00Z"):
                    mutant = copy.deepcopy(doc)
                    target = mutant
                    for step in path[:-1]:
                        target = target[step]
                    value = target[path[-1]]
                    target[path[-1]] = value[: len(value) // 2] + change + value[len(value) // 2 :] if change != "é" else value + change
                    errors: list[object] = []
                    schema_errors(mutant, errors)  # type: ignore[arg-type]
                    with self.subTest(path=example["path"], at=path, change=change):
                        self.assertEqual(is_schema_valid(mutant), not errors)
                    verdicts[not errors] += 1
        self.assertGreater(verdicts[True], 100)
        self.assertGreater(verdicts[False], 1000)


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every string in a JSON value."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


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
