"""Worker processes (kg.workers) that run users' SPARQL queries, so a runaway query can be stopped.

pyoxigraph has no query timeout, and a thread cannot be interrupted inside the engine. Each
worker is a spawned process that opens the built store read-only; a query over its time limit
gets its worker killed (the work stops) and a fresh worker started in its place. With memory_path,
a worker also loads the default graph into an in-memory store (in a thread, after it reports ready)
and answers there the queries that read only the default graph (kg.store.engine.default_graph_only),
but only once the copy holds exactly the triples the build recorded (memory_triples).

Every worker runs under a memory limit (kg.limits): one that runs out of it is replaced and
the query answered 503 naming the limit. A worker found dead (killed while idle, crashed) is
replaced and the query retried once on a fresh worker before it is answered 503.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from kg.errors import (
    NotAcceptable,
    QueryError,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    WorkerMemoryExceeded,
)
from kg.limits import megabytes
from kg.workers import WorkerOutOfMemory, WorkerPool, WorkerStartFailed, WorkerTimedOut


def _load_memory(path: str, expected: int | None, holder: dict) -> None:  # runs in a thread of the child
    import pyoxigraph as ox

    memory = ox.Store()
    try:
        memory.load(path=path, format=ox.RdfFormat.N_TRIPLES)  # pyoxigraph releases the GIL while loading
    except (SyntaxError, OSError, MemoryError) as exc:
        holder["error"] = f"{type(exc).__name__}: {exc}"
        return
    loaded = len(memory)
    holder["triples"] = loaded
    if expected is not None and loaded != expected:  # a damaged copy: keep answering from the store on disk
        holder["error"] = f"{path} holds {loaded} triples, the build recorded {expected}"
        return
    holder["store"] = memory


def _querier(
    store_path: str,
    max_results: int,
    max_bytes: int | None,
    memory_path: str | None,
    memory_triples: int | None,
    apart: tuple[str, ...] = (),
):  # runs in the worker process: open the store, answer queries
    import pyoxigraph as ox

    from kg.store.engine import default_graph_only, parse_quietly, run
    from kg.store.select_star import spelled_out
    from kg.store.sparql_policy import UserQuery, admit

    store = ox.Store.read_only(store_path)
    memory: dict = {}
    if memory_path:  # queries go to RocksDB until the in-memory default graph is loaded
        threading.Thread(target=_load_memory, args=(memory_path, memory_triples, memory), daemon=True).start()

    def handle(request):
        if request == "memory":  # diagnostics: how the in-memory copy stands
            return "ok", {k: v for k, v in memory.items() if k != "store"} | {"ready": "store" in memory}
        query, fmt, default_graphs, named_graphs = request
        parsed = None
        try:
            if isinstance(query, UserQuery):  # the policy's parse happens here, not in the server's process
                parsed, fmt = admit(query)
                query = spelled_out(query.text)
            if (
                parsed is None and not default_graphs
            ):  # parsed once, for the copy to ask and the disk's dataset
                parsed = parse_quietly(query)
            engine = store
            if "store" in memory and default_graph_only(query, default_graphs, named_graphs, parsed=parsed):
                engine = memory["store"]  # its default graph is the whole union
            out = replace(
                run(
                    engine,
                    query,
                    fmt=fmt,
                    max_results=max_results,
                    max_bytes=max_bytes,
                    default_graphs=default_graphs,
                    named_graphs=named_graphs,
                    apart=apart if engine is store else (),
                    parsed=parsed,
                ),
                fmt=fmt,
            )
            return "ok", (out, "memory" if engine is not store else "disk")
        except QueryError as exc:
            return "query_error", (exc.message, exc.line, exc.column)
        except QueryRefused as exc:
            return "refused", str(exc)
        except NotAcceptable as exc:
            return "not_acceptable", exc.form
        except ResultTooLarge as exc:
            return "too_large", (str(exc), exc.limit, exc.setting)
        except MemoryError:
            raise
        except Exception as exc:  # the engine failed: report it to the parent, keep the worker
            return "store_error", f"{type(exc).__name__}: {exc}"

    return handle


class QuerySandbox:
    """A small pool of query worker processes over one read-only store directory."""

    def __init__(
        self,
        store_path: str,
        *,
        workers: int,
        timeout: float,
        max_results: int,
        max_bytes: int | None = None,
        memory_limit: int = 0,
        start_timeout: float = 60.0,
        memory_path: str | None = None,
        memory_triples: int | None = None,
        apart: tuple[str, ...] = (),
    ) -> None:
        self._timeout = timeout
        self._memory_limit = memory_limit
        self.answered = {"memory": 0, "disk": 0}  # which copy answered, for tests and diagnostics
        try:
            self._pool = WorkerPool(
                _querier,
                (store_path, max_results, max_bytes, memory_path, memory_triples, apart),
                workers=workers,
                memory_limit=memory_limit,
                start_timeout=start_timeout,
                eager=True,
                name="query",
            )
        except WorkerStartFailed as exc:
            raise StoreError(str(exc)) from None

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (tests kill them; diagnostics read their memory)."""
        return self._pool.pids

    @property
    def retried(self) -> int:
        """Queries retried on a fresh worker after finding theirs dead."""
        return self._pool.retried

    def _memory_error(self) -> WorkerMemoryExceeded:
        return WorkerMemoryExceeded(
            f"the query needed more memory than a query worker may use ({megabytes(self._memory_limit)}; "
            "CYBERGOV_QUERY_WORKER_MEMORY); the worker was replaced: ask for less (LIMIT, fewer joins)",
            limit=self._memory_limit,
            setting="CYBERGOV_QUERY_WORKER_MEMORY",
        )

    def run(
        self,
        query,
        *,
        fmt: str | None,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        timeout: float | None = None,
    ):
        """Run one query in a worker; returns kg.querying.QueryOutput.

        query is a trusted text (answered in fmt), or a kg.store.sparql_policy.UserQuery: the worker checks it
        against the read-only policy and picks its format (kg.store.sparql_policy.admit) before running it, so
        the server's process never parses a user's query.

        A worker found dead is replaced and the query retried once on a fresh one.

        Raises:
            QueryTimeout: no answer within the limit (the worker is killed and replaced),
                or no worker became free within it.
            QueryError: the engine (or the policy's parser) rejected the query.
            QueryRefused: the policy refused it (an update, a SERVICE off the allow-list).
            NotAcceptable: no format the request accepts fits the query's form.
            ResultTooLarge: the answer is over the row or byte cap.
            WorkerMemoryExceeded: the worker ran out of its memory limit (it is replaced).
            WorkerDied: the worker died twice on this query (each is replaced).
            StoreError: the engine failed, or no worker could be started.
        """
        limit = timeout or self._timeout
        try:
            status, payload = self._pool.call((query, fmt, default_graphs, named_graphs), timeout=limit)
        except WorkerTimedOut as exc:
            raise QueryTimeout(f"{exc}; CYBERGOV_QUERY_TIMEOUT") from None
        except WorkerOutOfMemory:
            raise self._memory_error() from None
        except WorkerStartFailed as exc:
            raise StoreError(str(exc)) from None
        if status == "ok":
            out, where = payload
            self.answered[where] += 1
            return out
        if status == "query_error":
            message, line, column = payload
            raise QueryError(message, line, column)
        if status == "refused":
            raise QueryRefused(payload)
        if status == "not_acceptable":
            raise NotAcceptable(payload)
        if status == "too_large":
            message, cap, setting = payload
            raise ResultTooLarge(message, limit=cap, setting=setting)
        raise StoreError(payload)

    def memory_status(self) -> list[dict]:
        """Each idle worker's in-memory copy: triples loaded, ready, error (for /health and tests)."""
        return [payload for _status, payload in self._pool.each_idle("memory", timeout=5.0)]

    def close(self) -> None:
        """Stop every worker process."""
        self._pool.close()
