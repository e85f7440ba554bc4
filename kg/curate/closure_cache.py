"""The canonical closure an incremental check starts from: the cached build, in an in-memory store.

kg.build.pipeline.build writes the closed, validated canonical dataset to `.cache/build-<hash>.nq`
(checked against its sha256 before reuse). An incremental check (kg.curate.incremental_check) needs
that closure in a store it may change for the length of one check and then restore: this module
loads the default graph (ontology + asserted + inferred, as the build closed it) and the asserted
and ontology named graphs into an in-memory pyoxigraph store, once per canonical version. A check
worker keeps it between requests; the per-file graphs of the dataset are not loaded.

The schema part of the closure (every closed triple about a term the ontology describes) is kept
apart as a list of quads: each incremental check puts it into its small work store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox
from rdflib.namespace import RDF

from kg.build.pipeline import build
from kg.config import Settings
from kg.namespaces import CGO, GRAPH_ASSERTED, GRAPH_ONTOLOGY
from kg.terms import to_oxigraph

ASSERTED, ONTOLOGY = ox.NamedNode(GRAPH_ASSERTED), ox.NamedNode(GRAPH_ONTOLOGY)
_KEPT_GRAPHS = (ox.DefaultGraph(), ASSERTED, ONTOLOGY)


@dataclass
class CanonicalClosure:
    """The closed canonical data in a store: default graph = the closure, named graphs asserted and ontology."""

    version: str
    store: ox.Store
    triples: int = field(default=0)
    damaged: bool = False  # set while a check has changed the store (kg.curate.incremental_check)

    @cached_property
    def schema(self) -> list[ox.Quad]:
        """The closed triples (default graph) about the ontology's terms and blank nodes, and the ontology itself."""
        terms = {q.subject for q in self.store.quads_for_pattern(None, None, None, ONTOLOGY)}
        quads = {
            ox.Quad(q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(None, None, None, ONTOLOGY)
        }
        for term in terms:
            quads.update(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in self.store.quads_for_pattern(term, None, None, ox.DefaultGraph())
            )
        return sorted(quads, key=str)

    @cached_property
    def schema_terms(self) -> frozenset:
        """The subjects of the ontology graph (classes, properties, restrictions, lists)."""
        return frozenset(q.subject for q in self.store.quads_for_pattern(None, None, None, ONTOLOGY))

    @cached_property
    def known_states(self) -> set[str]:
        """State IRIs the canonical data defines (asserted cgo:State)."""
        return {
            q.subject.value
            for q in self.store.quads_for_pattern(
                None, to_oxigraph(RDF.type), to_oxigraph(CGO.State), ASSERTED
            )
            if isinstance(q.subject, ox.NamedNode)
        }


def load_closure(settings: Settings) -> CanonicalClosure:
    """Build (or reuse the cached build of) the canonical data and load its closure into memory.

    Raises:
        LoadError: an input does not parse (as kg.build.pipeline.build).
    """
    built = build(settings, strict=False)
    store = ox.Store()
    store.bulk_extend(
        q
        for q in ox.parse(path=str(built.dataset_path), format=ox.RdfFormat.N_QUADS)
        if q.graph_name in _KEPT_GRAPHS
    )
    closure = CanonicalClosure(version=built.version, store=store, triples=built.default_triples or 0)
    _ = closure.schema, closure.schema_terms, closure.known_states  # read before any check changes the store
    return closure


__all__ = ["ASSERTED", "ONTOLOGY", "CanonicalClosure", "load_closure"]
