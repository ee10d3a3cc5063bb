"""Every contract, keyed by name (the names are the schemas' titles)."""
from typing import Final

from .contract import Contract
from .generated.meta import CONTRACT_NAMES
from .generated.types import Contracts

contracts: Final[Contracts] = {name: Contract(name) for name in CONTRACT_NAMES}  # type: ignore[assignment]
"""`contracts["Lease"].validate(doc)`, `.is_valid(doc)`, `.parse(doc)`."""
