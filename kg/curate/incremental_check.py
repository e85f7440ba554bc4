"""Put a contribution and its consequences into the cached canonical closure for one check, then take them out.

The closure (kg.curate.closure_cache) stays in memory between checks; copying it for each check
would cost as much as the data is large. Instead, for the length of one check, the contribution's
triples are added to its default, asserted and contribution graphs, the change to the closure
computed by kg.curate.incremental_reasoning is applied (triples added, triples no longer derived
taken away), the shapes and checks run on the store, and everything is undone in the same order
it was done. Only what was not already there is added (and so removed afterwards).

A check that is interrupted while undoing (out of memory in a worker) leaves the closure marked
damaged: its owner must load it again before the next check (kg.curate.worker does).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib import Graph

from kg.curate.closure_cache import ASSERTED, CanonicalClosure
from kg.curate.incremental_reasoning import CONTRIBUTION, ClosureDelta, closure_delta
from kg.errors import KgError
from kg.terms import to_oxigraph

_DEFAULT = ox.DefaultGraph()


class DamagedClosure(KgError):
    """The cached closure was left half-changed by an interrupted check: load it again."""


@contextmanager
def contribution_applied(closure: CanonicalClosure, contribution: Graph) -> Iterator[ClosureDelta | None]:
    """The closure with the contribution and its consequences in it; restored on leaving.

    Yields:
        the change to the closure (already applied), or None when the contribution needs the full path
        (the store then holds the contribution only, and is restored all the same).
    Raises:
        DamagedClosure: the closure was left damaged by an earlier interrupted check.
    """
    if closure.damaged:
        raise DamagedClosure("the cached canonical closure was left damaged by an interrupted check")
    store = closure.store
    triples = [(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in contribution]
    added: list[ox.Quad] = []
    taken: list[ox.Quad] = []
    closure.damaged = True
    try:
        for graph in (_DEFAULT, ASSERTED, CONTRIBUTION):
            for triple in triples:
                quad = ox.Quad(*triple, graph)
                if quad not in store:
                    store.add(quad)
                    added.append(quad)
        delta = closure_delta(closure, {s for s, _p, _o in triples})
        if delta is not None:
            for triple in delta.added:
                quad = ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT)
                if quad not in store:
                    store.add(quad)
                    added.append(quad)
            for triple in delta.removed:
                quad = ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT)
                if quad in store:
                    store.remove(quad)
                    taken.append(quad)
        yield delta
    finally:
        for quad in reversed(added):
            store.remove(quad)
        for quad in taken:
            store.add(quad)
        closure.damaged = False


__all__ = ["DamagedClosure", "contribution_applied"]
