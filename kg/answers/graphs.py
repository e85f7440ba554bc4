"""The graph behind an answer, for `Accept: application/ld+json` (and other RDF formats)."""

from __future__ import annotations

import pyoxigraph as ox

from kg import named_queries
from kg.querying import Store


def resource_graph(store: Store, iri: str) -> list:
    """A resource's triples, the records pointing at it and the labels of what they link (describe-resource.rq)."""
    return store.construct(
        named_queries.get("describe-resource").text, bindings={"resource": ox.NamedNode(iri)}
    )


def description_graph(store: Store, iri: str) -> list:
    """A resource's asserted triples and the labels of what they link to (describe-own.rq): what its page embeds."""
    return store.construct(named_queries.get("describe-own").text, bindings={"resource": ox.NamedNode(iri)})


def records_graph(store: Store, iris: list[str]) -> list:
    """The triples of the given records (memberships, participations) with labels (records-graph.rq, once each)."""
    query = named_queries.get("records-graph").text
    triples: dict = {}
    for iri in iris:
        for triple in store.construct(query, bindings={"record": ox.NamedNode(iri)}):
            triples[triple] = None
    return list(triples)
