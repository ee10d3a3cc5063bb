"""Paths of the repository the tests read."""
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent


def read_json(relative: str) -> Any:
    return json.loads((REPO / relative).read_text(encoding="utf-8"))
