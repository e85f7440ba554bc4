"""The embedded default store: pyoxigraph on disk (RocksDB), opened read-only.

The built N-Quads are bulk-loaded once per build version into `.cache/store-<version>/`, by the build
itself (kg.build.store_dir, while the shapes run) or here when that directory is missing or damaged;
every later start opens that directory read-only, which takes milliseconds at any size.
Trusted named queries run in process; users' SPARQL runs in sandbox worker processes, which also
load the default graph into memory (from the N-Triples copy materialize writes) and answer there
the queries that name no graph: pyoxigraph scans memory several times faster than RocksDB.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pyoxigraph as ox

from kg import named_queries
from kg.build.cache_files import locked
from kg.build.store_dir import StoreLoad, apart_graphs, discard, intact, manifest_file, union_file
from kg.errors import QueryError, StoreError
from kg.memory_only import require_store_read
from kg.namespaces import PREFIXES
from kg.querying import QueryOutput, Row, bind
from kg.store.engine import dataset_args, query_error, run
from kg.store.sandbox import QuerySandbox
from kg.store.sparql_policy import UserQuery


def materialize(
    nquads: Path, target: Path, *, default: Path | None = None, default_sha256: str | None = None
) -> Path:
    """Bulk-load a built N-Quads file into a RocksDB directory; reuse it if it is intact.

    A cold build has usually loaded it already (kg.build.store_dir, in a thread while the shapes ran); then this only
    checks it. Also puts the default graph as N-Triples beside it (union_file), which query
    workers load into memory: the build's own file (default, which kg.build.pipeline wrote) when given and its sha256 is
    default_sha256, else dumped from the store; and a manifest of both (manifest_file): the sha256 of every file, checked at every
    start. Everything is written under a temporary name and renamed, under the cache's lock, so two
    servers starting on one cache never see a half-written store; a damaged one is discarded and
    loaded again from the N-Quads (which kg.build.pipeline checked against its own sha256).

    Raises:
        StoreError: the N-Quads cannot be loaded (the message names the file).
    """
    with locked(target.parent):
        if intact(target):
            return target
        discard(target)
        load = StoreLoad(target, background=False)
        load.add(nquads)
        return load.commit(default=default, default_sha256=default_sha256)


class EmbeddedStore:
    """Read-only pyoxigraph store with a query sandbox for untrusted SPARQL."""

    def __init__(
        self,
        path: Path,
        *,
        version: str,
        timeout: float,
        max_results: int,
        workers: int,
        memory: bool = True,
        max_bytes: int | None = None,
        worker_memory: int = 0,
        recorded: dict[str, int] | None = None,
    ) -> None:
        try:
            self._store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open store at {path}: {exc}") from None
        self.path = path
        self.version = version
        self.max_results = max_results
        self.max_bytes = max_bytes
        self._timeout = timeout
        self._workers = workers
        self._worker_memory = worker_memory
        self.recorded = recorded  # the build's own counts (kg.store.recorded_counts), for /health
        self._memory = memory and union_file(path).exists()
        # the build's store keeps the asserted and inferred graphs out of its own default graph (kg.build.pipeline):
        # every query then reads the three as the default graph (kg.store.engine.dataset_args)
        self.apart = apart_graphs(path)
        self._dataset = dataset_args(None, None, apart=self.apart)
        self._sandbox: QuerySandbox | None = None
        self._counts: dict[str, int] | None = None
        self._default_count: int | None = None

    @property
    def sandbox(self) -> QuerySandbox:
        if self._sandbox is None:
            self._sandbox = QuerySandbox(
                str(self.path),
                workers=self._workers,
                timeout=self._timeout,
                max_results=self.max_results,
                max_bytes=self.max_bytes,
                memory_limit=self._worker_memory,
                memory_path=str(union_file(self.path)) if self._memory else None,
                memory_triples=(self.recorded or {}).get("default"),
                apart=self.apart,
            )
        return self._sandbox

    @property
    def query_slots(self) -> int:
        """How many users' queries the API lets at the store at once (api.routes.sparql queues the rest on the
        event loop): two per query worker, one running and one waiting in a thread to take the worker the moment
        it is free, since a handoff through the busy event loop would leave the worker idle meanwhile."""
        return 2 * self._workers

    def start(self) -> None:
        """Start the sandbox workers now rather than on the first SPARQL request."""
        _ = self.sandbox

    def _query(self, query: str, bindings):
        require_store_read()
        try:
            # the default graph is the union asserted + ontology + inferred (the project's queries have no FROM:
            # tests/kg/test_named_queries.py)
            return self._store.query(bind(query, bindings), prefixes=PREFIXES, **self._dataset)
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

    def execute(
        self,
        query: str,
        *,
        fmt: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        isolated: bool = True,
    ) -> QueryOutput:
        require_store_read()
        if not isolated:
            return run(
                self._store,
                query,
                fmt=fmt,
                max_results=self.max_results,
                max_bytes=self.max_bytes,
                default_graphs=default_graphs,
                named_graphs=named_graphs,
                apart=self.apart,
            )
        return self.sandbox.run(query, fmt=fmt, default_graphs=default_graphs, named_graphs=named_graphs)

    def execute_user(
        self,
        query: UserQuery,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryOutput:
        """Check a user's query against the read-only policy and answer it, both in a query worker process
        (one parse, outside the server's process); the output's fmt is the format chosen for its form.

        Raises:
            QueryError, QueryRefused, NotAcceptable: as kg.store.sparql_policy.admit.
            QueryTimeout, ResultTooLarge, WorkerMemoryExceeded, WorkerDied, StoreError: as execute.
        """
        require_store_read()
        return self.sandbox.run(query, fmt=None, default_graphs=default_graphs, named_graphs=named_graphs)

    def quads(self):
        """Every quad of the dataset (named graphs and the default graph, the triples of the graphs the store keeps
        apart from its default graph in both), read lazily."""
        require_store_read()
        every = self._store.quads_for_pattern(None, None, None, None)
        default = ox.DefaultGraph()
        apart = (self._store.quads_for_pattern(None, None, None, ox.NamedNode(g)) for g in self.apart)
        return itertools.chain(
            every,
            (
                ox.Quad(q.subject, q.predicate, q.object, default)
                for q in itertools.chain.from_iterable(apart)
            ),
        )

    def counts(self) -> dict[str, int]:
        """Triples per named graph, as the store holds them."""
        if self._counts is None:
            require_store_read()
            rows = self._store.query(named_queries.get("graph-counts", "build/pipeline_queries").text)
            self._counts = {sol["g"].value: int(sol["n"].value) for sol in rows}
        return dict(self._counts)

    def default_count(self) -> int:
        """Triples in the store's default graph (the union asserted + ontology + inferred)."""
        if self._default_count is None:
            require_store_read()
            rows = self._store.query(
                named_queries.get("default-count", "build/pipeline_queries").text, **self._dataset
            )
            self._default_count = int(next(iter(rows))["n"].value)
        return self._default_count

    def close(self) -> None:
        if self._sandbox is not None:
            self._sandbox.close()
            self._sandbox = None


__all__ = ["EmbeddedStore", "QueryError", "dataset_args", "manifest_file", "materialize", "union_file"]
