"""The reasoning tests' inputs as pyoxigraph triples (tests/kg/test_seminaive.py, tests/kg/test_rule_keys.py): a
folder's Turtle, the contribution fixtures, and a store whose default graph holds some triples."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.build.loading import load_folder, merge
from kg.terms import to_oxigraph

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CONTRIBUTIONS = sorted(
    p
    for p in (FIXTURES / "contributions").glob("*.ttl")
    if p.name not in ("syntax-errors.ttl", "oversized.ttl")
)


def triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph]


def folder_triples(folder: Path) -> list[ox.Triple]:
    """The triples of every source file under folder (kg.build.loading)."""
    return triples(merge(load_folder(folder, root=REPO)))


def store_of(some: list[ox.Triple]) -> ox.Store:
    """A store whose default graph holds the triples."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in some)
    return store
