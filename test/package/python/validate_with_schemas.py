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
  (either with --assert-formats)

"format" is an annotation in draft 2020-12 unless a validator opts in, and jsonschema's date-time
check (when the optional rfc3339-validator module is installed) rejects leap seconds (23:59:60),
which RFC 3339 allows. So formats are not asserted by default; --assert-formats turns on
jsonschema's own format checker.

Prints one JSON object on stdout: {"jsonschema": version, "refs": "referencing" | "RefResolver",
"results": [{"path", "contract", "valid", "errors": [{"pointer", "keyword", "message"}]}]}.
Exit status: 0 when every document given as a FILE is valid (with --manifest: when every example
the manifest calls valid is valid; invalid examples are reported, not judged, since some break
rules only code can check), 1 otherwise, 2 on a usage error.
"""

import argparse
import json
import pathlib
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


def make_validator(schema, store, assert_formats):
    cls = validator_for(schema)
    cls.check_schema(schema)
    format_checker = (getattr(cls, "FORMAT_CHECKER", None) or jsonschema.FormatChecker()) if assert_formats else None
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
    parser.add_argument("--assert-formats", action="store_true", help="assert \"format\" with jsonschema's format checker")
    args = parser.parse_intermixed_args(argv[1:])
    if bool(args.manifest) == bool(args.files):
        parser.error("give FILEs or --manifest, not both")

    store = load_schemas(args.schema_dir)
    # A contract's schema has the contract's name as its title.
    by_title = {s["title"]: s for s in store.values() if "title" in s}
    validators = {title: make_validator(schema, store, args.assert_formats) for title, schema in by_title.items()}

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
                "formats": "asserted" if args.assert_formats else "annotation",
                "results": results,
            }
        )
    )
    return 0 if all_as_expected else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
