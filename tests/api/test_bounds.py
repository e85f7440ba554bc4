"""Issue 10, bound every resource: request bodies counted while read, answers over a cap refused
(never cut), a killed query worker costs nothing, /health compares what is served with the build's
record."""

from __future__ import annotations

import os
import signal
import socket
import time
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.build.pipeline import build
from kg.store import open_store

PROBLEM = "application/problem+json"
BIG_IRI = "http://example.org/" + "x" * (6 * 2**14)  # 98,304 x: what the query below builds


def test_chunked_sparql_body_is_stopped_at_the_cap(live_server, fixture_settings):
    """A chunked POST /sparql without Content-Length is refused once the bytes read pass the cap,
    without the server reading the rest (the client is still sending when the answer comes)."""
    url = urlsplit(live_server)
    chunk = b"# " + b"x" * 8_190 + b"\n"
    sent = 0
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        try:
            for _ in range(10_000):  # 80 MB if the server read it all
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except OSError:  # the server answered and closed while we were sending
            pass
        answer = sock.recv(65536).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "CYBERGOV_MAX_QUERY_BYTES" in answer
    assert sent < 10_000 * len(chunk)  # it stopped reading long before the end


def test_sparql_body_over_the_declared_cap_is_413(client, fixture_settings):
    body = "query=" + "x" * (fixture_settings.max_query_bytes + 1)
    response = client.post(
        "/sparql", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["setting"] == "CYBERGOV_MAX_QUERY_BYTES"


@pytest.mark.skipif(
    os.environ.get("CYBERGOV_TEST_BACKEND") == "virtuoso",
    reason="Virtuoso answers this query with fewer bytes than the cap (200), so there is nothing to "
    "refuse; the cap is checked on the embedded and oxigraph passes",
)
def test_answer_over_the_byte_cap_is_refused(client, fixture_settings):
    """The issue's 380 MB answer: a 95 KB IRI on each of 4,096 rows is stopped by the byte cap."""
    values = " ".join(str(i) for i in range(64))
    # a 96 KB IRI built by the query itself (a query that spelled it out would be over CYBERGOV_MAX_QUERY_BYTES)
    doublings = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(14))
    query = (
        f'SELECT ?x WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} BIND("xxxxxx" AS ?s0) '
        f'{doublings} BIND(IRI(CONCAT("http://example.org/", ?s14)) AS ?x) }}'
    )
    assert len(query) < fixture_settings.max_query_bytes
    response = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413, response.text[:300]
    problem = response.json()
    assert problem["setting"] == "CYBERGOV_MAX_RESULT_BYTES"
    assert problem["limit"] == fixture_settings.max_result_bytes
    assert "LIMIT" in problem["detail"] and "/dump" in problem["detail"]
    small = client.post(
        "/sparql", content=query + " LIMIT 3", headers={"Content-Type": "application/sparql-query"}
    )
    assert small.status_code == 200 and small.text.count(BIG_IRI) == 3


@pytest.fixture(scope="module")
def capped_client(fixture_settings):
    """An app whose answers are capped at 5 rows."""
    settings = fixture_settings.model_copy(
        update={"max_results": 5, "query_workers": 1, "response_cache_entries": 0}
    )
    store = open_store(settings, build(settings))
    with TestClient(create_app(settings, store=store)) as test_client:
        yield test_client
    store.close()


@pytest.mark.parametrize("fmt", ["json", "csv", "turtle"])
def test_answer_over_the_row_cap_is_refused_with_how_to_page(capped_client, fmt):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }" if fmt == "turtle" else "SELECT * WHERE { ?s ?p ?o }"
    response = capped_client.get("/sparql", params={"query": query, "format": fmt})
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert (problem["limit"], problem["setting"]) == (5, "CYBERGOV_MAX_RESULTS")
    assert "OFFSET" in problem["detail"]
    paged = capped_client.get("/sparql", params={"query": query + " LIMIT 5 OFFSET 5", "format": fmt})
    assert paged.status_code == 200


def _wait_dying(pid: int) -> None:
    """Until the process's first thread has exited (a zombie) or the process is gone. SIGKILL makes the first thread a
    zombie at once while the other threads are still freeing their memory; until the last one has, the process holds
    its end of the pool's pipe and cannot be reaped: the window in which the pool must not hand it a query
    (kg.workers._exiting; before it, the query failed twice: 503)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/status") as status:
                if "zombie" in status.read():
                    return
        except FileNotFoundError:
            return
        time.sleep(0.01)


@pytest.mark.skipif(
    os.environ.get("CYBERGOV_TEST_BACKEND", "embedded") != "embedded",
    reason="the remote store has no workers",
)
def test_killed_idle_query_workers_cost_the_next_query_nothing(client, fixture_store):
    sandbox = fixture_store.sandbox
    before = sandbox.pids
    for pid in before:
        os.kill(pid, signal.SIGKILL)
    for pid in before:
        _wait_dying(pid)
    for n in range(3):  # POST: not answered from the response cache
        response = client.post(
            "/sparql", content=f"ASK {{ ?s ?p {n} }}", headers={"Content-Type": "application/sparql-query"}
        )
        assert response.status_code == 200, response.text[:300]
    assert not set(sandbox.pids) & set(before)  # every killed worker was replaced


def test_health_reports_each_graph_and_agrees_with_the_build(client, fixture_settings):
    response = client.get("/health")
    assert response.status_code == 200
    health = response.json()
    assert health["consistent"] is True and health["status"] == "ok"
    built = build(fixture_settings)
    assert health["version"] == built.version
    assert set(health["graphs"]) == {"asserted", "inferred", "ontology", "default"}
    assert health["graphs"] == health["recorded"]
    assert health["graphs"]["default"] == built.default_triples > 0
    assert health["triples"] == sum(health["graphs"][g] for g in ("asserted", "inferred", "ontology"))


class _MisRecorded:
    """A store whose build record says one more asserted triple than it serves."""

    def __init__(self, store) -> None:
        self._store = store

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    @property
    def recorded(self) -> dict[str, int]:
        recorded = dict(self._store.recorded)
        return dict(recorded, asserted=recorded["asserted"] + 1)


def test_health_is_503_when_the_store_does_not_hold_the_record(fixture_settings, fixture_store):
    """A store that serves fewer triples than its build recorded is reported, never passed off as ok."""
    with TestClient(create_app(fixture_settings, store=_MisRecorded(fixture_store))) as test_client:
        response = test_client.get("/health")
    assert response.status_code == 503
    assert response.json()["consistent"] is False and response.json()["status"] == "inconsistent"


@pytest.mark.skipif(
    os.environ.get("CYBERGOV_TEST_BACKEND", "embedded") != "embedded",
    reason="oxigraph serve's own parser overflows on it; the SPARQL policy's parser refuses it first",
)
def test_nested_braces_are_a_problem_detail_not_a_502(client):
    response = client.post(
        "/sparql",
        content="SELECT * WHERE " + "{" * 10_000 + "}" * 10_000,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code in (400, 503), response.text[:300]
    assert response.headers["content-type"] == PROBLEM
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
