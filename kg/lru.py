"""One bounded least-recently-used map, thread-safe, for every cache of the service: the HTTP response cache
(api/cache.py) and the store's memo of named-query answers (kg/store/cached.py). Keys carry the graph version,
so nothing is ever stale: an entry of an old version is simply never asked for again and ages out."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

MISSING = object()


class LRU:
    """At most `max_entries` entries and, with `size`, at most `max_size` in total; the least recently used go first."""

    def __init__(
        self, max_entries: int, *, max_size: int | None = None, size: Callable[[object], int] | None = None
    ) -> None:
        self.max_entries = max_entries
        self.max_size = max_size
        self._size_of = size or (lambda _value: 0)
        self._entries: OrderedDict[object, object] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key):
        """The value, or MISSING (counted as a miss)."""
        with self._lock:
            value = self._entries.get(key, MISSING)
            if value is MISSING:
                self.misses += 1
            else:
                self._entries.move_to_end(key)
                self.hits += 1
            return value

    def put(self, key, value) -> None:
        """Keep value under key (a key already there keeps its first value), then drop the oldest over the bounds."""
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = value
            self._total += self._size_of(value)
            while len(self._entries) > self.max_entries or (
                self.max_size is not None and self._total > self.max_size and len(self._entries) > 1
            ):
                _key, old = self._entries.popitem(last=False)
                self._total -= self._size_of(old)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._total = 0


__all__ = ["LRU", "MISSING"]
