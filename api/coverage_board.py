"""The home page's coverage table (api.entity_parts.coverage), computed on a thread once per graph version and day.

The table reads every participation record of every treaty: well under a second on the curated data, 95 s at a million
synthetic triples (110 treaties, 70,000 records), longer than a browser or a proxy waits for a page. The home page
asks the board for it and waits up to `wait` seconds; a table not ready by then is left out of that answer (the page
says it is being computed, and the answer is not cached), and the computation goes on, so a later visit gets it.
Requests that ask while it runs share the one computation; one that failed is started again by the next request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import date

from api.entity_parts import coverage
from kg.querying import Store

WAIT_SECONDS = 5.0  # how long the home page waits for the table before it answers without it
_KEPT = 2  # tables kept (a version's table for today and for yesterday, or the tables of two versions)


class CoverageBoard:
    """The coverage tables of the graph versions and days asked for, each computed once, on a thread of its own."""

    def __init__(
        self,
        *,
        wait: float = WAIT_SECONDS,
        compute: Callable[..., list[dict]] = coverage,
    ) -> None:
        self.wait = wait
        self._compute = compute
        self._lock = threading.Lock()
        self._tables: dict[tuple[str, date], Future[list[dict]]] = {}

    def table(self, store: Store, on: date) -> list[dict] | None:
        """The table of the store's current version on `on`, or None if it is not ready within `wait` seconds.

        Raises:
            whatever computing the table raised (the next call computes it again).
        """
        key = (store.version, on)
        with self._lock:
            pending = self._tables.get(key)
            if pending is None:
                pending = self._tables[key] = Future()
                for old in list(self._tables)[:-_KEPT]:
                    del self._tables[old]
                threading.Thread(
                    target=self._run, args=(pending, store, on), name="coverage table", daemon=True
                ).start()
        try:
            return pending.result(timeout=self.wait)
        except FutureTimeout:
            return None
        except Exception:
            with self._lock:
                if self._tables.get(key) is pending:
                    del self._tables[key]
            raise

    def _run(self, pending: Future[list[dict]], store: Store, on: date) -> None:
        try:
            pending.set_result(self._compute(store, on=on))
        except BaseException as exc:  # handed to the requests that wait for it
            pending.set_exception(exc)


__all__ = ["CoverageBoard", "WAIT_SECONDS"]
