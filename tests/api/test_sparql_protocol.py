"""The SPARQL 1.1 Protocol endpoint over the fixture store (TestClient)."""

import os

import pytest

Q = "SELECT ?s WHERE { ?s a <https://w3id.org/cybergov/ontology#State> }"


def test_get_select_json_default(client):
    r = client.get("/sparql", params={"query": Q})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert any(b["s"]["value"].endswith("/state/FRA") for b in r.json()["results"]["bindings"])


@pytest.mark.parametrize(
    "accept,media",
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_content_negotiation(client, accept, media):
    r = client.get("/sparql", params={"query": Q}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert "FRA" in r.text


def test_post_form_and_direct(client):
    r1 = client.post("/sparql", data={"query": Q})
    r2 = client.post("/sparql", content=Q, headers={"Content-Type": "application/sparql-query"})
    assert r1.status_code == r2.status_code == 200
    assert r1.json() == r2.json()


@pytest.mark.parametrize(
    "fmt,media",
    [
        ("turtle", "text/turtle"),
        ("ntriples", "application/n-triples"),
        ("jsonld", "application/ld+json"),
        ("rdfxml", "application/rdf+xml"),
    ],
)
def test_construct_formats(client, fmt, media):
    r = client.get(
        "/sparql",
        params={
            "query": "CONSTRUCT WHERE { ?s a <https://w3id.org/cybergov/ontology#State> }",
            "format": fmt,
        },
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert "FRA" in r.text


def test_406_for_graph_format_on_select(client):
    r = client.get("/sparql", params={"query": Q}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406
    assert r.headers["content-type"].startswith("application/problem+json")


def test_malformed_query_gives_line_and_column(client):
    r = client.get("/sparql", params={"query": "SELECT ?s WHERE {\n  ?s ?p \n}"})
    assert r.status_code == 400
    body = r.json()
    # the policy parser (rdflib's grammar) reports where the unfinished triple pattern starts
    assert body["line"] in (2, 3) and body["column"] >= 1
    assert "expected" in body["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_load_and_service_refused(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 403
    assert "not allowed" in r.json()["detail"]


def test_service_keyword_inside_a_string_is_not_refused(client):
    r = client.get("/sparql", params={"query": 'SELECT ("SERVICE <http://x>" AS ?x) WHERE {}'})
    assert r.status_code == 200


def test_service_description(client):
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert "sd:Service" in r.text or "ns/sparql-service-description#Service" in r.text
    assert "https://w3id.org/cybergov/graph/inferred" in r.text


def test_inferred_named_graph_holds_only_inferred(client):
    q = (
        "SELECT ?t WHERE { GRAPH <https://w3id.org/cybergov/graph/inferred> "
        "{ <https://w3id.org/cybergov/id/state/FRA> a ?t } }"
    )
    types = {
        b["t"]["value"] for b in client.get("/sparql", params={"query": q}).json()["results"]["bindings"]
    }
    assert "https://w3id.org/cybergov/ontology#Actor" in types  # inferred from cgo:State
    assert "https://w3id.org/cybergov/ontology#State" not in types  # asserted, so not in the inferred graph


def test_etag_and_304(client):
    r = client.get("/sparql", params={"query": Q})
    etag = r.headers["etag"]
    assert "max-age" in r.headers["cache-control"]
    again = client.get("/sparql", params={"query": Q}, headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_cors_preflight(client):
    r = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] in ("*", "https://yasgui.example")


def test_result_cap_reported(client, fixture_store):
    cap = fixture_store.max_results
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert int(r.headers["x-result-count"]) <= cap
    assert r.headers["x-result-truncated"] in ("true", "false")


@pytest.mark.parametrize("graph", ["\x80", "urn:x:\u00e9t\u00e9", "http://example.org/\u4e2d"])
def test_a_non_ascii_dataset_iri_is_answered_not_a_500(client, graph):
    """Found by schemathesis on the Virtuoso pass: the engine echoed the graph IRI in a response header, and
    rebuilding the response from decoded headers failed on a non-ASCII byte (a 500)."""
    r = client.get("/sparql", params={"query": Q, "default-graph-uri": graph})
    assert r.status_code in (200, 400), r.text


def test_select_star_columns_follow_the_query(client):
    """oxigraph sorts SELECT *'s variables by name; the endpoint answers in the query's order, as Jena and Virtuoso
    do (kg.store.select_star), in JSON and in CSV alike, on every backend."""
    query = "SELECT * WHERE { ?treaty ?p ?label } LIMIT 2"
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    assert r.json()["head"]["vars"] == ["treaty", "p", "label"]
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert r.status_code == 200, r.text
    assert r.text.splitlines()[0] == "treaty,p,label"


G = "https://w3id.org/cybergov/graph/"
EMBEDDED = os.environ.get("CYBERGOV_TEST_BACKEND", "embedded") == "embedded"


def _count(client, query: str, **params) -> int:
    r = client.get(
        "/sparql", params={"query": query, **params}, headers={"Accept": "application/sparql-results+json"}
    )
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.skipif(not EMBEDDED, reason="the embedded store's own layout")
def test_the_default_graph_is_the_union_whichever_copy_answers(client):
    """The embedded store keeps the inferred graph once (kg.store.engine.dataset_args): a query that names a graph is
    answered on disk, where the default graph is the store's own plus the inferred graph; one that names none, from
    the query workers' in-memory union. Both see the union, each triple once, and a query's own FROM or the
    request's default-graph-uri replace it."""
    graphs = client.get("/health").json()["graphs"]
    union = graphs["asserted"] + graphs["ontology"] + graphs["inferred"]
    assert graphs["default"] == union
    assert _count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == union
    on_disk = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH <urn:none> { ?s ?p ?o } } }"
    assert _count(client, on_disk) == union
    # every inferred triple is in the default graph, read on disk beside a named graph
    both = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}inferred> {{ ?s ?p ?o }} ?s ?p ?o }}"
    assert _count(client, both) == graphs["inferred"]
    own = f"SELECT (COUNT(*) AS ?n) FROM <{G}asserted> WHERE {{ ?s ?p ?o }}"
    assert _count(client, own) == graphs["asserted"]
    plain = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert _count(client, plain, **{"default-graph-uri": f"{G}ontology"}) == graphs["ontology"]
    named_only = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{G}ontology> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(client, named_only) == graphs["ontology"]
