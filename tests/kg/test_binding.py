"""kg.querying.bind: the VALUES block goes just inside the WHERE group, found by reading the query's tokens."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import named_queries
from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.querying import bind, bind_values
from kg.sparql_tokens import where_group_start

X = ox.NamedNode("https://example.org/x")


Y = ox.NamedNode("https://example.org/y")
ONE = ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


@pytest.mark.parametrize(
    "query",
    [
        "# an example: SELECT ?s WHERE { ?s ?p ?o }\nSELECT ?s WHERE { ?s ?p ?o }",
        'SELECT ?s (" WHERE { " AS ?t) WHERE { ?s ?p ?o }',
        "SELECT ?s ('''it's WHERE {\n''' AS ?t) WHERE { ?s ?p ?o }",
        'SELECT ?s ("a \\" WHERE {" AS ?t) WHERE { ?s ?p ?o }',
        "PREFIX where: <https://example.org/WHERE> SELECT ?s WHERE { ?s ?where ?o OPTIONAL { ?s where:p ?o } }",
        "CONSTRUCT { ?s <https://example.org/q> ?o } where\n# a comment { \n{ ?s ?p ?o FILTER(?o < 3) }",
        "SELECT ?s FROM <https://example.org/WHERE> WHERE{ ?s ?p ?o } # WHERE {",
    ],
)
def test_the_block_goes_inside_the_real_where_group(query):
    store = ox.Store()
    store.extend([ox.Quad(X, X, ONE), ox.Quad(Y, X, ONE)])
    assert {_subject(row) for row in store.query(query, use_default_graph_as_union=True)} == {X, Y}
    bound = store.query(bind(query, {"s": X}), use_default_graph_as_union=True)
    assert {_subject(row) for row in bound} == {X}  # the VALUES block joined the WHERE group
    assert where_group_start(query) > query.upper().rindex("WHERE", 0, where_group_start(query))


def _subject(row):
    return row.subject if isinstance(row, ox.Triple) else row["s"]


def test_a_query_without_a_where_group_is_refused():
    with pytest.raises(QueryError, match="WHERE"):
        bind("SELECT * { ?s ?p ?o } # WHERE { }", {"s": X})
    with pytest.raises(QueryError):
        bind_values('ASK { ?s ?p "WHERE {" }', "s", [X])


def test_every_named_query_binds_to_valid_sparql():
    """Each .rq file under kg/ with a WHERE group, bound, is still a query pyoxigraph reads."""
    store, checked = ox.Store(), 0
    for path in sorted(Path(named_queries.PACKAGE_DIR).rglob("*.rq")):
        text = path.read_text(encoding="utf-8")
        try:
            bound = bind_values(text, "cybergov_unused", [X])
        except QueryError:
            continue  # no WHERE group (e.g. `ASK { ... }`): bind refuses it, as the test above shows
        _parses(store, bound)
        checked += 1
    assert checked > 80, f"only {checked} named queries were bound"


def _parses(store: ox.Store, text: str) -> None:
    try:
        store.query(text, prefixes=PREFIXES)
    except SyntaxError:
        store.update(text, prefixes=PREFIXES)  # an update (the rules written as INSERT) parses as one
