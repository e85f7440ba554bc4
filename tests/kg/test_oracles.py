"""The test oracles leave rdflib as they found it (tests/oracles.py)."""

from __future__ import annotations

from oracles import owlrl_expand
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

QUERY = 'ASK { ?s ?p ?o FILTER (?o = "1949"^^<http://www.w3.org/2001/XMLSchema#gYear>) }'


def _year_graph() -> Graph:
    graph = Graph()
    graph.add(
        (
            URIRef("https://example.org/r"),
            URIRef("https://example.org/start"),
            Literal("1949", datatype=XSD.gYear),
        )
    )
    return graph


def test_a_year_compares_equal_after_owlrl_has_run():
    assert _year_graph().query(QUERY).askAnswer
    owlrl_expand(_year_graph())
    assert _year_graph().query(QUERY).askAnswer  # owlrl's own literal conversions are gone again
