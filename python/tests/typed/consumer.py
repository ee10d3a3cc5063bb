"""A consumer of the package, checked with `mypy --strict` (test/python/mypy.test.ts)."""
import json
from typing import assert_type

from sourceos_contracts import ContractValidationError, Issue, ValidationResult, contracts, validate
from sourceos_contracts.generated.types import (
    LEASE_REQUIRED,
    CapabilityLedger,
    CapabilityPlane,
    GitFacts,
    GitWorkspaceState,
    Lease,
    SignalHeader,
)


def expiry(text: str) -> str | None:
    try:
        lease = contracts["Lease"].parse(json.loads(text))
    except ContractValidationError as error:
        for issue in error.issues:
            assert_type(issue, Issue)
        return None
    assert_type(lease, Lease)
    return lease["expires_at"]


def planes(doc: object) -> list[CapabilityPlane]:
    ledger: CapabilityLedger = contracts["CapabilityLedger"].parse(doc)
    return ledger["declaredBy"]


def remote(state: GitWorkspaceState) -> str:
    facts: GitFacts = state["gitFacts"]
    return facts["remoteState"]


def sender(header: SignalHeader) -> str:
    return header["from"]


def report(doc: object) -> list[str]:
    result: ValidationResult = validate(doc, filename="lease.json")
    return [f"{i.code} {i.pointer}" for i in result.issues] + list(LEASE_REQUIRED)


NEW_LEASE: Lease = {
    "resource": "tool:githubwatch",
    "owner": "scribe",
    "domain": "scribe",
    "ttl_seconds": 1800,
    "created_at": "2026-01-30T06:01:33Z",
    "expires_at": "2026-01-30T06:31:33Z",
    "override": False,
    "override_reason": "",
}
