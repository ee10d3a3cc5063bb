"""The SourceOS contracts in Python: the same verdicts as @sourceos/contracts, no dependency.

    from sourceos_contracts import validate, contracts
    result = validate(doc)                  # contract chosen by "type", or by shape
    lease = contracts["Lease"].parse(doc)   # the typed document, or ContractValidationError
    state = probe_git_workspace(".")        # a GitWorkspaceState, without running git
"""
from typing import TYPE_CHECKING, Any

from .contract import Contract, ContractValidationError
from .contracts import contracts
from .detect import classify_document, detect_contract
from .generated.meta import CONTRACT_NAMES, SCHEMAS_DIGEST, SPEC_VERSION, VERSION
from .generated.types import ContractName
from .issue import Issue, Severity, ValidationResult
from .validate import validate

if TYPE_CHECKING:
    from .git_probe import probe_git_workspace


def __getattr__(name: str) -> Any:
    # The Git probe loads on first use, so that importing the package for validation stays light.
    if name == "probe_git_workspace":
        from .git_probe import probe_git_workspace

        return probe_git_workspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__version__ = VERSION

__all__ = [
    "CONTRACT_NAMES",
    "SCHEMAS_DIGEST",
    "SPEC_VERSION",
    "Contract",
    "ContractName",
    "ContractValidationError",
    "Issue",
    "Severity",
    "ValidationResult",
    "__version__",
    "classify_document",
    "contracts",
    "detect_contract",
    "probe_git_workspace",
    "validate",
]
