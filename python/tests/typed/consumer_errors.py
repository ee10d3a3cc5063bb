"""Mistakes `mypy --strict` must find with the generated types (test/python/mypy.test.ts expects an error on each marked line)."""
from sourceos_contracts import contracts
from sourceos_contracts.generated.types import GitWorkspaceState, Lease

BAD_LEASE: Lease = {  # E: missing keys
    "resource": "tool:githubwatch",
    "owner": "scribe",
}


def severity(state: GitWorkspaceState) -> None:
    state["severity"] = "loud"  # E: not a Literal of the enum


def ttl(doc: object) -> str:
    return contracts["Lease"].parse(doc)["ttl_seconds"]  # E: int is no str
