"""The ontology parses, is consistent under OWL 2 RL, passes its own lint shapes, and its axioms work."""

from __future__ import annotations

from pathlib import Path

from oracles import closure_owlrl
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build.loading import load_file
from kg.build.report import load_shapes, validate_graph
from kg.namespaces import CGO, ID, ORG

REPO = Path(__file__).resolve().parents[2]
ONTOLOGY = load_file(REPO / "ontology" / "cybergov.ttl", root=REPO)


def test_header_has_version_iri_and_license():
    onto = URIRef("https://w3id.org/cybergov/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ONTOLOGY.graph
    assert ONTOLOGY.graph.value(onto, OWL.versionIRI) is not None


def test_ontology_passes_its_lint_shapes():
    shapes = load_shapes([load_file(REPO / "shapes" / "ontology.ttl", root=REPO)])
    report = validate_graph(ONTOLOGY.graph, shapes, sources=[ONTOLOGY])
    assert report.conforms, [p.message for p in report.problems]


def test_ontology_is_consistent_under_owl2rl():
    result = closure_owlrl(Graph(), ONTOLOGY.graph)
    assert result.problems == []


def _close(turtle: str):
    data = Graph().parse(
        data="@prefix cgo: <https://w3id.org/cybergov/ontology#> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> .\n" + turtle,
        format="turtle",
    )
    return closure_owlrl(data, ONTOLOGY.graph)


def test_membership_chain_infers_member_of_and_inverse():
    r = _close(
        "<urn:m> a cgo:Membership ; org:member <urn:s> ; org:organization <urn:o> . <urn:s> a cgo:State ."
    )
    assert (URIRef("urn:s"), CGO.memberOf, URIRef("urn:o")) in r.inferred
    assert (URIRef("urn:o"), CGO.hasMember, URIRef("urn:s")) in r.inferred


def test_participation_rules_infer_consented_to_and_signed():
    r = _close(
        "<urn:p> a cgo:TreatyParticipation ; cgo:participant <urn:s> ; cgo:instrument <urn:t> ; "
        "cgo:signatureDate '2001-01-01' ; cgo:consentDate '2002-01-01' . "
        "<urn:q> a cgo:TreatyParticipation ; cgo:participant <urn:s2> ; cgo:instrument <urn:t> ; "
        "cgo:signatureDate '2001-01-01' ."
    )
    assert (URIRef("urn:s"), CGO.consentedTo, URIRef("urn:t")) in r.inferred
    assert (URIRef("urn:t"), CGO.consentGivenBy, URIRef("urn:s")) in r.inferred
    assert (URIRef("urn:s2"), CGO.signed, URIRef("urn:t")) in r.inferred
    assert (URIRef("urn:s2"), CGO.consentedTo, URIRef("urn:t")) not in r.inferred  # signed only
    assert (URIRef("urn:p"), RDF.type, CGO.ConsentRecord) in r.inferred


def test_transitive_sub_organization():
    r = _close("<urn:a> cgo:subOrganizationOf <urn:b> . <urn:b> cgo:subOrganizationOf <urn:c> .")
    assert (URIRef("urn:a"), CGO.transitiveSubOrganizationOf, URIRef("urn:c")) in r.inferred


def test_state_that_is_also_an_organization_is_a_contradiction():
    r = _close("<urn:x> a cgo:State , cgo:RegionalOrganization .")
    assert any("disjoint" in p.lower() for p in r.problems), r.problems


def test_two_signature_dates_are_a_contradiction():
    r = _close("<urn:p> a cgo:TreatyParticipation ; cgo:signatureDate '2001-01-01' , '2002-02-02' .")
    assert any("Functional" in p for p in r.problems), r.problems


def test_uninformative_inferences_are_dropped():
    r = _close("<urn:s> a cgo:State .")
    assert (URIRef("urn:s"), OWL.sameAs, URIRef("urn:s")) not in r.inferred
    assert (URIRef("urn:s"), RDF.type, OWL.Thing) not in r.inferred
    assert (URIRef("urn:s"), RDF.type, CGO.Actor) in r.inferred
    assert not any(str(s).startswith(str(RDFS)) for s in r.inferred.subjects())


def test_vocabularies_cover_the_contract_values():
    g = ONTOLOGY.graph
    for kind in ("ratification", "acceptance", "approval", "accession", "definitive-signature"):
        assert (ID[f"consent/{kind}"], RDF.type, CGO.ConsentKind) in g
    for role in ("member", "observer", "partner", "sponsoring-nation", "candidate"):
        assert (ID[f"role/{role}"], RDF.type, CGO.MembershipRole) in g
    assert (CGO.Membership, RDFS.subClassOf, ORG.Membership) in g
