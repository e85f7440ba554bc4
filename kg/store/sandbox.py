"""Worker processes that run users' SPARQL queries, so a runaway query can be stopped.

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

import logging
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass, replace

from kg.errors import (
    NotAcceptable,
    QueryError,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    WorkerDied,
    WorkerMemoryExceeded,
)
from kg.limits import MEMORY_EXIT, died_of_memory, limit_memory, megabytes

log = logging.getLogger(__name__)


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


def _worker_main(conn, store_path: str, max_results: int, max_bytes: int | None, memory_path: str | None,
                 memory_triples: int | None, memory_limit: int) -> None:  # the child
    limit_memory(memory_limit)
    try:
        _serve(conn, store_path, max_results, max_bytes, memory_path, memory_triples)
    except MemoryError:
        raise SystemExit(MEMORY_EXIT) from None


def _serve(conn, store_path: str, max_results: int, max_bytes: int | None, memory_path: str | None,
           memory_triples: int | None) -> None:
    import pyoxigraph as ox

    from kg.store.engine import default_graph_only, run
    from kg.store.sparql_policy import UserQuery, admit

    store = ox.Store.read_only(store_path)
    memory: dict = {}
    if memory_path:  # queries go to RocksDB until the in-memory default graph is loaded
        threading.Thread(target=_load_memory, args=(memory_path, memory_triples, memory), daemon=True).start()
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        if request == "memory":  # diagnostics: how the in-memory copy stands
            conn.send(("ok", {k: v for k, v in memory.items() if k != "store"} | {"ready": "store" in memory}))
            continue
        query, fmt, default_graphs, named_graphs = request
        try:
            if isinstance(query, UserQuery):  # the policy's parse happens here, not in the server's process
                _parsed, fmt = admit(query)
                query = query.text
            engine = store
            if "store" in memory and default_graph_only(query, default_graphs, named_graphs):
                engine = memory["store"]
            out = replace(run(engine, query, fmt=fmt, max_results=max_results, max_bytes=max_bytes,
                              default_graphs=default_graphs, named_graphs=named_graphs), fmt=fmt)
            reply = ("ok", (out, "memory" if engine is not store else "disk"))
        except QueryError as exc:
            reply = ("query_error", (exc.message, exc.line, exc.column))
        except QueryRefused as exc:
            reply = ("refused", str(exc))
        except NotAcceptable as exc:
            reply = ("not_acceptable", exc.form)
        except ResultTooLarge as exc:
            reply = ("too_large", (str(exc), exc.limit, exc.setting))
        except MemoryError:
            raise
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


class _Died(Exception):
    """The worker's pipe broke: it is dead (killed while idle, crashed, or out of memory)."""


class QuerySandbox:
    """A small pool of query worker processes over one read-only store directory."""

    def __init__(self, store_path: str, *, workers: int, timeout: float, max_results: int,
                 max_bytes: int | None = None, memory_limit: int = 0, start_timeout: float = 60.0,
                 memory_path: str | None = None, memory_triples: int | None = None) -> None:
        self._ctx = mp.get_context("spawn")
        self._store_path = store_path
        self._timeout = timeout
        self._max_results = max_results
        self._max_bytes = max_bytes
        self._memory_limit = memory_limit
        self._start_timeout = start_timeout
        self._memory_path = memory_path
        self._memory_triples = memory_triples
        self.answered = {"memory": 0, "disk": 0}  # which copy answered, for tests and diagnostics
        self.retried = 0  # queries retried on a fresh worker after finding theirs dead
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(workers):
            self._idle.put(self._spawn())

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (tests kill them; diagnostics read their memory)."""
        with self._lock:
            return [w.process.pid for w in self._all]

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, daemon=True, args=(
            child, self._store_path, self._max_results, self._max_bytes, self._memory_path, self._memory_triples,
            self._memory_limit))
        process.start()
        child.close()
        try:
            ready = parent.poll(self._start_timeout)
            if ready:
                parent.recv()
        except (EOFError, OSError):
            ready = False
        if not ready:
            process.kill()
            process.join(5)
            raise StoreError(f"a query worker did not start (exit code {process.exitcode})")
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> int | None:
        """Stop a worker; returns its exit code (None if it had to be killed)."""
        if worker.process.is_alive():
            worker.process.join(0.5)  # a worker dying on its own (abort) is given a moment to finish
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        return worker.process.exitcode

    def _replace(self, worker: _Worker) -> int | None:
        """Retire a worker and start another in the background; returns the old one's exit code."""
        code = self._retire(worker)
        if not self._closed:
            threading.Thread(target=self._respawn, daemon=True).start()
        return code

    def _respawn(self) -> None:
        try:
            self._idle.put(self._spawn())
        except StoreError:
            log.exception("a query worker could not be replaced")

    def _take(self, limit: float) -> _Worker:
        """An idle worker that is alive (a dead one is replaced on the spot)."""
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for {limit:g} s; try again") from None
        if worker.process.is_alive():
            return worker
        self._retire(worker)
        return self._spawn()

    def _ask(self, worker: _Worker, message, limit: float):
        """Send one request and wait for the reply.

        Raises:
            _Died: the pipe broke (the caller replaces the worker).
            QueryTimeout: no reply within limit (the worker is killed and replaced).
        """
        try:
            worker.conn.send(message)
            if not worker.conn.poll(limit):
                self._replace(worker)
                raise QueryTimeout(f"query stopped after {limit:g} s (the limit; CYBERGOV_QUERY_TIMEOUT)")
            return worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise _Died() from exc

    def _memory_error(self) -> WorkerMemoryExceeded:
        return WorkerMemoryExceeded(
            f"the query needed more memory than a query worker may use ({megabytes(self._memory_limit)}; "
            "CYBERGOV_QUERY_WORKER_MEMORY); the worker was replaced: ask for less (LIMIT, fewer joins)",
            limit=self._memory_limit, setting="CYBERGOV_QUERY_WORKER_MEMORY")

    def run(self, query, *, fmt: str | None, default_graphs: list[str] | None, named_graphs: list[str] | None,
            timeout: float | None = None):
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
            StoreError: the engine failed.
        """
        limit = timeout or self._timeout
        for attempt in (1, 2):
            worker = self._take(limit)
            try:
                status, payload = self._ask(worker, (query, fmt, default_graphs, named_graphs), limit)
            except _Died:
                code = self._replace(worker)
                if self._memory_limit and died_of_memory(code):
                    raise self._memory_error() from None
                if attempt == 1:
                    self.retried += 1
                    log.warning("query worker %s died (exit code %s); retrying on a fresh one",
                                worker.process.pid, code)
                    continue
                raise WorkerDied(f"the query worker died twice running this query (exit code {code}); "
                                 "both were replaced") from None
            self._idle.put(worker)
            break
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
        seen = []
        taken = []
        try:
            while True:
                taken.append(self._idle.get_nowait())
        except queue.Empty:
            pass
        try:
            for worker in taken:
                try:
                    _status, payload = self._ask(worker, "memory", 5.0)
                    seen.append(payload)
                except (_Died, QueryTimeout):
                    pass
        finally:
            for worker in taken:
                if worker.process.is_alive():
                    self._idle.put(worker)
                else:
                    self._replace(worker)
        return seen

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
                worker.process.join(2)
