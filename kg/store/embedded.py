"""The embedded default store: pyoxigraph on disk (RocksDB), opened read-only.

The built N-Quads are bulk-loaded once per build version into `.cache/store-<version>/`;
every later start opens that directory read-only, which takes milliseconds at any size.
Trusted named queries run in process; users' SPARQL runs in sandbox worker processes, which also
load the default graph into memory (from the N-Triples copy materialize writes) and answer there
the queries that name no graph: pyoxigraph scans memory several times faster than RocksDB.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg import named_queries
from kg.errors import QueryError, StoreError
from kg.namespaces import PREFIXES
from kg.store.base import QueryOutput, Row, bind
from kg.store.engine import dataset_args, query_error, run
from kg.store.sandbox import QuerySandbox


def union_file(store_dir: Path) -> Path:
    """Where the default graph of a materialized store is kept as N-Triples (for in-memory copies)."""
    return store_dir.parent / f"{store_dir.name}.default.nt"


def _write_union(store: ox.Store, target: Path) -> None:
    tmp = target.with_suffix(".tmp")
    store.dump(str(tmp), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    os.replace(tmp, target)


def materialize(nquads: Path, target: Path) -> Path:
    """Bulk-load a built N-Quads file into a RocksDB directory (atomically); reuse it if present.

    Also writes the default graph as N-Triples beside it (union_file), which query workers load
    into memory.
    """
    if target.exists():
        if not union_file(target).exists():
            _write_union(ox.Store.read_only(str(target)), union_file(target))
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        _write_union(store, union_file(target))
        del store
        os.rename(tmp, target)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not target.exists():
            raise
    return target


class EmbeddedStore:
    """Read-only pyoxigraph store with a query sandbox for untrusted SPARQL."""

    def __init__(self, path: Path, *, version: str, timeout: float, max_results: int, workers: int,
                 memory: bool = True) -> None:
        try:
            self._store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open store at {path}: {exc}") from None
        self.path = path
        self.version = version
        self.max_results = max_results
        self._timeout = timeout
        self._workers = workers
        self._memory = memory and union_file(path).exists()
        self._sandbox: QuerySandbox | None = None
        self._counts: dict[str, int] | None = None

    @property
    def sandbox(self) -> QuerySandbox:
        if self._sandbox is None:
            self._sandbox = QuerySandbox(str(self.path), workers=self._workers, timeout=self._timeout,
                                         max_results=self.max_results,
                                         memory_path=str(union_file(self.path)) if self._memory else None)
        return self._sandbox

    def start(self) -> None:
        """Start the sandbox workers now rather than on the first SPARQL request."""
        _ = self.sandbox

    def _query(self, query: str, bindings):
        try:
            # the store's default graph is the union asserted + ontology + inferred (kg.build writes it)
            return self._store.query(bind(query, bindings), prefixes=PREFIXES)
        except SyntaxError as exc:
            raise query_error(exc) from None

    def select(self, query: str, *, bindings: dict[str, object] | None = None) -> list[Row]:
        answer = self._query(query, bindings)
        names = [v.value for v in answer.variables]
        return [{n: (None if (t := sol[n]) is None else t.value) for n in names} for sol in answer]

    def ask(self, query: str, *, bindings: dict[str, object] | None = None) -> bool:
        return bool(self._query(query, bindings))

    def construct(self, query: str, *, bindings: dict[str, object] | None = None) -> list:
        return list(self._query(query, bindings))

    def execute(self, query: str, *, fmt: str, default_graphs: list[str] | None = None,
                named_graphs: list[str] | None = None, isolated: bool = True) -> QueryOutput:
        if not isolated:
            return run(self._store, query, fmt=fmt, max_results=self.max_results,
                       default_graphs=default_graphs, named_graphs=named_graphs)
        return self.sandbox.run(query, fmt=fmt, default_graphs=default_graphs, named_graphs=named_graphs)

    def quads(self):
        """Every quad of the store (named graphs and the default graph), read lazily."""
        return self._store.quads_for_pattern(None, None, None, None)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            rows = self._store.query(named_queries.get("graph-counts", "pipeline").text)
            self._counts = {sol["g"].value: int(sol["n"].value) for sol in rows}
        return dict(self._counts)

    def close(self) -> None:
        if self._sandbox is not None:
            self._sandbox.close()
            self._sandbox = None


__all__ = ["EmbeddedStore", "materialize", "union_file", "dataset_args", "QueryError"]
