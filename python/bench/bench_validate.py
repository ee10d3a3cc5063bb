"""`validate` of sourceos_contracts against python-jsonschema's Draft202012Validator on the same
valid documents, in one process, timed in CPU seconds. The documents: every valid example of the
repository (all seven contracts), and every JSON document of the estate's conformance corpus when it
is beside the repository (../shared/conformance: the spec repository's canonical examples, real
signals and a real lease, read with their file names, which a signal's rules check; without it, the
canonical examples copied into test/fixtures). Each is checked with its own contract. The same
documents are also checked with their date-times written as Python writers write them
(`datetime.isoformat()`: microseconds and "+00:00" for "Z"). Run by `npm run bench:python` with Debian's /usr/bin/python3 (python3-jsonschema). Prints
one JSON line: documents a second for each, the ratio, the ratio of each contract and the ratio on
the isoformat documents.
"""
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python" / "src"))

from sourceos_contracts import contracts, detect_contract  # noqa: E402


def documents() -> list[tuple[str, Any, str | None]]:
    """(contract, document, file name) of every document the benchmark checks."""
    manifest = json.loads((REPO / "examples" / "manifest.json").read_text(encoding="utf-8"))
    docs: list[tuple[str, Any, str | None]] = [
        (e["contract"], json.loads((REPO / e["path"]).read_text(encoding="utf-8")), None) for e in manifest["examples"] if e["valid"]
    ]
    corpus = REPO.parent / "shared" / "conformance"
    if not corpus.is_dir():  # the corpus holds these too
        for path in sorted((REPO / "test" / "fixtures" / "sourceos-spec" / "examples").glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            docs.append((doc["type"], doc, None))
    for folder, _, files in sorted(os.walk(corpus)):
        for file in sorted(f for f in files if f.endswith(".json")):
            doc = json.loads((Path(folder) / file).read_text(encoding="utf-8"))
            contract = detect_contract(doc) or ""
            docs.append((contract, doc, file))
    return docs


_WHOLE_SECOND_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")


def as_isoformat(value: Any) -> Any:
    """The value with every whole-second UTC date-time as `datetime.isoformat()` writes an aware
    one with microseconds ("2026-05-06T04:31:00.000000+00:00"): one shift of every timestamp of a
    document keeps its order and its durations."""
    if isinstance(value, dict):
        return {k: as_isoformat(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_isoformat(v) for v in value]
    if isinstance(value, str) and _WHOLE_SECOND_UTC.match(value):
        return value[:19] + ".000000+00:00"
    return value


Check = Callable[[str, Any, "str | None"], bool]


def one_round(check: Check, docs: list[tuple[str, Any, str | None]], seconds: float) -> float:
    """Documents a second of this process's CPU time over one round of at least `seconds` of it
    (CPU time, not wall time: on a machine others share, waiting for a core is no one's cost)."""
    done = 0
    start = time.process_time()
    while True:
        for name, doc, file in docs:
            check(name, doc, file)
        done += len(docs)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return done / elapsed


def best_and_median(ours: Check, theirs: Check, docs: list[tuple[str, Any, str | None]], rounds: int, seconds: float) -> dict[str, list[float]]:
    """Short rounds, alternating, on a machine others share: each side's best round is its speed
    when it had a core to itself, and the median says how loaded the run was."""
    results: dict[str, list[float]] = {"ours": [], "jsonschema": []}
    for _ in range(rounds):
        results["ours"].append(one_round(ours, docs, seconds))
        results["jsonschema"].append(one_round(theirs, docs, seconds))
    return results


def jsonschema_checker() -> tuple[str, Callable[[str, Any], bool]]:
    import jsonschema
    from jsonschema import Draft202012Validator

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "schemas").glob("*.schema.json")}
    store = {s["$id"]: s for s in schemas.values()}
    checker = Draft202012Validator.FORMAT_CHECKER
    validators = {}
    for schema in schemas.values():
        if schema.get("title") in contracts:
            try:
                from referencing import Registry, Resource

                registry: Any = Registry().with_resources((i, Resource.from_contents(s)) for i, s in store.items())
                validators[schema["title"]] = Draft202012Validator(schema, registry=registry, format_checker=checker)
            except ImportError:
                resolver = jsonschema.RefResolver.from_schema(schema, store=store)
                validators[schema["title"]] = Draft202012Validator(schema, resolver=resolver, format_checker=checker)
    from importlib.metadata import version as installed

    version = installed("jsonschema")
    return version, lambda name, doc: validators[name].is_valid(doc)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    docs = documents()
    version, check = jsonschema_checker()
    theirs: Check = lambda name, doc, file: check(name, doc)  # noqa: E731
    ours: Check = lambda name, doc, file: contracts[name].validate(doc, file).ok  # type: ignore[literal-required]  # noqa: E731
    for name, doc, file in docs:  # every document passes both, and both are warm
        assert ours(name, doc, file) and theirs(name, doc, file), (name, file)
    results = best_and_median(ours, theirs, docs, rounds, 0.2)
    best = {k: max(v) for k, v in results.items()}
    median = {k: statistics.median(v) for k, v in results.items()}
    # each contract's documents alone (fewer, shorter rounds): where the ratio is lowest
    by_contract: dict[str, float] = {}
    for contract in sorted({name for name, _, _ in docs}):
        alone = best_and_median(ours, theirs, [d for d in docs if d[0] == contract], max(3, rounds // 3), 0.1)
        by_contract[contract] = round(max(alone["ours"]) / max(alone["jsonschema"]), 1)
    # the documents as Python writers write their date-times (those still valid so written)
    iso = [(name, as_isoformat(doc), file) for name, doc, file in docs]
    iso = [(name, doc, file) for name, doc, file in iso if ours(name, doc, file) and theirs(name, doc, file)]
    alone = best_and_median(ours, theirs, iso, max(3, rounds // 3), 0.2)
    print(
        json.dumps(
            {
                "bench": "validate",
                "documents": len(docs),
                "contracts": len(by_contract),
                "python": sys.version.split()[0],
                "jsonschema": version,
                "rounds": rounds,
                "ours_per_s": round(best["ours"]),
                "jsonschema_per_s": round(best["jsonschema"]),
                "ratio": round(best["ours"] / best["jsonschema"], 1),
                "median_ratio": round(median["ours"] / median["jsonschema"], 1),
                "ratio_by_contract": by_contract,
                "isoformat_documents": len(iso),
                "isoformat_ratio": round(max(alone["ours"]) / max(alone["jsonschema"]), 1),
            }
        )
    )


main()
