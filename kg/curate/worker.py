"""Check contributions in worker processes that can be stopped, for POST /validate.

owlrl and pyshacl cannot be interrupted from another thread, so a validation over its time
limit (Settings.validate_timeout) gets its process killed and replaced. A worker lives between
requests and keeps the parsed canonical data (ontology, data, shapes) and the closure of the
canonical build (kg.curate.closure_cache) in memory, keyed by the content hash of the inputs, so a
request pays for parsing the contribution and for reasoning and validating what it changes only
(kg.curate.incremental_check). Contributions travel as text through a pipe and are parsed in memory: nothing
is written anywhere.

Every worker runs under a memory limit (Settings.validate_worker_memory, kg.limits): a
contribution whose closure outgrows it (a transitive property over a long chain, an owl:sameAs
chain) stops that worker only, and is answered 413 naming the limit. A pool of
Settings.validate_workers processes serves the checks; each client address may have at most
Settings.validate_per_client checks running or waiting, so one client's big upload cannot hold
every worker while others wait.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from collections import Counter
from contextlib import contextmanager

from kg.config import Settings
from kg.errors import (
    ContributionMemoryExceeded,
    LoadError,
    SourcePosition,
    TooManyChecks,
    ValidationTimeout,
    WorkerDied,
)
from kg.limits import MEMORY_EXIT, died_of_memory, limit_memory, megabytes

START_TIMEOUT = 120.0  # importing the libraries and parsing the canonical data, once per worker

Document = tuple[str, str, "str | None"]  # (name, text, media type)
log = logging.getLogger(__name__)


def _worker_main(conn, settings: Settings) -> None:  # runs in the child process
    limit_memory(settings.validate_worker_memory)
    try:
        _serve(conn, settings)
    except MemoryError:
        raise SystemExit(MEMORY_EXIT) from None


def _serve(conn, settings: Settings) -> None:
    from kg.build.pipeline import content_hash, load_inputs
    from kg.curate.checking import check_contribution
    from kg.curate.closure_cache import load_closure
    from kg.curate.contribution import read_texts
    from kg.curate.report import to_model

    cache: dict[str, tuple] = {}

    def canonical():
        """(parsed inputs, closure in memory) of the current canonical version; (None, None) if it does not parse."""
        version = content_hash(settings)
        loaded, closure = cache.get(version, (None, None))
        if loaded is None or closure is None or closure.damaged:  # a damaged closure is loaded again, never used
            cache.clear()
            try:
                loaded = load_inputs(settings)
                closure = load_closure(settings)
            except LoadError:
                return None, None  # check_contribution reports the canonical data's own syntax error
            cache[version] = (loaded, closure)
        return loaded, closure

    canonical()
    conn.send(("ready", None))
    while True:
        try:
            documents = conn.recv()
        except EOFError:
            return
        if documents is None:
            return
        try:
            contribution = read_texts(documents)
        except LoadError as exc:  # unknown format: a request error, not a report
            position = exc.position or SourcePosition("<request>")
            reply = ("load_error", (exc.message, position.file, position.line, position.column))
        except RecursionError:
            reply = ("load_error", ("the contribution nests too deeply to be parsed", "<request>", None, None))
        else:
            loaded, closure = canonical()
            result = check_contribution(settings, contribution, loaded=loaded, closure=closure)
            reply = ("ok", to_model(result).model_dump_json())
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):  # the parent gave up on this request
            return


class CheckWorker:
    """One worker process, started on first use, replaced after a timeout or a crash."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._ctx = mp.get_context("spawn")
        self._process = None
        self._conn = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _memory_error(self, what: str) -> ContributionMemoryExceeded:
        limit = self._settings.validate_worker_memory
        return ContributionMemoryExceeded(
            f"{what} needed more memory than a validation worker may use ({megabytes(limit)}; "
            "CYBERGOV_VALIDATE_WORKER_MEMORY); the worker was replaced: send a smaller contribution, or check "
            "it with `cybergov validate`", limit=limit, setting="CYBERGOV_VALIDATE_WORKER_MEMORY")

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self._settings), daemon=True)
        process.start()
        child.close()
        try:
            if not parent.poll(START_TIMEOUT):
                process.kill()
                process.join(5)
                raise ValidationTimeout(f"the validation worker did not start within {START_TIMEOUT:g} s")
            parent.recv()
        except (EOFError, OSError):
            process.join(5)
            if self._settings.validate_worker_memory and died_of_memory(process.exitcode):
                raise self._memory_error("loading the canonical data") from None
            raise WorkerDied(f"the validation worker failed to start (exit code {process.exitcode}); "
                             "see the server log") from None
        self._process, self._conn = process, parent

    def _stop(self) -> int | None:
        """Stop the process; returns its exit code (a worker dying on its own is given a moment)."""
        code = None
        if self._process is not None:
            self._process.join(0.5)
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            code = self._process.exitcode
        self._process = self._conn = None
        return code

    def check(self, documents: list[Document], *, timeout: float) -> str:
        """Check a contribution; returns the report as JSON (kg.curate.report.CheckReport).

        A worker that dies without running out of memory (killed, crashed) is replaced and the
        check retried once.

        Args:
            documents: (name, text, media type or None) for each file of the contribution.
            timeout: seconds the check may take.
        Raises:
            ValidationTimeout: over the limit (the worker is killed).
            ContributionMemoryExceeded: the worker ran out of its memory limit (it is replaced).
            WorkerDied: the worker died twice on this contribution.
            LoadError: a document's format cannot be told from its media type or name.
        """
        for attempt in (1, 2):
            if self._process is None or not self._process.is_alive():
                self._stop()
                self._start()
            try:
                self._conn.send(documents)
                if not self._conn.poll(timeout):
                    self._stop()
                    raise ValidationTimeout(
                        f"validation stopped after {timeout:g} s (the limit; CYBERGOV_VALIDATE_TIMEOUT)")
                status, payload = self._conn.recv()
                break
            except (EOFError, OSError):
                code = self._stop()
                if self._settings.validate_worker_memory and died_of_memory(code):
                    raise self._memory_error("checking the contribution") from None
                if attempt == 2:
                    raise WorkerDied(f"the validation worker died twice on this contribution (exit code {code}); "
                                     "see the server log") from None
                log.warning("validation worker died (exit code %s); retrying on a fresh one", code)
        if status == "load_error":
            message, file, line, column = payload
            raise LoadError(message, SourcePosition(file, line, column))
        return payload

    def close(self) -> None:
        """Stop the worker process."""
        if self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(2)
        self._stop()


class CheckPool:
    """Settings.validate_workers CheckWorkers (each started on first use), with a per-client limit."""

    def __init__(self, settings: Settings) -> None:
        self._per_client = settings.validate_per_client
        self._workers = [CheckWorker(settings) for _ in range(settings.validate_workers)]
        self._idle: queue.Queue[CheckWorker] = queue.Queue()
        for worker in self._workers:
            self._idle.put(worker)
        self._clients: Counter[str] = Counter()
        self._lock = threading.Lock()

    @property
    def pids(self) -> list[int]:
        """The started workers' process ids (tests, diagnostics)."""
        return [w.pid for w in self._workers if w.pid is not None]

    @property
    def busy(self) -> int:
        """How many workers are checking a contribution now."""
        return len(self._workers) - self._idle.qsize()

    @contextmanager
    def _admitted(self, client: str | None):
        if client is None:
            yield
            return
        with self._lock:
            if self._clients[client] >= self._per_client:
                raise TooManyChecks(self._per_client)
            self._clients[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._clients[client] -= 1
                if not self._clients[client]:
                    del self._clients[client]

    def check(self, documents: list[Document], *, timeout: float, client: str | None = None) -> str:
        """Check a contribution on a free worker (see CheckWorker.check).

        Args:
            client: who sent it (the client's address); None is not counted against any limit.
            timeout: seconds for waiting for a free worker and, separately, for the check itself.
        Raises:
            TooManyChecks: the client already has Settings.validate_per_client checks running or waiting.
            ValidationTimeout: no worker became free within the timeout, or the check ran past it.
            (and what CheckWorker.check raises)
        """
        with self._admitted(client):
            started = time.monotonic()
            try:
                worker = self._idle.get(timeout=timeout)
            except queue.Empty:
                raise ValidationTimeout(f"every validation worker stayed busy for {timeout:g} s (the limit; "
                                        "CYBERGOV_VALIDATE_TIMEOUT); try again") from None
            waited = time.monotonic() - started
            if waited > 1:
                log.info("a validation waited %.1f s for a worker", waited)
            try:
                return worker.check(documents, timeout=timeout)
            finally:
                self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker process."""
        for worker in self._workers:
            worker.close()
