"""GET /dump (issue 10): the whole dataset, gzip-compressed N-Quads or TriG, versioned, parsed back."""

from __future__ import annotations

import gzip
from collections import Counter

import pyoxigraph as ox
import pytest

from kg.namespaces import DEFAULT_GRAPHS


def _graph_counts(body: bytes, rdf_format) -> Counter:
    counts: Counter = Counter()
    for quad in ox.parse(gzip.decompress(body), format=rdf_format):
        counts["" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value] += 1
    return counts


@pytest.mark.parametrize(
    "path, rdf_format",
    [
        ("/dump", ox.RdfFormat.N_QUADS),
        ("/dump?format=trig", ox.RdfFormat.TRIG),
        ("/dump.nq.gz", ox.RdfFormat.N_QUADS),
        ("/dump.trig.gz", ox.RdfFormat.TRIG),
    ],
)
def test_dump_holds_every_graph(client, fixture_store, path, rdf_format):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/gzip"
    assert r.headers["etag"] == f'"{fixture_store.version}"'
    counts = _graph_counts(r.content, rdf_format)
    named = {g: n for g, n in counts.items() if g}
    assert named == fixture_store.counts()  # every named graph, every triple
    health = client.get("/health").json()
    assert counts[""] > 0 and counts[""] <= health["triples"]  # the default graph: the union of the three
    assert counts[""] >= max(fixture_store.counts()[g] for g in DEFAULT_GRAPHS)


def test_dump_default_graph_matches_sparql(client):
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    total = int(r.json()["results"]["bindings"][0]["n"]["value"])
    assert _graph_counts(client.get("/dump").content, ox.RdfFormat.N_QUADS)[""] == total


def test_dump_not_modified(client):
    etag = client.get("/dump").headers["etag"]
    r = client.get("/dump", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b""


def test_dump_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "application/gzip" in paths["/dump"]["get"]["responses"]["200"]["content"]
    assert "/dump.nq.gz" in paths and "/dump.trig.gz" in paths
