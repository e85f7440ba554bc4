"""kg.single_flight and the memos that use it: requests that miss the same entry at once compute it once.

A fresh server asked for one treaty's parties by sixteen connections at once read the treaty's records
sixteen times (p99 1.1 s over 5 s of load on the 100k bench data, 37 ms once they were read); now one request
reads them and the others wait for its reading. A request answering from memory never waits for another's read.
"""

from __future__ import annotations

import threading

import pytest
from test_answers_sparql import FIXTURE, TREATY, BareStore

from kg.answers import record_index
from kg.memory_only import NotInMemory, memory_only
from kg.single_flight import SingleFlight
from kg.store.cached import CachedStore

CALLERS = 8


def _together(call, callers: int = CALLERS) -> list:
    """call() on `callers` threads at once; their results (or exceptions), in thread order."""
    results: list = [None] * callers
    start = threading.Barrier(callers)

    def one(i: int) -> None:
        start.wait()
        try:
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - the test looks at what each caller got
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(callers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


class _Gated:
    """compute() that blocks until the test opens the gate, counting its runs."""

    def __init__(self, value=None, error: Exception | None = None) -> None:
        self.gate = threading.Event()
        self.runs = 0
        self.value, self.error = value, error
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            self.runs += 1
        self.gate.wait(30)
        if self.error is not None:
            raise self.error
        return self.value


def _open_when_all_wait(flights: SingleFlight, key, gate: threading.Event) -> threading.Thread:
    """Open the gate once every caller but the one computing waits for the computation of key."""

    def opener() -> None:
        while flights.waiting(key) < CALLERS - 1:
            threading.Event().wait(0.01)
        gate.set()

    thread = threading.Thread(target=opener)
    thread.start()
    return thread


def test_callers_that_overlap_share_one_computation():
    flights: SingleFlight[str] = SingleFlight()
    compute = _Gated(value="records")
    opener = _open_when_all_wait(flights, "treaty-0", compute.gate)
    results = _together(lambda: flights.run("treaty-0", compute))
    opener.join()
    assert results == ["records"] * CALLERS
    assert compute.runs == 1
    assert flights.shared == CALLERS - 1


def test_a_failed_computation_is_not_shared():
    flights: SingleFlight[str] = SingleFlight()
    compute = _Gated(error=RuntimeError("the store went away"))
    opener = _open_when_all_wait(flights, "treaty-0", compute.gate)
    results = _together(lambda: flights.run("treaty-0", compute))
    opener.join()
    assert all(isinstance(r, RuntimeError) for r in results)
    assert compute.runs == CALLERS  # each waiting caller tried for itself
    assert flights.shared == 0


def test_calls_that_do_not_overlap_compute_each_time():
    flights: SingleFlight[int] = SingleFlight()
    runs = []
    for i in range(3):
        assert flights.run("k", lambda i=i: runs.append(i) or i) == i
    assert runs == [0, 1, 2]


class _SlowStore:
    """A store whose reads wait until the test lets them through (so requests overlap), counting them."""

    def __init__(self, inner: BareStore) -> None:
        self.inner, self.version = inner, "one"
        self.selects = 0
        self.reading = threading.Event()
        self.gate = threading.Event()
        self._lock = threading.Lock()

    def select(self, query: str, *, bindings=None):
        with self._lock:
            self.selects += 1
        self.reading.set()
        self.gate.wait(30)
        return self.inner.select(query, bindings=bindings)


def test_requests_for_a_scope_not_read_yet_read_it_once():
    backend = _SlowStore(BareStore(FIXTURE))
    index = record_index.of(CachedStore(backend))
    opener = _open_when_all_wait(index._flights, ("participations", TREATY, None), backend.gate)
    results = _together(lambda: index.participations(treaty=TREATY))
    opener.join()
    assert all(isinstance(r, list) and r for r in results), results
    assert all(r == results[0] for r in results)
    assert index.reads == 1
    alone = record_index.of(CachedStore(BareStore(FIXTURE))).participations(treaty=TREATY)
    assert [r.row for r in results[0]] == [r.row for r in alone]


def test_a_request_answering_from_memory_does_not_wait_for_another_read():
    backend = _SlowStore(BareStore(FIXTURE))
    store = CachedStore(backend)
    index = record_index.of(store)
    reader = threading.Thread(target=lambda: index.participations(treaty=TREATY))
    reader.start()
    assert backend.reading.wait(30)  # a request in a thread is reading the scope now
    done = threading.Event()

    def from_memory() -> None:
        with memory_only(), pytest.raises(NotInMemory):
            index.participations(treaty=TREATY)
        with memory_only(), pytest.raises(NotInMemory):
            store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        done.set()

    event_loop = threading.Thread(target=from_memory)
    event_loop.start()
    assert done.wait(5), "a memory-only request waited for the read in flight"
    backend.gate.set()
    reader.join(30)
    event_loop.join(30)


def test_derived_values_of_one_name_are_computed_once_and_other_names_do_not_wait():
    store = CachedStore(BareStore(FIXTURE))
    slow = _Gated(value="slow")
    key = ("derived", "slow", store.version)

    def opener() -> (
        None
    ):  # once the others wait for the one computing (or after 5 s, so a failure cannot hang)
        for _ in range(500):
            if store._flights.waiting(key) >= CALLERS - 1:
                break
            threading.Event().wait(0.01)
        slow.gate.set()

    opening = threading.Thread(target=opener)
    opening.start()
    results = _together(lambda: store.derived("slow", lambda _inner: slow()))
    opening.join()
    assert results == ["slow"] * CALLERS
    assert slow.runs == 1
    blocked = _Gated(value="blocked")
    holder = threading.Thread(target=lambda: store.derived("blocked", lambda _inner: blocked()))
    holder.start()
    while store._flights.waiting(("derived", "blocked", store.version)) == 0 and blocked.runs == 0:
        threading.Event().wait(0.01)
    done = threading.Event()

    def other() -> None:
        assert store.derived("other", lambda _inner: "other") == "other"
        with memory_only(), pytest.raises(NotInMemory):
            store.derived("blocked", lambda _inner: "never")
        done.set()

    thread = threading.Thread(target=other, daemon=True)
    thread.start()
    try:
        assert done.wait(5), "another name, or a memory-only request, waited for a derivation in flight"
    finally:
        blocked.gate.set()
        holder.join(30)
        thread.join(30)
    assert store.derived("blocked", lambda _inner: "again") == "blocked"
