"""kg.store.select_star: a top-level SELECT * spelled out with its variables in the order they first appear."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.select_star import spelled_out


def _columns(text: str) -> list[str]:
    return [v.value for v in ox.Store().query(text).variables]


@pytest.mark.parametrize(
    ("query", "columns"),
    [
        ("SELECT * WHERE { ?treaty ?p ?o }", ["treaty", "p", "o"]),
        ("SELECT DISTINCT * { ?z ?y ?x }", ["z", "y", "x"]),
        ("select reduced * where { $b ?a ?c }", ["b", "a", "c"]),
        # a BIND's variable and a subquery's projection are in scope; what the subquery does not project is not
        (
            "SELECT * WHERE { ?s ?p ?o BIND(1 AS ?a) { SELECT ?z WHERE { ?z ?q ?w } } }",
            ["s", "p", "o", "a", "z"],
        ),
        # variables only in a FILTER, a NOT EXISTS or MINUS are not columns (the engine says which are)
        ("SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s ?q ?b } MINUS { ?s ?r ?c } }", ["s", "p", "o"]),
        # a variable's name in a comment or a string does not count
        ('# ?o first\nSELECT * WHERE { ?s ?p "?o" . ?s ?q ?o }', ["s", "p", "q", "o"]),
        ("SELECT * WHERE { ?s ?p ?o } VALUES ?k { 1 }", ["s", "p", "o", "k"]),
    ],
)
def test_the_columns_come_in_the_order_the_query_names_them(query, columns):
    text = spelled_out(query)
    assert _columns(text) == columns
    assert set(_columns(query)) == set(columns)  # the same variables as the engine's own SELECT *


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?o ?s WHERE { ?s ?p ?o }",  # the writer's own order
        "ASK { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { { SELECT * WHERE { ?s ?p ?o } } }",  # only the top-level SELECT is spelled out
        "SELECT * WHERE { }",  # no variables
        "SELECT * WHERE { ?s ?p }",  # the engine reports the error
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ],
)
def test_other_queries_are_left_as_written(query):
    assert spelled_out(query) == query


def test_a_text_seen_before_is_answered_from_the_cache_with_the_same_text():
    query = "SELECT * WHERE { ?cached ?p ?o }"
    first = spelled_out(query)
    hits = spelled_out.cache_info().hits
    assert spelled_out(query) == first == "SELECT ?cached ?p ?o WHERE { ?cached ?p ?o }"
    assert spelled_out.cache_info().hits == hits + 1
