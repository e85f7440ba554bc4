"""A read-only, rdflib-flavoured view of one graph of a pyoxigraph store.

The build and the validators point problems at files and lines (kg.build.report.locate) and label
them (kg.build.report._label) by asking a graph `(s, p, o) in graph` and `graph.objects(s, p)`.
This view answers those questions from a pyoxigraph store, so that a build on the fast engine
never copies its data into rdflib.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.terms import to_oxigraph, to_rdflib


class StoreView:
    """One graph of a store (the default graph unless named), seen through rdflib terms."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> None:
        self.store = store
        self.graph = graph if graph is not None else ox.DefaultGraph()

    def _pattern(self, s, p, o):
        return self.store.quads_for_pattern(
            *(to_oxigraph(t) if t is not None else None for t in (s, p, o)), self.graph
        )

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return next(iter(self._pattern(s, p, o)), None) is not None

    def triples(self, triple: tuple) -> Iterator[tuple[Node, Node, Node]]:
        for quad in self._pattern(*triple):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def objects(self, subject=None, predicate=None) -> Iterator[Node]:
        for quad in self._pattern(subject, predicate, None):
            yield to_rdflib(quad.object)

    def subjects(self, predicate=None, obj=None) -> Iterator[Node]:
        for quad in self._pattern(None, predicate, obj):
            yield to_rdflib(quad.subject)

    def value(self, subject=None, predicate=None):
        return next(self.objects(subject, predicate), None)

    def __len__(self) -> int:
        return sum(1 for _ in self._pattern(None, None, None))

    def to_graph(self) -> Graph:
        """A copy as an rdflib Graph (for pyshacl, when a shape could not be compiled)."""
        graph = Graph()
        for triple in self.triples((None, None, None)):
            graph.add(triple)
        return graph


__all__ = ["StoreView"]
