"""A memo of trusted named-query answers in front of any Store, keyed by the store's version.

The REST routes run a few named queries with a few parameters and then apply the contract's
temporal rules in Python, so "parties of treaty X as of D" for a thousand different D costs one
query. The store is read-only for its lifetime (a new build is a new store and a new version),
so answers never go stale; the memo is bounded (least recently used entries are dropped).
Users' SPARQL (execute) is not memoized here: /sparql answers are cached as HTTP responses.

Values derived from the whole graph (kg.answers.record_index) are kept too, one per name, for the current
version only (`derived`), outside the bounded memo.
"""

from __future__ import annotations

from kg.lru import LRU, MISSING
from kg.memory_only import require_store_read
from kg.querying import Row, Store
from kg.single_flight import SingleFlight


class CachedStore:
    """Delegates to `inner`; memoizes select/ask/construct by (query text, bound values). Requests that miss the
    same entry at once run its query once (kg.single_flight)."""

    def __init__(self, inner: Store, *, max_entries: int = 1024) -> None:
        self.inner = inner
        self._memo = LRU(max_entries)
        self._flights = SingleFlight()
        self._derived: dict[str, tuple[str, object]] = {}

    @property
    def version(self) -> str:
        return self.inner.version

    def __getattr__(
        self, name: str
    ):  # everything else (execute, counts, close, start, ...) is the inner store's
        return getattr(self.inner, name)

    def _key(self, form: str, query: str, bindings) -> tuple:
        bound = tuple(sorted((k, str(v)) for k, v in (bindings or {}).items()))
        return self.inner.version, form, query, bound  # a remote store's version changes with a new push

    def _memoized(self, form: str, query: str, bindings, compute):
        key = self._key(form, query, bindings)
        value = self._memo.get(key)
        if value is MISSING:
            require_store_read()  # never wait for another request's read where reading is not allowed
            value = self._flights.run(key, compute)
            self._memo.put(key, value)
        return value

    @property
    def hits(self) -> int:
        return self._memo.hits

    @property
    def misses(self) -> int:
        return self._memo.misses

    def derived(self, name: str, compute):
        """compute(inner store), computed once per version of the store and kept until the version changes.

        Requests that miss the same name at once wait for one computation (kg.single_flight); other names are
        computed meanwhile, and a request answering from memory raises NotInMemory rather than wait.
        """
        version = self.inner.version
        entry = self._derived.get(name)
        if entry is not None and entry[0] == version:
            return entry[1]
        require_store_read()  # never wait for another request's computation where reading is not allowed

        def fill():
            entry = self._derived.get(name)
            if entry is not None and entry[0] == version:
                return entry[1]
            value = compute(self.inner)
            self._derived[name] = (version, value)
            return value

        return self._flights.run(("derived", name, version), fill)

    def select(self, query: str, *, bindings: dict[str, object] | None = None) -> list[Row]:
        rows = self._memoized("select", query, bindings, lambda: self.inner.select(query, bindings=bindings))
        return [dict(row) for row in rows]  # callers may change their rows; the memo keeps its own

    def ask(self, query: str, *, bindings: dict[str, object] | None = None) -> bool:
        return self._memoized("ask", query, bindings, lambda: self.inner.ask(query, bindings=bindings))

    def construct(self, query: str, *, bindings: dict[str, object] | None = None) -> list:
        return list(
            self._memoized(
                "construct", query, bindings, lambda: self.inner.construct(query, bindings=bindings)
            )
        )


__all__ = ["CachedStore"]
