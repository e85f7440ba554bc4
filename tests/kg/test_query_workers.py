"""The query workers answer from an in-memory copy of the default graph when a query names no graph (issue 6)."""

from __future__ import annotations

import dataclasses
import time

import pytest

from kg.build.pipeline import build
from kg.store.embedded import materialize, union_file
from kg.store.engine import default_graph_only
from kg.store.sandbox import QuerySandbox
from kg.store.sparql_parse import parse

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/cybergov/graph/asserted> { ?s ?p ?o } }"


@pytest.mark.parametrize(
    "query, graphs, expected",
    [
        ("SELECT * WHERE { ?s ?p ?o }", None, True),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", None, False),
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", None, False),
        ("select * where { graph ?g { ?s ?p ?o } }", None, False),
        (
            'SELECT * WHERE { ?s ?p "GRAPH" } # FROM here',
            None,
            True,
        ),  # in a string or a comment: not a keyword
        ("SELECT * WHERE { ?s <urn:FROM> ?o }", None, True),  # in an IRI: not a keyword
        ("SELECT * WHERE { ?s ?p ?o }", ["urn:g"], False),  # default-graph-uri in the request
    ],
)
def test_default_graph_only(query, graphs, expected):
    assert default_graph_only(query, graphs, None) is expected


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"])
def test_default_graph_only_reads_the_parse_it_is_given(query):
    """The query worker passes the policy's parse (one parse per request): the answer follows that parse."""
    parsed = parse(query)
    assert default_graph_only(query, None, None, parsed=parsed) is not parsed.names_graphs
    flipped = dataclasses.replace(parsed, names_graphs=not parsed.names_graphs)
    assert default_graph_only(query, None, None, parsed=flipped) is parsed.names_graphs


@pytest.fixture(scope="module")
def store_dir(fixture_settings, tmp_path_factory):
    built = build(fixture_settings)
    return materialize(built.dataset_path, tmp_path_factory.mktemp("workers") / f"store-{built.version}")


def _count(sandbox: QuerySandbox, query: str) -> bytes:
    return sandbox.run(query, fmt="csv", default_graphs=None, named_graphs=None).body


def test_memory_and_disk_give_the_same_answers(store_dir):
    assert union_file(store_dir).exists()
    with_memory = QuerySandbox(
        str(store_dir), workers=1, timeout=10, max_results=100, memory_path=str(union_file(store_dir))
    )
    disk_only = QuerySandbox(str(store_dir), workers=1, timeout=10, max_results=100)
    try:
        deadline = time.monotonic() + 30
        while (
            with_memory.answered["memory"] == 0 and time.monotonic() < deadline
        ):  # the copy loads in the background
            _count(with_memory, COUNT)
            time.sleep(0.05)
        assert with_memory.answered["memory"] > 0
        assert _count(with_memory, COUNT) == _count(disk_only, COUNT)
        assert int(_count(with_memory, COUNT).split()[-1]) > 1000
        before = dict(with_memory.answered)
        assert _count(with_memory, NAMED) == _count(disk_only, NAMED)  # GRAPH: answered from disk
        assert with_memory.answered["disk"] == before["disk"] + 1
        assert disk_only.answered["memory"] == 0
    finally:
        with_memory.close()
        disk_only.close()
