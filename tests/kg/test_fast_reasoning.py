"""The fast reasoning path (OWL 2 RL rules as SPARQL updates) gives what owlrl, the reference, gives (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from oracles import closure_owlrl
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF

from kg.build.loading import load_file, load_folder, merge
from kg.build.reasoning import closure_fast
from kg.namespaces import CGO, ID

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
ONTOLOGY = merge(load_folder(REPO / "ontology", root=REPO))


def comparable(graph: Graph) -> set:
    """The entailments both reasoners must agree on: no reflexive owl:sameAs, no typing of literals."""
    return {(s, p, o) for s, p, o in graph if not (p == OWL.sameAs and s == o) and not isinstance(s, Literal)}


@pytest.fixture(scope="module")
def fixture_data() -> Graph:
    return merge(load_folder(FIXTURES / "data", root=REPO))


@pytest.fixture(scope="module")
def clash() -> Graph:
    data = Graph()
    data += merge(load_folder(FIXTURES / "data", root=REPO))
    data += load_file(FIXTURES / "reasoning" / "state-organization-clash.ttl", root=REPO).graph
    return data


def test_same_entailments_as_owlrl_on_the_fixture_data(fixture_data):
    reference = closure_owlrl(fixture_data, ONTOLOGY)
    fast = closure_fast(fixture_data, ONTOLOGY)
    assert len(reference.inferred) > 0
    assert comparable(fast.inferred) == comparable(reference.inferred)
    assert fast.problems == reference.problems == []


def test_fast_path_infers_chains_inverses_and_project_rules(fixture_data):
    inferred = closure_fast(fixture_data, ONTOLOGY).inferred
    fra, coe, budapest = ID["state/FRA"], ID["organization/coe"], ID["treaty/budapest-convention"]
    assert (fra, CGO.memberOf, coe) in inferred  # property chain (prp-spo2), a SPARQL rule here
    assert (coe, CGO.hasMember, fra) in inferred  # inverse of the chain's conclusion (prp-inv)
    assert (fra, CGO.consentedTo, budapest) in inferred  # kg/build/rules/consented-to.rq
    assert (fra, RDF.type, CGO.Actor) in inferred  # subclass (cax-sco)


def test_same_contradictions_as_owlrl_on_a_state_organization_clash(clash):
    reference = closure_owlrl(clash, ONTOLOGY)
    fast = closure_fast(clash, ONTOLOGY)
    assert any("Disjoint classes" in p and "state/XXA" in p for p in reference.problems), reference.problems
    assert any("signatureDate" in p for p in reference.problems), reference.problems
    assert sorted(fast.problems) == sorted(reference.problems)
