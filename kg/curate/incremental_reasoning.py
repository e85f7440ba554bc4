"""Reason from a contribution's triples against the cached canonical closure, in a small work store.

A full check closes canonical data + contribution from scratch, so its cost grows with the
canonical data. Here only the part of the graph the contribution can change is reasoned over:

1. core nodes: the contribution's subjects, grown by kg/curate/incremental/core-expansion.rq until
   nothing is new (a record's instrument and that instrument's records and rules, derived dates, ...):
   the nodes whose inferred triples the project's non-monotonic rules may change;
2. the work store: the schema part of the closure, the core nodes' asserted triples, the closed
   triples that point at core nodes from outside, the closed descriptions of the core's neighbours
   (and of the memberships kg/curate/incremental/support.rq names), and the contribution;
3. the instance rules (kg.build.reasoning.reason_instances, the build's rules; the schema part is
   already closed and a contribution that touches it takes the full path) close the work store;
4. the difference with the canonical closure: `added` (closed triples of the work store, informative,
   not in the canonical closure) and `removed` (closed canonical triples about core nodes that the
   work store no longer derives).

Outside the core only monotonic consequences can change (the OWL 2 RL rules used here only add), and
a closed neighbour's description carries everything the rules join it with. Two kinds of
contribution go to the full path instead (`None` is returned): one that touches the schema
(kg/curate/incremental/schema-change.rq), and one whose work store holds two values of a functional
property or an owl:sameAs (kg/curate/incremental/functional-conflict.rq), whose equalities spread
over the whole graph. tests/kg/test_incremental_checks.py checks the result against a full rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg import named_queries
from kg.build.informative import informative
from kg.build.reasoning import problems_in_store, reason_instances
from kg.curate.closure_cache import ASSERTED, ONTOLOGY, CanonicalClosure
from kg.querying import bind, bind_values

CONTRIBUTION = ox.NamedNode("urn:cybergov:contribution")
FOLDER = "curate/incremental"
_DEFAULT = ox.DefaultGraph()


@dataclass
class ClosureDelta:
    """How the canonical closure changes with a contribution."""

    core: set
    added: set[ox.Triple]
    removed: set[ox.Triple]
    errors: list[str]  # the OWL 2 RL errors of the closed work store, worded as kg.build.reasoning words them
    work_triples: int


def touches_schema(base: CanonicalClosure) -> bool:
    """Whether the contribution (in graph CONTRIBUTION of base.store) states axioms or describes ontology terms."""
    query = bind(
        named_queries.get("schema-change", FOLDER).text, {"contribution": CONTRIBUTION, "ontology": ONTOLOGY}
    )
    return bool(base.store.query(query))


def _bindable(nodes) -> list:
    return sorted((n for n in nodes if isinstance(n, ox.NamedNode)), key=lambda n: n.value)


def _neighbours(store: ox.Store, query: str, variable: str, nodes: set) -> set:
    """The answers of a one-variable query for the given nodes (IRIs through VALUES; blank nodes one by one)."""
    found: set = set()
    iris = _bindable(nodes)
    if iris:
        found.update(row[variable] for row in store.query(bind_values(query, "node", iris)))
    for blank in (n for n in nodes if isinstance(n, ox.BlankNode)):
        found.update(row[variable] for row in store.query(query, substitutions={ox.Variable("node"): blank}))
    return found


def core_nodes(base: CanonicalClosure, seeds: set) -> set:
    """The seeds and every node core-expansion.rq reaches from them (on the closure with the contribution)."""
    query = named_queries.get("core-expansion", FOLDER).text
    core = {n for n in seeds if not isinstance(n, ox.Literal)} - base.schema_terms
    frontier = set(core)
    while frontier:
        found = _neighbours(base.store, query, "next", frontier) - base.schema_terms
        frontier = found - core
        core |= frontier
    return core


def _closed(store: ox.Store, subject=None, obj=None):
    return store.quads_for_pattern(subject, None, obj, _DEFAULT)


def work_store(base: CanonicalClosure, core: set) -> ox.Store:
    """The small store the rules close (see the module docstring, step 2)."""
    store = base.store
    quads: set[ox.Quad] = set(base.schema)
    neighbours: set = set()
    for node in core:
        for q in store.quads_for_pattern(node, None, None, ASSERTED):
            quads.add(ox.Quad(q.subject, q.predicate, q.object))
            if not isinstance(q.object, ox.Literal):
                neighbours.add(q.object)
        for q in _closed(store, obj=node):
            if q.subject not in core:
                quads.add(ox.Quad(q.subject, q.predicate, q.object))
                neighbours.add(q.subject)
    neighbours |= _neighbours(store, named_queries.get("support", FOLDER).text, "support", core)
    for node in neighbours - core - base.schema_terms:
        quads.update(ox.Quad(q.subject, q.predicate, q.object) for q in _closed(store, subject=node))
    work = ox.Store()
    work.bulk_extend(quads)
    return work


def has_functional_conflict(work: ox.Store) -> bool:
    """Whether the closed work store equates two terms (see the module docstring)."""
    return bool(work.query(named_queries.get("functional-conflict", FOLDER).text))


def closure_delta(base: CanonicalClosure, seeds: set) -> ClosureDelta | None:
    """Reason incrementally; base.store must already hold the contribution (default, asserted and CONTRIBUTION graphs).

    Args:
        base: the canonical closure with the contribution added.
        seeds: the contribution's subjects.
    Returns:
        the change to the closure, or None when the contribution must be checked on the full path.
    """
    if touches_schema(base):
        return None
    core = core_nodes(base, seeds)
    work = work_store(base, core)
    reason_instances(work)
    if has_functional_conflict(work):
        return None
    closed = base.store
    added: set[ox.Triple] = set()
    for q in work.quads_for_pattern(None, None, None, _DEFAULT):
        if ox.Quad(q.subject, q.predicate, q.object) not in closed and informative(
            (q.subject, q.predicate, q.object)
        ):
            added.add(ox.Triple(q.subject, q.predicate, q.object))
    removed = {
        ox.Triple(q.subject, q.predicate, q.object)
        for node in core
        for q in _closed(closed, subject=node)
        if q not in work
    }
    return ClosureDelta(
        core=core, added=added, removed=removed, errors=problems_in_store(work), work_triples=len(work)
    )


__all__ = ["CONTRIBUTION", "ClosureDelta", "closure_delta", "core_nodes", "touches_schema", "work_store"]
