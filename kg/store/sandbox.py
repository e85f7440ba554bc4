"""Worker processes that run users' SPARQL queries, so a runaway query can be stopped.

pyoxigraph has no query timeout, and a thread cannot be interrupted inside the engine. Each
worker is a spawned process that opens the built store read-only; a query over its time limit
gets its worker killed (the work stops) and a fresh worker started in its place. With memory_path,
a worker also loads the default graph into an in-memory store (in a thread, after it reports ready)
and answers there the queries that read only the default graph (kg.store.engine.default_graph_only).
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass

from kg.errors import QueryError, QueryTimeout, StoreError


def _load_memory(path: str, holder: dict) -> None:  # runs in a thread of the child
    import pyoxigraph as ox

    memory = ox.Store()
    memory.load(path=path, format=ox.RdfFormat.N_TRIPLES)  # pyoxigraph releases the GIL while loading
    holder["store"] = memory


def _worker_main(conn, store_path: str, max_results: int, memory_path: str | None = None) -> None:  # the child
    import pyoxigraph as ox

    from kg.store.engine import default_graph_only, run

    store = ox.Store.read_only(store_path)
    memory: dict = {}
    if memory_path:  # queries go to RocksDB until the in-memory default graph is loaded
        threading.Thread(target=_load_memory, args=(memory_path, memory), daemon=True).start()
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        query, fmt, default_graphs, named_graphs = request
        engine = store
        if "store" in memory and default_graph_only(query, default_graphs, named_graphs):
            engine = memory["store"]
        try:
            out = run(engine, query, fmt=fmt, max_results=max_results,
                      default_graphs=default_graphs, named_graphs=named_graphs)
            reply = ("ok", (out, "memory" if engine is not store else "disk"))
        except QueryError as exc:
            reply = ("query_error", (exc.message, exc.line, exc.column))
        except Exception as exc:  # the engine failed: report it to the parent, keep the worker
            reply = ("store_error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):  # the parent went away or gave up on this query
            return


@dataclass
class _Worker:
    process: mp.Process
    conn: object


class QuerySandbox:
    """A small pool of query worker processes over one read-only store directory."""

    def __init__(self, store_path: str, *, workers: int, timeout: float, max_results: int,
                 start_timeout: float = 60.0, memory_path: str | None = None) -> None:
        self._ctx = mp.get_context("spawn")
        self._store_path = store_path
        self._timeout = timeout
        self._max_results = max_results
        self._start_timeout = start_timeout
        self._memory_path = memory_path
        self.answered = {"memory": 0, "disk": 0}  # which copy answered, for tests and diagnostics
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self._store_path, self._max_results, self._memory_path),
                                    daemon=True)
        process.start()
        child.close()
        if not parent.poll(self._start_timeout):
            process.kill()
            raise StoreError("a query worker did not start")
        parent.recv()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def _replace(self, worker: _Worker) -> None:
        self._retire(worker)
        if not self._closed:
            threading.Thread(target=lambda: self._idle.put(self._spawn()), daemon=True).start()

    def run(self, query: str, *, fmt: str, default_graphs: list[str] | None, named_graphs: list[str] | None,
            timeout: float | None = None):
        """Run one query in a worker; returns kg.store.base.QueryOutput.

        Raises:
            QueryTimeout: no answer within the limit (the worker is killed and replaced),
                or no worker became free within it.
            QueryError: the engine rejected the query.
            StoreError: the worker died or the engine failed.
        """
        limit = timeout or self._timeout
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for {limit:g} s; try again") from None
        try:
            worker.conn.send((query, fmt, default_graphs, named_graphs))
            if not worker.conn.poll(limit):
                self._replace(worker)
                worker = None
                raise QueryTimeout(f"query stopped after {limit:g} s (the limit; CYBERGOV_QUERY_TIMEOUT)")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                self._replace(worker)
                worker = None
            raise StoreError("the query worker died") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status == "ok":
            out, where = payload
            self.answered[where] += 1
            return out
        if status == "query_error":
            message, line, column = payload
            raise QueryError(message, line, column)
        raise StoreError(payload)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
