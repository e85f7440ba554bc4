"""A memo of trusted named-query answers in front of any Store, keyed by the store's version.

The REST routes run a few named queries with a few parameters and then apply the contract's
temporal rules in Python, so "parties of treaty X as of D" for a thousand different D costs one
query. The store is read-only for its lifetime (a new build is a new store and a new version),
so answers never go stale; the memo is bounded (least recently used entries are dropped).
Users' SPARQL (execute) is not memoized here: /sparql answers are cached as HTTP responses.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from kg.querying import Row, Store


class CachedStore:
    """Delegates to `inner`; memoizes select/ask/construct by (query text, bound values)."""

    def __init__(self, inner: Store, *, max_entries: int = 1024) -> None:
        self.inner = inner
        self._max = max_entries
        self._memo: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def version(self) -> str:
        return self.inner.version

    def __getattr__(self, name: str):  # everything else (execute, counts, close, start, ...) is the inner store's
        return getattr(self.inner, name)

    def _key(self, form: str, query: str, bindings) -> tuple:
        bound = tuple(sorted((k, str(v)) for k, v in (bindings or {}).items()))
        return self.inner.version, form, query, bound  # a remote store's version changes with a new push

    def _memoized(self, form: str, query: str, bindings, compute):
        key = self._key(form, query, bindings)
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                self.hits += 1
                return self._memo[key]
        value = compute()
        with self._lock:
            self.misses += 1
            self._memo[key] = value
            while len(self._memo) > self._max:
                self._memo.popitem(last=False)
        return value

    def select(self, query: str, *, bindings: dict[str, object] | None = None) -> list[Row]:
        rows = self._memoized("select", query, bindings, lambda: self.inner.select(query, bindings=bindings))
        return [dict(row) for row in rows]  # callers may change their rows; the memo keeps its own

    def ask(self, query: str, *, bindings: dict[str, object] | None = None) -> bool:
        return self._memoized("ask", query, bindings, lambda: self.inner.ask(query, bindings=bindings))

    def construct(self, query: str, *, bindings: dict[str, object] | None = None) -> list:
        return list(self._memoized("construct", query, bindings,
                                   lambda: self.inner.construct(query, bindings=bindings)))


__all__ = ["CachedStore"]
