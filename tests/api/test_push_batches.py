"""`cybergov push` sends a graph in batches (kg.store.push): a PUT, then POSTs that add to it, with every triple that
names a blank node in the first request, since each request gives blank nodes new ids. Run against the pass's real
engine (`oxigraph serve`, or Virtuoso in the Virtuoso pass)."""

from __future__ import annotations

import httpx
import pytest

from kg.build.pipeline import build
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED
from kg.store.push import graph_store_url, push

COUNT = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


def _count(endpoint: str, query: str, auth) -> int:
    response = httpx.post(
        endpoint,
        data={"query": query},
        headers={"Accept": "application/sparql-results+json"},
        auth=auth,
        timeout=30,
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def pushed(fixture_settings, engine_servers):
    built = build(fixture_settings.model_copy(update={"store": "embedded"}))
    endpoint = engine_servers.start(fixture_settings, push=False)
    update = engine_servers.settings_update(endpoint)
    auth = (
        httpx.DigestAuth(update["endpoint_user"], update["endpoint_password"])
        if "endpoint_user" in update
        else None
    )
    result = push(
        built.dataset_path,
        graph_store_url(endpoint, kind=engine_servers.kind),
        kind=engine_servers.kind,
        auth=auth,
        batch=50,  # the fixtures' graphs hold hundreds of triples: many requests each
    )
    yield built, endpoint, auth, result
    engine_servers.stop(endpoint)


def test_every_graph_arrives_whole_in_batches(pushed):
    built, endpoint, auth, result = pushed
    assert result.counts[GRAPH_ASSERTED] > 100  # several batches of 50
    for graph in (GRAPH_ASSERTED, GRAPH_INFERRED):
        assert (
            _count(endpoint, COUNT.format(graph=graph), auth) == built.counts[graph] == result.counts[graph]
        )


def test_blank_nodes_stay_one_node_across_batches(engine_servers, fixture_settings, tmp_path):
    """Forty blank nodes, each named by three triples far apart in the file, sent five triples a request."""
    lines = [
        f"<http://example.org/r{i}> <http://example.org/p{k}> _:b{i} <http://example.org/g> .\n"
        if k == 0
        else f'_:b{i} <http://example.org/p{k}> "{i}-{k}" <http://example.org/g> .\n'
        for k in range(3)
        for i in range(40)
    ]
    dataset = tmp_path / "blank.nq"
    dataset.write_text("".join(lines))
    endpoint = engine_servers.start(fixture_settings, push=False)
    try:
        update = engine_servers.settings_update(endpoint)
        auth = (
            httpx.DigestAuth(update["endpoint_user"], update["endpoint_password"])
            if "endpoint_user" in update
            else None
        )
        graph_store = graph_store_url(endpoint, kind=engine_servers.kind)
        push(dataset, graph_store, kind=engine_servers.kind, auth=auth, batch=5)
        joined = (
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { "
            "?r <http://example.org/p0> ?b . ?b <http://example.org/p1> ?x ; <http://example.org/p2> ?y } }"
        )
        assert _count(endpoint, joined, auth) == 40
    finally:
        engine_servers.stop(endpoint)
