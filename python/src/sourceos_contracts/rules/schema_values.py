"""The enums the schemas hold, for rules that read allowed values instead of repeating them."""
from ..generated.meta import ENUMS


def schema_enum(contract: str, pointer: str) -> list[str]:
    """The string enum of a contract's schema at `pointer`; raises at import when the schema lost it."""
    values = ENUMS.get(contract, {}).get(pointer)
    if not values or not all(isinstance(v, str) for v in values):
        raise LookupError(f"the schema of {contract} has no string enum at {pointer}")
    return [str(v) for v in values]
