"""Check contributions in worker processes that can be stopped (kg.workers), for POST /validate.

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

import threading
from collections import Counter
from contextlib import contextmanager

from kg.config import Settings
from kg.errors import ContributionMemoryExceeded, LoadError, SourcePosition, TooManyChecks, ValidationTimeout
from kg.limits import megabytes
from kg.workers import WorkerOutOfMemory, WorkerPool, WorkerStartFailed, WorkerTimedOut

START_TIMEOUT = 120.0  # importing the libraries and parsing the canonical data, once per worker

Document = tuple[str, str, "str | None"]  # (name, text, media type)


def _checker(settings: Settings):  # runs in the worker process: parse the canonical data once
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
        if (
            loaded is None or closure is None or closure.damaged
        ):  # a damaged closure is loaded again, never used
            cache.clear()
            try:
                loaded = load_inputs(settings)
                closure = load_closure(settings)
            except LoadError:
                return None, None  # check_contribution reports the canonical data's own syntax error
            cache[version] = (loaded, closure)
        return loaded, closure

    def handle(documents: list[Document]):
        try:
            contribution = read_texts(documents)
        except LoadError as exc:  # unknown format: a request error, not a report
            position = exc.position or SourcePosition("<request>")
            return "load_error", (exc.message, position.file, position.line, position.column)
        except RecursionError:
            return "load_error", ("the contribution nests too deeply to be parsed", "<request>", None, None)
        loaded, closure = canonical()
        result = check_contribution(settings, contribution, loaded=loaded, closure=closure)
        return "ok", to_model(result).model_dump_json()

    canonical()
    return handle


class CheckPool:
    """Settings.validate_workers check workers (each started on first use), with a per-client limit."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._per_client = settings.validate_per_client
        self._pool = WorkerPool(
            _checker,
            (settings,),
            workers=settings.validate_workers,
            memory_limit=settings.validate_worker_memory,
            start_timeout=START_TIMEOUT,
            eager=False,
            name="validation",
        )
        self._clients: Counter[str] = Counter()
        self._lock = threading.Lock()

    @property
    def pids(self) -> list[int]:
        """The started workers' process ids (tests, diagnostics)."""
        return self._pool.pids

    @property
    def busy(self) -> int:
        """How many workers are checking a contribution now."""
        return self._pool.busy

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

    def _memory_error(self, what: str) -> ContributionMemoryExceeded:
        limit = self._settings.validate_worker_memory
        return ContributionMemoryExceeded(
            f"{what} needed more memory than a validation worker may use ({megabytes(limit)}; "
            "CYBERGOV_VALIDATE_WORKER_MEMORY); the worker was replaced: send a smaller contribution, or check "
            "it with `cybergov validate`",
            limit=limit,
            setting="CYBERGOV_VALIDATE_WORKER_MEMORY",
        )

    def check(self, documents: list[Document], *, timeout: float, client: str | None = None) -> str:
        """Check a contribution on a free worker; returns the report as JSON (kg.curate.report.CheckReport).

        A worker that dies without running out of memory (killed, crashed) is replaced and the check
        retried once.

        Args:
            documents: (name, text, media type or None) for each file of the contribution.
            timeout: seconds for waiting for a free worker and, separately, for the check itself.
            client: who sent it (the client's address); None is not counted against any limit.
        Raises:
            TooManyChecks: the client already has Settings.validate_per_client checks running or waiting.
            ValidationTimeout: no worker became free within the timeout, or the check ran past it.
            ContributionMemoryExceeded: the worker ran out of its memory limit (it is replaced).
            WorkerDied: the worker died twice on this contribution.
            LoadError: a document's format cannot be told from its media type or name.
        """
        with self._admitted(client):
            try:
                status, payload = self._pool.call(documents, timeout=timeout)
            except WorkerTimedOut as exc:
                raise ValidationTimeout(f"{exc}; CYBERGOV_VALIDATE_TIMEOUT") from None
            except WorkerOutOfMemory:
                raise self._memory_error("checking the contribution") from None
            except WorkerStartFailed as exc:
                if exc.out_of_memory:
                    raise self._memory_error("loading the canonical data") from None
                raise ValidationTimeout(str(exc)) from None
        if status == "load_error":
            message, file, line, column = payload
            raise LoadError(message, SourcePosition(file, line, column))
        return payload

    def close(self) -> None:
        """Stop every worker process."""
        self._pool.close()
