"""`validate` of sourceos_contracts against python-jsonschema's Draft202012Validator on the same
valid documents (the repository's valid examples, each checked with its own contract), in one
process, timed in CPU seconds. Run by `npm run bench:python` with Debian's /usr/bin/python3 (python3-jsonschema).
Prints one JSON line: documents a second for each, and the ratio."""
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python" / "src"))

from sourceos_contracts import contracts  # noqa: E402


def documents() -> list[tuple[str, Any]]:
    manifest = json.loads((REPO / "examples" / "manifest.json").read_text(encoding="utf-8"))
    return [(e["contract"], json.loads((REPO / e["path"]).read_text(encoding="utf-8"))) for e in manifest["examples"] if e["valid"]]


def one_round(check: Callable[[str, Any], bool], docs: list[tuple[str, Any]], seconds: float) -> float:
    """Documents a second of this process's CPU time over one round of at least `seconds` of it
    (CPU time, not wall time: on a machine others share, waiting for a core is no one's cost)."""
    done = 0
    start = time.process_time()
    while True:
        for name, doc in docs:
            check(name, doc)
        done += len(docs)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return done / elapsed


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
    version, theirs = jsonschema_checker()
    ours: Callable[[str, Any], bool] = lambda name, doc: contracts[name].validate(doc).ok  # type: ignore[literal-required]  # noqa: E731
    for name, doc in docs:  # every document passes both, and both are warm
        assert ours(name, doc) and theirs(name, doc), name
    # Short rounds, alternating, on a machine others share: each side's best round is its speed
    # when it had a core to itself, and the median says how loaded the run was.
    results: dict[str, list[float]] = {"ours": [], "jsonschema": []}
    for _ in range(rounds):
        results["ours"].append(one_round(ours, docs, 0.2))
        results["jsonschema"].append(one_round(theirs, docs, 0.2))
    best = {k: max(v) for k, v in results.items()}
    median = {k: statistics.median(v) for k, v in results.items()}
    print(
        json.dumps(
            {
                "bench": "validate",
                "documents": len(docs),
                "python": sys.version.split()[0],
                "jsonschema": version,
                "rounds": rounds,
                "ours_per_s": round(best["ours"]),
                "jsonschema_per_s": round(best["jsonschema"]),
                "ratio": round(best["ours"] / best["jsonschema"], 1),
                "median_ratio": round(median["ours"] / median["jsonschema"], 1),
            }
        )
    )


main()
