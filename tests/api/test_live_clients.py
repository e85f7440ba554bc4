"""Real SPARQL clients against a live uvicorn on 127.0.0.1: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

STATE = "<https://w3id.org/cybergov/ontology#State>"
FRA = "https://w3id.org/cybergov/id/state/FRA"
SELECT = f"SELECT ?s WHERE {{ ?s a {STATE} }}"
ASK = f"ASK {{ <{FRA}> a {STATE} }}"
CONSTRUCT = f"CONSTRUCT {{ ?s a {STATE} }} WHERE {{ ?s a {STATE} }}"
DESCRIBE = f"DESCRIBE <{FRA}>"


def wrapper(base: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(base + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(live_server, method):
    result = wrapper(live_server, SELECT, JSON, method).query().convert()
    assert FRA in [b["s"]["value"] for b in result["results"]["bindings"]]


def test_sparqlwrapper_select_xml(live_server):
    document = wrapper(live_server, SELECT, XML).query().convert()
    uris = [n.firstChild.nodeValue for n in document.getElementsByTagName("uri")]
    assert FRA in uris


@pytest.mark.parametrize("fmt,delimiter", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_select_csv_tsv(live_server, fmt, delimiter):
    body = wrapper(live_server, SELECT, fmt).query().convert()
    text = body.decode() if isinstance(body, bytes) else body
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0][0] in ("s", "?s")
    assert any(FRA in cell for row in rows[1:] for cell in row)


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(live_server, fmt):
    result = wrapper(live_server, ASK, fmt).query().convert()
    if fmt == JSON:
        assert result["boolean"] is True
    else:
        assert result.getElementsByTagName("boolean")[0].firstChild.nodeValue == "true"


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_graph_forms(live_server, query, fmt):
    graph = wrapper(live_server, query, fmt).queryAndConvert()
    if not isinstance(graph, Graph):  # SPARQLWrapper returns bytes for some formats
        graph = Graph().parse(data=graph, format={TURTLE: "turtle", N3: "turtle"}.get(fmt, fmt))
    assert (URIRef(FRA), None, None) in graph


def test_rdflib_sparqlstore(live_server):
    store = SPARQLStore(live_server + "/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(SELECT))
    assert URIRef(FRA) in {row[0] for row in rows}
    assert graph.query(ASK).askAnswer is True
    triples = list(graph.triples((URIRef(FRA), None, None)))
    assert triples


def test_errors_over_http(live_server):
    bad = httpx.get(live_server + "/sparql", params={"query": "SELECT ?s WHERE {"})
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("application/problem+json")
    refused = httpx.post(live_server + "/sparql", data={"update": "DROP ALL"})
    assert refused.status_code == 403


def test_cors_and_caching_over_http(live_server):
    first = httpx.get(
        live_server + "/sparql", params={"query": SELECT}, headers={"Origin": "https://yasgui.example"}
    )
    assert first.headers["access-control-allow-origin"] in ("*", "https://yasgui.example")
    again = httpx.get(
        live_server + "/sparql", params={"query": SELECT}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
