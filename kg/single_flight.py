"""One computation per key at a time: callers asking for a key being computed wait for that computation.

The service's memos (kg.store.cached, kg.answers.record_index) are filled on first use. When many requests
ask for the same missing entry at once (a server that has just started, under load), each used to compute it:
sixteen connections asking a fresh server of 100k triples for one treaty's parties on new dates read its
records sixteen times over, behind one another on the GIL, and their answers took over a second. Now one
request computes; the others wait for it and take its value.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class _Flight:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: object = None
        self.failed = False
        self.waiting = 0


class SingleFlight(Generic[T]):
    """run(key, compute): compute() once for callers that overlap; a failed computation is not shared (each
    waiting caller then computes for itself, so an error is raised where it happened, with its own traceback)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flights: dict[object, _Flight] = {}
        self.shared = 0  # callers that took another's value (tests, diagnostics)

    def waiting(self, key: object) -> int:
        """How many callers wait for the computation of key now (tests, diagnostics)."""
        with self._lock:
            flight = self._flights.get(key)
            return flight.waiting if flight is not None else 0

    def run(self, key: object, compute: Callable[[], T]) -> T:
        with self._lock:
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()
            else:
                flight.waiting += 1
        if not leader:
            flight.done.wait()
            if not flight.failed:
                with self._lock:
                    self.shared += 1
                return flight.value  # type: ignore[return-value]
            return compute()
        try:
            flight.value = compute()
            return flight.value  # type: ignore[return-value]
        except BaseException:
            flight.failed = True
            raise
        finally:
            with self._lock:
                del self._flights[key]
            flight.done.set()


__all__ = ["SingleFlight"]
