"""Users' queries wait for a query worker on the event loop, not in the thread pool the REST routes share
(issue 13: 64 connections of mixed REST and SPARQL): with every worker busy, a REST request is still
answered, the waiting queries hold no thread, and one that waits past CYBERGOV_QUERY_TIMEOUT is a 503."""

from __future__ import annotations

import threading

import anyio.to_thread
from fastapi.testclient import TestClient

from api.app import create_app
from kg.querying import QueryOutput

JSON = "application/sparql-results+json"
ANSWER = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


class OneWorkerStore:
    """A store with one query worker whose queries run until the test lets them finish."""

    version = "test"
    recorded = None
    query_slots = 1

    def __init__(self) -> None:
        self.finish = threading.Event()
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def execute_user(self, query, *, default_graphs=None, named_graphs=None) -> QueryOutput:
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            assert self.finish.wait(30), "the test never let the query finish"
            return QueryOutput(ANSWER, JSON, "select", 0, fmt="json")
        finally:
            with self._lock:
                self.running -= 1


def _app(fixture_settings, query_timeout: float):
    store = OneWorkerStore()
    settings = fixture_settings.model_copy(
        update={"response_cache_entries": 0, "query_timeout": query_timeout}
    )
    return create_app(settings, store=store), store


def _wait_until(condition) -> None:
    event = threading.Event()
    for _ in range(3000):
        if condition():
            return
        event.wait(0.01)
    raise AssertionError("the condition never held")


def test_waiting_queries_hold_no_thread_and_rest_is_answered(fixture_settings):
    app, store = _app(fixture_settings, query_timeout=30)
    with TestClient(app) as client:
        statuses: list[int] = []

        def ask(n: int) -> None:
            response = client.get("/sparql", params={"query": f"ASK {{}} # {n}"}, headers={"Accept": JSON})
            statuses.append(response.status_code)

        askers = [threading.Thread(target=ask, args=(n,)) for n in range(6)]
        for asker in askers:
            asker.start()
        _wait_until(lambda: store.running == 1 and app.state.sparql_lane.statistics().tasks_waiting == 5)
        borrowed = client.portal.call(lambda: _borrowed_threads())
        # a route that needs no worker is answered while every worker is busy and five queries wait
        assert client.get("/openapi.json").status_code == 200
        assert statuses == []
        store.finish.set()
        for asker in askers:
            asker.join(30)
    assert borrowed == 1  # only the running query holds a thread of the pool
    assert statuses == [200] * 6
    assert store.most_at_once == 1


async def _borrowed_threads() -> int:
    return anyio.to_thread.current_default_thread_limiter().borrowed_tokens


def test_a_query_that_waits_past_the_time_limit_is_a_503(fixture_settings):
    app, store = _app(fixture_settings, query_timeout=0.5)
    with TestClient(app) as client:
        first: list[int] = []
        runner = threading.Thread(
            target=lambda: first.append(
                client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": JSON}).status_code
            )
        )
        runner.start()
        _wait_until(lambda: store.running == 1)
        waited = client.get("/sparql", params={"query": "ASK { } # second"}, headers={"Accept": JSON})
        store.finish.set()
        runner.join(30)
    assert waited.status_code == 503
    assert "stayed busy" in waited.json()["detail"] and "CYBERGOV_QUERY_TIMEOUT" in waited.json()["detail"]
    assert first == [200]
