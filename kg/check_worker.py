"""Check contributions in a worker process that can be stopped, for POST /validate.

owlrl and pyshacl cannot be interrupted from another thread, so a validation over its time
limit (Settings.validate_timeout) gets its process killed; the next request starts a fresh
one. The worker lives between requests and keeps the parsed canonical data (ontology, data,
shapes) in memory, keyed by the content hash of the inputs, so a request pays for parsing
the contribution, reasoning and validation only. Contributions travel as text through a pipe
and are parsed in memory: nothing is written anywhere.
"""
from __future__ import annotations

import multiprocessing as mp
import threading

from kg.config import Settings
from kg.errors import LoadError, SourcePosition, ValidationTimeout

START_TIMEOUT = 120.0  # importing the libraries and parsing the canonical data, once per worker

Document = tuple[str, str, "str | None"]  # (name, text, media type)


def _worker_main(conn, settings: Settings) -> None:  # runs in the child process
    from kg.build import content_hash, load_inputs
    from kg.check_report import to_model
    from kg.checking import check_contribution
    from kg.contribution import read_texts

    cache: dict[str, object] = {}

    def canonical():
        version = content_hash(settings)
        if version not in cache:
            cache.clear()
            try:
                cache[version] = load_inputs(settings)
            except LoadError:
                return None  # check_contribution reports the canonical data's own syntax error
        return cache[version]

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
        else:
            result = check_contribution(settings, contribution, loaded=canonical())
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
        self._lock = threading.Lock()
        self._process = None
        self._conn = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self._settings), daemon=True)
        process.start()
        child.close()
        try:
            if not parent.poll(START_TIMEOUT):
                process.kill()
                raise ValidationTimeout(f"the validation worker did not start within {START_TIMEOUT:g} s")
            parent.recv()
        except (EOFError, OSError):
            process.join(5)
            raise RuntimeError("the validation worker failed to start; see the server log") from None
        self._process, self._conn = process, parent

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        self._process = self._conn = None

    def check(self, documents: list[Document], *, timeout: float) -> str:
        """Check a contribution; returns the report as JSON (kg.check_report.CheckReport).

        Args:
            documents: (name, text, media type or None) for each file of the contribution.
            timeout: seconds the check may take once the worker is ready (waiting for another
                request's check to finish counts too).
        Raises:
            ValidationTimeout: over the limit (the worker is killed) or still busy after it.
            LoadError: a document's format cannot be told from its media type or name.
            RuntimeError: the worker died (a bug; its traceback is in the server's log).
        """
        if not self._lock.acquire(timeout=timeout):
            raise ValidationTimeout(f"another validation kept the worker busy for {timeout:g} s; try again")
        try:
            if self._process is None or not self._process.is_alive():
                self._start()
            try:
                self._conn.send(documents)
                if not self._conn.poll(timeout):
                    self._stop()
                    raise ValidationTimeout(
                        f"validation stopped after {timeout:g} s (the limit; CYBERGOV_VALIDATE_TIMEOUT)")
                status, payload = self._conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise RuntimeError("the validation worker died; see the server log") from None
        finally:
            self._lock.release()
        if status == "load_error":
            message, file, line, column = payload
            raise LoadError(message, SourcePosition(file, line, column))
        return payload

    def close(self) -> None:
        """Stop the worker process."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except OSError:
                    pass
                self._process.join(2)
            self._stop()
