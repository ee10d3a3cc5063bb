#!/usr/bin/env python3
"""Validate SourceOS contract documents with the shipped JSON Schema files alone.

No code of @sourceos/contracts runs here: the schemas in one folder stand on their own. The shared
definitions (defs.schema.json) are found by their "$id", the way a Python repository that vendors
the schema files would load them.

Works with python-jsonschema from 4.10 (Debian 12's python3-jsonschema, which resolves "$ref" with
RefResolver and a store keyed by "$id") to current releases (which use the `referencing` library).

Usage:
  validate_with_schemas.py SCHEMA_DIR --manifest PACKAGE_DIR/examples/manifest.json
  validate_with_schemas.py SCHEMA_DIR [--contract NAME] FILE.json [FILE.json ...]

"format": "date-time" is asserted as the package asserts it: RFC 3339 section 5.6 exactly (seconds
and an offset required, real calendar days, a leap second only at 23:59:60 UTC), by a small
checker below, since jsonschema's own date-time check depends on an optional module
(rfc3339-validator, absent from Debian 12) and rejects leap seconds, which RFC 3339 allows.

Prints one JSON object on stdout: {"jsonschema": version, "refs": "referencing" | "RefResolver",
"results": [{"path", "contract", "valid", "errors": [{"pointer", "keyword", "message"}]}]}.
Exit status: 0 when every document given as a FILE is valid (with --manifest: when every example
the manifest calls valid is valid; invalid examples are reported, not judged, since some break
rules only code can check), 1 otherwise, 2 on a usage error.
"""

import argparse
import json
import pathlib
import re
import sys

import jsonschema
from jsonschema.validators import validator_for

try:  # jsonschema >= 4.18
    from referencing import Registry, Resource

    HAVE_REFERENCING = True
except ImportError:  # Debian 12: jsonschema 4.10
    HAVE_REFERENCING = False


def jsonschema_version():
    try:
        from importlib.metadata import version

        return version("jsonschema")
    except Exception:  # pragma: no cover
        return getattr(jsonschema, "__version__", "unknown")


def load_schemas(schema_dir):
    """Every *.schema.json of the folder, keyed by its $id."""
    store = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
    if not store:
        raise SystemExit(f"no *.schema.json in {schema_dir}")
    return store


DATE_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$")


def is_date_time(text):
    """RFC 3339 date-time, strictly (the package's own check)."""
    if not isinstance(text, str):
        return True
    m = DATE_TIME.match(text)
    if not m:
        return False
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    oh, om = int(m.group(8) or 0), int(m.group(9) or 0)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not (1 <= mo <= 12 and 1 <= d <= days[mo - 1] and h <= 23 and mi <= 59 and s <= 60 and oh <= 23 and om <= 59):
        return False
    sign = -1 if m.group(7) == "-" else 1
    return s < 60 or (h * 60 + mi - sign * (oh * 60 + om)) % 1440 == 23 * 60 + 59


def make_format_checker():
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(is_date_time)
    return checker


def make_validator(schema, store):
    cls = validator_for(schema)
    cls.check_schema(schema)
    format_checker = make_format_checker()
    if HAVE_REFERENCING:
        registry = Registry().with_resources(
            (uri, Resource.from_contents(contents)) for uri, contents in store.items()
        )
        return cls(schema, registry=registry, format_checker=format_checker)
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return cls(schema, resolver=resolver, format_checker=format_checker)


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def main(argv):
    parser = argparse.ArgumentParser(description="Validate SourceOS contract documents with the schema files alone.")
    parser.add_argument("schema_dir", help="the folder of *.schema.json files")
    parser.add_argument("files", nargs="*", help="documents to validate (their contract: --contract, else their \"type\")")
    parser.add_argument("--manifest", help="validate every example of this examples/manifest.json instead")
    parser.add_argument("--contract", help="the contract of the FILEs (Lease and Signal documents have no \"type\")")
    args = parser.parse_intermixed_args(argv[1:])
    if bool(args.manifest) == bool(args.files):
        parser.error("give FILEs or --manifest, not both")

    store = load_schemas(args.schema_dir)
    # A contract's schema has the contract's name as its title.
    by_title = {s["title"]: s for s in store.values() if "title" in s}
    validators = {title: make_validator(schema, store) for title, schema in by_title.items()}

    expected = {}
    if args.manifest:
        manifest_path = pathlib.Path(args.manifest)
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        base = manifest_path.parent.parent  # the package folder: manifest paths start with examples/
        docs = [(str(base / e["path"]), e["path"], e["contract"]) for e in manifest["examples"]]
        expected = {e["path"]: e["valid"] for e in manifest["examples"]}
    else:
        docs = []
        for file in args.files:
            doc = json.loads(pathlib.Path(file).read_text(encoding="utf-8"))
            contract = args.contract or (doc.get("type") if isinstance(doc, dict) else None)
            docs.append((file, file, contract))

    results = []
    all_as_expected = True
    for file, label, contract in docs:
        doc = json.loads(pathlib.Path(file).read_text(encoding="utf-8"))
        validator = validators.get(contract)
        if validator is None:
            errors = [{"pointer": "", "keyword": "contract", "message": f"no schema titled {contract!r}"}]
        else:
            errors = [
                {"pointer": pointer(e.absolute_path), "keyword": e.validator, "message": e.message}
                for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
            ]
        valid = not errors
        results.append({"path": label, "contract": contract, "valid": valid, "errors": errors})
        # A valid document (a FILE, or an example the manifest calls valid) must pass. Invalid
        # examples are reported, not judged here: some break rules only code can check.
        if not valid and expected.get(label, True):
            all_as_expected = False

    print(
        json.dumps(
            {
                "jsonschema": jsonschema_version(),
                "refs": "referencing" if HAVE_REFERENCING else "RefResolver",
                "python": sys.version.split()[0],
                "results": results,
            }
        )
    )
    return 0 if all_as_expected else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
