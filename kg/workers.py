"""One pool of worker processes that can be stopped: SPARQL queries (kg.store.sandbox) and contribution
checks (kg.curate.worker) both run on it.

pyoxigraph has no query timeout, and neither the engine nor a check can be interrupted from another
thread, so the work runs in spawned processes that the parent may kill. Each worker:
- sets its memory limit (RLIMIT_AS, kg.limits) before it loads anything, then runs `init(*args)` once
  (open the store, parse the canonical data, ...) and answers requests with the handler `init` returns;
- is killed and replaced (in the background) when a request runs past its time limit: WorkerTimedOut;
- found dead (killed while idle, crashed) is replaced and the request retried once; dying again is
  WorkerDied; dying of its memory limit is WorkerOutOfMemory (no retry: the same request would too).
The callers turn these typed errors into their own (503, 413 naming the setting). The app closes the
pools on shutdown (close()).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, WorkerDied
from kg.limits import MEMORY_EXIT, died_of_memory, limit_memory

log = logging.getLogger(__name__)
_PROC = Path("/proc")  # Linux: a directory per process (_exiting)
_HAS_PROC = (_PROC / "self" / "stat").is_file()


class WorkerTimedOut(KgError):
    """A request ran past its limit (its worker was killed and is being replaced), or no worker was free."""


class WorkerOutOfMemory(KgError):
    """A worker died of its memory limit while answering (it is being replaced)."""


class WorkerStartFailed(KgError):
    """A worker process did not start (or died of its memory limit while starting)."""

    def __init__(self, message: str, *, out_of_memory: bool = False) -> None:
        self.out_of_memory = out_of_memory
        super().__init__(message)


def _child(conn, memory_limit: int, init: Callable, args: tuple) -> None:  # runs in the worker process
    limit_memory(memory_limit)
    try:
        handle = init(*args)
        conn.send(("ready", None))
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            if request is None:
                return
            reply = handle(request)
            try:
                conn.send(reply)
            except (BrokenPipeError, OSError):  # the parent gave up on this request
                return
    except MemoryError:
        raise SystemExit(MEMORY_EXIT) from None


def _exiting(pid: int | None) -> bool:
    """Whether a process's first thread has exited (Linux: /proc/<pid>/stat says zombie or dead; a process gone from
    /proc has exited too). Elsewhere False: is_alive() and the pipe are all there is."""
    if pid is None or not _HAS_PROC:
        return False
    try:
        stat = (_PROC / str(pid) / "stat").read_bytes()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    # "pid (comm) S ...": the state follows the last ")" (comm may hold one)
    state = stat.rfind(b")") + 2
    return stat[state : state + 1] in (b"Z", b"X")


@dataclass(eq=False)
class _Worker:
    process: mp.Process
    conn: object


class _Broken(Exception):
    """The worker's pipe broke: it is dead."""


class WorkerPool:
    """`workers` processes running `init(*args)`'s handler.

    Args:
        init: a module-level function run once in each worker; returns handle(request) -> reply.
        args: its arguments (picklable).
        workers: how many processes.
        memory_limit: RLIMIT_AS of each, in bytes (0: none).
        start_timeout: seconds a worker may take to start (run init).
        eager: start every worker now (queries); otherwise each starts on first use (checks).
        name: what the workers do, for messages ("query", "validation").
    """

    def __init__(
        self,
        init: Callable,
        args: tuple,
        *,
        workers: int,
        memory_limit: int = 0,
        start_timeout: float = 60.0,
        eager: bool = True,
        name: str = "worker",
    ) -> None:
        self._ctx = mp.get_context("spawn")
        self._init, self._args = init, args
        self.memory_limit = memory_limit
        self._start_timeout = start_timeout
        self.name = name
        self.retried = 0  # requests retried on a fresh worker after finding theirs dead
        self._size = workers
        self._idle: queue.Queue[_Worker | None] = queue.Queue()  # None: a slot whose worker starts on use
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._spawn() if eager else None)

    @property
    def pids(self) -> list[int]:
        """The started workers' process ids (tests kill them; diagnostics read their memory)."""
        with self._lock:
            return [w.process.pid for w in self._all]

    @property
    def busy(self) -> int:
        """How many workers are answering a request now."""
        return self._size - self._idle.qsize()

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_child, args=(child, self.memory_limit, self._init, self._args), daemon=True
        )
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
            out_of_memory = bool(self.memory_limit) and died_of_memory(process.exitcode)
            raise WorkerStartFailed(
                f"a {self.name} worker did not start within {self._start_timeout:g} s "
                f"(exit code {process.exitcode}); see the server log",
                out_of_memory=out_of_memory,
            )
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> int | None:
        """Stop a worker; returns its exit code (a worker dying on its own is given a moment first)."""
        if worker.process.is_alive():
            worker.process.join(0.5)
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
        except WorkerStartFailed:
            log.exception("a %s worker could not be replaced; its slot starts one on next use", self.name)
            self._idle.put(None)

    @staticmethod
    def _ready(worker: _Worker) -> bool:
        """Whether an idle worker can take a request: its process runs, its first thread has not exited, and its end
        of the pipe is quiet.

        An idle worker sends nothing, and a dead one's pipe reads as closed, so the pipe answers even where
        is_alive() cannot: multiprocessing's poll takes a child that another thread has just reaped (any
        Process.start() reaps every finished child, as a worker started in the background does) for one still
        running, so two idle workers killed from outside could each be handed a query, which then failed twice.
        Neither tells a dying worker: killed, its first thread exits at once but the process lives (and holds its
        end of the pipe) until its last thread has freed its memory, so a query handed to it then broke, and failed
        twice when the retry met a second worker killed at the same time; _exiting reads that state.
        """
        try:
            return worker.process.is_alive() and not _exiting(worker.process.pid) and not worker.conn.poll(0)
        except (OSError, EOFError):
            return False

    def _take(self, wait: float) -> _Worker:
        """An idle worker that is alive (a dead one, or an empty slot, gets a fresh worker on the spot)."""
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise WorkerTimedOut(f"every {self.name} worker stayed busy for {wait:g} s; try again") from None
        if worker is not None and self._ready(worker):
            return worker
        if worker is not None:
            self._retire(worker)
        try:
            return self._spawn()
        except WorkerStartFailed:
            self._idle.put(None)
            raise

    def _ask(self, worker: _Worker, request, timeout: float):
        try:
            worker.conn.send(request)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                raise WorkerTimedOut(f"the {self.name} stopped after {timeout:g} s (the limit)")
            return worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise _Broken() from exc

    def call(self, request, *, timeout: float, wait: float | None = None):
        """Send one request to a free worker and return its reply.

        Args:
            timeout: seconds the worker may take to answer.
            wait: seconds to wait for a free worker (default: timeout).
        Raises:
            WorkerTimedOut: no answer within timeout (the worker is killed and replaced), or no worker free.
            WorkerOutOfMemory: the worker died of its memory limit (it is replaced).
            WorkerDied: the worker died twice on this request (each is replaced).
            WorkerStartFailed: no worker could be started.
        """
        for attempt in (1, 2):
            worker = self._take(timeout if wait is None else wait)
            try:
                reply = self._ask(worker, request, timeout)
            except _Broken:
                code = self._replace(worker)
                if self.memory_limit and died_of_memory(code):
                    raise WorkerOutOfMemory(f"the {self.name} worker ran out of its memory limit") from None
                if attempt == 1:
                    self.retried += 1
                    log.warning(
                        "%s worker %s died (exit code %s); retrying on a fresh one",
                        self.name,
                        worker.process.pid,
                        code,
                    )
                    continue
                raise WorkerDied(
                    f"the {self.name} worker died twice on this request (exit code {code}); "
                    "both were replaced"
                ) from None
            self._idle.put(worker)
            return reply
        raise AssertionError("unreachable")

    def each_idle(self, request, *, timeout: float) -> list:
        """Ask every idle, started worker the same (cheap) request; returns the replies it got."""
        taken: list[_Worker | None] = []
        try:
            while True:
                taken.append(self._idle.get_nowait())
        except queue.Empty:
            pass
        replies = []
        replaced: list[_Worker] = []  # timed out: _ask has stopped and replaced them already
        try:
            for worker in taken:
                if worker is None:
                    continue
                try:
                    replies.append(self._ask(worker, request, timeout))
                except _Broken:
                    pass
                except WorkerTimedOut:
                    replaced.append(worker)
        finally:
            for worker in taken:
                if worker in replaced:
                    continue
                if worker is None or self._ready(worker):
                    self._idle.put(worker)
                else:
                    self._replace(worker)
        return replies

    def close(self) -> None:
        """Stop every worker process (the app calls this on shutdown)."""
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


__all__ = ["WorkerPool", "WorkerTimedOut", "WorkerOutOfMemory", "WorkerStartFailed"]
