"""Semi-naive rounds (kg.build.seminaive, issue 13): a closed graph plus a few triples, closed again by reading only
what is new, equals the naive closure of the whole (kg.build.reasoning.reason_in_store), on the contribution
fixtures, on random splits of the fixture data, and when the new triples are ontology axioms (a full pass then)."""

from __future__ import annotations

import random

import closure_inputs as inputs
import pyoxigraph as ox
import pytest
from closure_inputs import CONTRIBUTIONS, FIXTURES, REPO
from rdflib import Graph

from kg.build.reasoning import reason_added, reason_in_store
from kg.build.seminaive import DELTA_PREFIX

TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def ontology() -> list[ox.Triple]:
    return inputs.folder_triples(REPO / "ontology")


@pytest.fixture(scope="module")
def data() -> list[ox.Triple]:
    return inputs.folder_triples(FIXTURES / "data")


def _naive(triples: list[ox.Triple]) -> set[ox.Quad]:
    store = inputs.store_of(triples)
    reason_in_store(store, keyed=False)
    return set(store)


def _added(base: list[ox.Triple], added: list[ox.Triple]) -> tuple[set[ox.Quad], int]:
    store = inputs.store_of(base)
    reason_in_store(store)
    rounds = reason_added(store, added)
    return set(store), rounds


@pytest.mark.parametrize("path", CONTRIBUTIONS, ids=lambda p: p.name)
def test_a_contribution_added_to_the_closed_fixture_data_gives_the_full_closure(path, ontology, data):
    contribution = inputs.triples(Graph().parse(path, format="turtle"))
    closed, rounds = _added(ontology + data, contribution)
    assert closed == _naive(ontology + data + contribution)
    assert rounds >= 1
    assert not any(
        q.graph_name.value.startswith(DELTA_PREFIX) for q in closed if isinstance(q.graph_name, ox.NamedNode)
    )


@pytest.mark.parametrize("seed", range(6))
def test_records_taken_out_and_added_back_give_the_full_closure(seed, ontology, data):
    rng = random.Random(seed)
    subjects = sorted({t.subject for t in data if isinstance(t.subject, ox.NamedNode)}, key=lambda s: s.value)
    taken = set(rng.sample(subjects, 6))
    added = [t for t in data if t.subject in taken]
    base = [t for t in data if t.subject not in taken]
    closed, _ = _added(ontology + base, added)
    assert closed == _naive(ontology + data)


@pytest.mark.parametrize("seed", range(3))
def test_records_added_without_their_types_get_them_from_domains_and_ranges(seed, ontology, data):
    rng = random.Random(seed)
    subjects = sorted({t.subject for t in data if isinstance(t.subject, ox.NamedNode)}, key=lambda s: s.value)
    taken = set(rng.sample(subjects, 6))
    untyped = [t for t in data if not (t.subject in taken and t.predicate.value == TYPE)]
    added = [t for t in untyped if t.subject in taken]
    base = [t for t in untyped if t.subject not in taken]
    closed, _ = _added(ontology + base, added)
    assert closed == _naive(ontology + untyped)


def test_ontology_axioms_added_later_give_the_full_closure(ontology, data):
    schema = {
        "http://www.w3.org/2000/01/rdf-schema#subClassOf",
        "http://www.w3.org/2002/07/owl#inverseOf",
        "http://www.w3.org/2000/01/rdf-schema#domain",
    }
    axioms = [t for t in ontology if t.predicate.value in schema and isinstance(t.subject, ox.NamedNode)]
    added = random.Random(1).sample(axioms, 8)
    base = [t for t in ontology if t not in set(added)] + data
    closed, _ = _added(base, added)
    assert closed == _naive(ontology + data)


def test_triples_already_held_change_nothing(ontology, data):
    store = inputs.store_of(ontology + data)
    reason_in_store(store)
    before = set(store)
    assert reason_added(store, data[:20]) == 0
    assert set(store) == before
