"""The code rules of GitWorkspaceState: none (its rules are in its schema)."""
from .rule import Rule

RULES: list[Rule] = []
