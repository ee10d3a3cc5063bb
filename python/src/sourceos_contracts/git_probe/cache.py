"""The probe's cache: repeated probes of one path within a short window (default 5 seconds) return
the document of the first, so a terminal that probes at every prompt, or a watcher that fires in
bursts, reports one classification instead of a stream of them. Entries expire by the caller's clock,
and the cache keeps at most ``max_entries`` (default 128), dropping the least recently stored first.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import Any

DEFAULT_TTL_SECONDS = 5.0
DEFAULT_MAX_ENTRIES = 128


class GitProbeCache:
    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max(1, max_entries)
        self._entries: dict[Hashable, tuple[Any, float]] = {}

    def get(self, key: Hashable, now: float) -> Any | None:
        """The value stored under ``key`` less than the window ago, or None."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        value, stored_at = entry
        # A clock that went backwards does not make an entry live forever.
        if now - stored_at >= self.ttl_seconds or now < stored_at:
            del self._entries[key]
            return None
        return value

    def set(self, key: Hashable, value: Any, now: float) -> None:
        self._entries.pop(key, None)
        self._entries[key] = (value, now)
        while len(self._entries) > self.max_entries:
            del self._entries[next(iter(self._entries))]

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
