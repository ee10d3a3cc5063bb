"""The Python package's tests: `cd python && python3 -I -S -m unittest discover -s tests -t .`
(what `npm test` runs). The package is imported from python/src, not from an installed copy."""
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")
if SRC not in sys.path:
    sys.path.insert(0, SRC)
