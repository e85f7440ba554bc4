"""The remote store and `cybergov push` against real engines on 127.0.0.1: oxigraph serve (issue 6) and
Virtuoso (issue 13), each compared with the embedded store."""

from __future__ import annotations

import pytest

from bench.serving import free_port
from kg.build.pipeline import build
from kg.errors import QueryError, ResultTooLarge, StoreError
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED
from kg.store import open_store
from kg.store.push import graph_store_url
from kg.store.remote import RemoteStore

FRA_LABEL = "SELECT ?label WHERE { state:FRA rdfs:label ?label }"


@pytest.fixture(scope="module")
def embedded(fixture_settings):
    store = open_store(fixture_settings.model_copy(update={"store": "embedded"}), build(fixture_settings))
    yield store
    store.close()


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def remote(request, fixture_settings):
    servers = request.getfixturevalue(f"{request.param}_servers")
    endpoint = servers.start(fixture_settings)
    store = RemoteStore(
        fixture_settings.model_copy(update=servers.settings_update(endpoint)),
        version=build(fixture_settings).version,
    )
    yield store
    store.close()
    servers.stop(endpoint)


def test_graph_store_url_next_to_the_query_endpoint():
    assert graph_store_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert graph_store_url("http://h/sparql") == "http://h/store"
    assert graph_store_url("http://h:8890/sparql", kind="virtuoso") == "http://h:8890/sparql-graph-crud-auth"


def test_the_version_is_the_one_pushed(remote, fixture_settings):
    assert remote.version == build(fixture_settings).version


def test_push_loads_every_named_graph(remote, embedded):
    assert remote.counts() == embedded.counts()
    assert remote.counts()[GRAPH_INFERRED] > 0


def test_default_graph_is_asserted_ontology_and_inferred(remote, embedded):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert remote.select(query) == embedded.select(query)
    assert remote.ask("ASK { state:FRA cgo:memberOf orgn:coe }")  # an inferred triple, no GRAPH needed


def test_named_queries_answer_the_same(remote, embedded):
    assert remote.select(FRA_LABEL) == embedded.select(FRA_LABEL) == [{"label": "France"}]
    describe = "CONSTRUCT { state:FRA ?p ?o } WHERE { state:FRA ?p ?o }"
    assert sorted(map(str, remote.construct(describe))) == sorted(map(str, embedded.construct(describe)))


def test_user_queries_serialize_identically(remote, embedded):
    # IRI subjects only: blank-node labels (e.g. of a cgo:DateBound) are each engine's own
    query = (
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_ASSERTED}> {{ ?s ?p ?o FILTER (isIRI(?s)) }} }} "
        "ORDER BY ?s ?p ?o LIMIT 20"
    )
    for fmt in ("json", "xml", "csv", "tsv"):
        assert remote.execute(query, fmt=fmt).body == embedded.execute(query, fmt=fmt, isolated=False).body


def test_result_cap_refuses_like_the_embedded_store(remote):
    """Issue 10: an answer over the cap is refused whole (never cut), stating the cap and how to page."""
    cap = remote.max_results
    remote.max_results = 5
    try:
        with pytest.raises(ResultTooLarge) as refused:
            remote.execute("SELECT * WHERE { ?s ?p ?o }", fmt="csv")
        out = remote.execute("SELECT * WHERE { ?s ?p ?o } LIMIT 5", fmt="csv")
    finally:
        remote.max_results = cap
    assert refused.value.limit == 5 and "CYBERGOV_MAX_RESULTS" in str(refused.value)
    assert "LIMIT" in str(refused.value) and "/dump" in str(refused.value)
    assert out.count == 5 and out.body.count(b"\r\n") == 6  # header + 5 rows: exactly the cap passes


def test_syntax_error_carries_line_and_column(remote, embedded):
    """The remote store parses a query before it sends it (to ask for the right result type), so a syntax error
    is the project's parser's, on every engine, with its line and column; the embedded store reports
    pyoxigraph's, on the same line."""
    from kg.store.sparql_parse import parse

    bad = "SELECT ?s\nWHERE { ?s ?p }"
    with pytest.raises(QueryError) as remote_error:
        remote.execute(bad, fmt="json")
    with pytest.raises(QueryError) as embedded_error:
        embedded.execute(bad, fmt="json", isolated=False)
    with pytest.raises(QueryError) as parsed:
        parse(bad)
    assert (remote_error.value.line, remote_error.value.column) == (parsed.value.line, parsed.value.column)
    assert remote_error.value.line == embedded_error.value.line == 2
    assert remote_error.value.column is not None


def test_unreachable_endpoint_is_a_store_error(fixture_settings):
    port = free_port()  # a port nobody listens on
    store = RemoteStore(
        fixture_settings.model_copy(update={"endpoint": f"http://127.0.0.1:{port}/query"}), version="x"
    )
    with pytest.raises(StoreError):
        store.select(FRA_LABEL)
    store.close()


def test_remote_store_needs_an_endpoint(fixture_settings):
    with pytest.raises(StoreError):
        RemoteStore(fixture_settings.model_copy(update={"endpoint": None}), version="x")
