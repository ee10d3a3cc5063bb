"""The SourceOS contracts in Python: the same verdicts as @sourceos/contracts, no dependency.

    from sourceos_contracts import validate, contracts
    result = validate(doc)                  # contract chosen by "type", or by shape
    lease = contracts["Lease"].parse(doc)   # the typed document, or ContractValidationError
"""
from .contract import Contract, ContractValidationError
from .contracts import contracts
from .detect import classify_document, detect_contract
from .generated.meta import CONTRACT_NAMES, SCHEMAS_DIGEST, SPEC_VERSION, VERSION
from .generated.types import ContractName
from .issue import Issue, Severity, ValidationResult
from .validate import validate

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
    "validate",
]
