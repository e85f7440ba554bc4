"""Every shape in shapes/ has a fixture that conforms and one that fails for the reason the shape exists.

Fixtures: tests/fixtures/shapes/<ShapeName>.ok.ttl and .bad.ttl, each validated together with the
ontology and the small canonical fixture (tests/fixtures/data/minimal.ttl). SHACL's own
subclass semantics (sh:class, sh:targetClass) make reasoning unnecessary for these checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build.loading import load_file, load_folder, merge
from kg.build.report import load_shapes, validate_graph
from kg.errors import ShapesError
from kg.namespaces import SH

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
SHAPES = load_shapes(load_folder(REPO / "shapes", root=REPO))
BASE = merge(
    load_folder(REPO / "ontology", root=REPO)
    + [load_file(REPO / "tests/fixtures/data/minimal.ttl", root=REPO)]
)
NODE_SHAPES = sorted(
    str(s).rsplit("#", 1)[1] for s in SHAPES.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)
)


def problems_from(shape: str, fixture: Path):
    source = load_file(fixture, root=REPO)
    data = Graph()
    data += BASE
    data += source.graph
    report = validate_graph(data, SHAPES, sources=[source])
    return [p for p in report.problems if p.shape and p.shape.endswith("#" + shape)], report


def test_there_are_shapes_for_every_area():
    assert {
        "StateShape",
        "MembershipShape",
        "TreatyParticipationShape",
        "ObligationShape",
        "OntologyTermsShape",
    } <= set(NODE_SHAPES)


@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_conforming_fixture_passes(shape):
    fixture = FIXTURES / f"{shape}.ok.ttl"
    assert fixture.exists(), f"missing fixture {fixture.name}"
    found, _ = problems_from(shape, fixture)
    violations = [p for p in found if p.severity == "Violation"]
    assert violations == []
    if declared_severity(shape) != "Violation":  # an advice shape: its good fixture gets no advice either
        assert found == []


def declared_severity(shape: str) -> str:
    severity = SHAPES.value(URIRef("https://w3id.org/cybergov/shapes#" + shape), SH.severity)
    return str(severity).rsplit("#", 1)[1] if severity else "Violation"


@pytest.mark.parametrize("shape", NODE_SHAPES)
def test_failing_fixture_fails_for_its_shape(shape):
    fixture = FIXTURES / f"{shape}.bad.ttl"
    assert fixture.exists(), f"missing fixture {fixture.name}"
    found, _ = problems_from(shape, fixture)
    severity = declared_severity(shape)
    assert [p for p in found if p.severity == severity], f"{shape} did not catch {fixture.name} as {severity}"
    if shape == "OntologyTermsShape":  # the focus is the ontology; the value is the offending term
        assert any(p.value == "https://w3id.org/cybergov/ontology#Example" for p in found)
        return
    # the problem points at the fixture file, on a line of the offending record
    located = [p for p in found if p.file == f"tests/fixtures/shapes/{fixture.name}"]
    assert located and all(p.line for p in located)


def test_every_shape_has_a_message():
    for shape in SHAPES.subjects(RDF.type, SH.NodeShape):
        constraints = list(SHAPES.objects(shape, SH.property)) + list(SHAPES.objects(shape, SH.sparql))
        for constraint in constraints:
            assert SHAPES.value(constraint, SH.message) or SHAPES.value(shape, SH.message), (
                shape,
                constraint,
            )


def test_consent_before_signature_names_record_property_and_line():
    found, _ = problems_from("TreatyParticipationShape", FIXTURES / "TreatyParticipationShape.bad.ttl")
    problem = next(p for p in found if "before the signature" in p.message)
    assert problem.focus == "https://w3id.org/cybergov/id/participation/test-treaty-2/DEU"
    assert problem.path == "https://w3id.org/cybergov/ontology#consentDate"
    assert problem.value == "2000-03-09"
    assert problem.line == 26


def test_shapes_pyshacl_refuses_are_an_error_not_an_empty_report():
    """pyshacl returns (not raises) a ValidationFailure for an invalid shape; it must not read as 'conforms'."""
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:S> a sh:NodeShape ; sh:targetNode <urn:x> ;
          sh:sparql [ sh:select "SELECT $this WHERE { { SELECT ?y WHERE { ?y ?p $this } } }" ] .""",
        format="turtle",
    )
    data = Graph().parse(data="<urn:x> <urn:p> <urn:y> .", format="turtle")
    with pytest.raises(ShapesError, match="not valid SHACL"):
        validate_graph(data, shapes)
