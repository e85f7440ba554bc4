"""Fast SHACL (SPARQL constraints on pyoxigraph, core by pyshacl) reports what pyshacl reports (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.build.loading import load_file, load_folder, merge
from kg.build.reasoning import closure_fast
from kg.build.report import load_shapes, validate_graph
from kg.build.shacl_compile import compile_shapes, has_shapes
from kg.build.validation import split_shapes, touched_nodes, validate_fast
from kg.namespaces import SH

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
SHAPES = load_shapes(load_folder(REPO / "shapes", root=REPO))
ONTOLOGY = merge(load_folder(REPO / "ontology", root=REPO))
CANONICAL = load_file(FIXTURES / "data" / "minimal.ttl", root=REPO)
BAD = [load_file(p, root=REPO) for p in sorted((FIXTURES / "shapes").glob("*.bad.ttl"))]


def key(problem) -> tuple:
    """What both validators must agree on (pyshacl attaches two messages to some results, in no order)."""
    return tuple(
        str(x)
        for x in (
            problem.severity,
            problem.focus,
            problem.path,
            problem.value,
            problem.shape,
            problem.file,
            problem.line,
        )
    )


@pytest.fixture(scope="module")
def invalid():
    """The canonical fixture with every failing shape fixture, reasoned."""
    asserted = merge([CANONICAL, *BAD])
    data = Graph()
    data += ONTOLOGY
    data += asserted
    data += closure_fast(asserted, ONTOLOGY).inferred
    return data


def test_sparql_constraints_are_taken_out_of_the_shapes():
    core, constraints = split_shapes(SHAPES)
    assert len(constraints) >= 10
    assert len(list(core.subject_objects(SH.sparql))) < len(list(SHAPES.subject_objects(SH.sparql)))
    assert all("$this" not in c.query and "?this" in c.query for c in constraints)


def test_full_fast_validation_reports_what_pyshacl_reports(invalid):
    reference = validate_graph(invalid, SHAPES, sources=[CANONICAL, *BAD])
    fast = validate_fast(invalid, SHAPES, sources=[CANONICAL, *BAD])
    assert reference.violation_count > len(BAD) / 2
    assert sorted(map(key, fast.problems)) == sorted(map(key, reference.problems))


def test_sparql_constraint_messages_are_filled_in(invalid):
    fast = validate_fast(invalid, SHAPES, sources=[CANONICAL, *BAD])
    messages = [p.message for p in fast.problems]
    assert messages and not any("{?" in m or "{$" in m for m in messages)


def test_focused_validation_finds_a_contribution_s_problems_and_only_those(invalid):
    contribution = next(s for s in BAD if s.name.endswith("TreatyParticipationShape.bad.ttl"))
    focus = touched_nodes(contribution.graph)
    reference = validate_graph(invalid, SHAPES, sources=[CANONICAL, *BAD])
    expected = sorted(key(p) for p in reference.problems if p.file == contribution.name)
    fast = validate_fast(invalid, SHAPES, sources=[CANONICAL, *BAD], focus=focus)
    assert expected
    assert sorted(key(p) for p in fast.problems if p.file == contribution.name) == expected
    assert all(p.file in (contribution.name, CANONICAL.name, None) for p in fast.problems)


def test_touched_nodes_are_subjects_objects_and_their_inferred_neighbours():
    contribution = Graph().parse(
        data="<urn:m> <http://www.w3.org/ns/org#member> <urn:s> ; <urn:p> 'x' .", format="turtle"
    )
    inferred = Graph().parse(data="<urn:o> <urn:hasMember> <urn:s> .", format="turtle")
    nodes = {str(n) for n in touched_nodes(contribution, inferred)}
    assert nodes == {"urn:m", "urn:s", "urn:o"}


def test_every_project_shape_compiles_to_sparql():
    core, _ = split_shapes(SHAPES)
    left, compiled = compile_shapes(core)
    assert not has_shapes(left)  # pyshacl has nothing left to run on a build
    components = {c.query.split("WHERE")[0] for c in compiled}
    assert len(compiled) > 50 and len(components) >= 2


def test_a_shape_the_compiler_does_not_know_stays_with_pyshacl(invalid):
    extra = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix cgo: <https://w3id.org/cybergov/ontology#> .
        <urn:shape:HasValue> a sh:NodeShape ; sh:targetClass cgo:State ;
            sh:property [ sh:path cgo:alpha2Code ; sh:hasValue "ZZ" ; sh:message "hasValue test" ] .""",
        format="turtle",
    )
    shapes = Graph()
    shapes += SHAPES
    shapes += extra
    left, _ = compile_shapes(split_shapes(shapes)[0])
    assert has_shapes(left)
    reference = validate_graph(invalid, shapes, sources=[CANONICAL, *BAD])
    fast = validate_fast(invalid, shapes, sources=[CANONICAL, *BAD])
    assert any(p.message == "hasValue test" for p in fast.problems)
    assert sorted(map(key, fast.problems)) == sorted(map(key, reference.problems))


def test_duplicate_records_are_found_by_both_validators():
    """The duplicate checks have a set-at-once form (cgsh:fastSelect) for the fast validator; both must agree."""
    extra = Graph().parse(
        data="""
        @prefix cgo: <https://w3id.org/cybergov/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix dct: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix id: <https://w3id.org/cybergov/id/> .
        id:membership\\/coe\\/FRA-again a cgo:Membership ; org:member id:state\\/FRA ; org:organization id:organization\\/coe ;
            org:role id:role\\/member ; cgo:startDate "1949-08-03"^^xsd:date ;
            dct:source <https://example.org/source> ; cgo:asOf "2026-01-01"^^xsd:date ; cgo:evidence <https://w3id.org/cybergov/id/evidence/official> .
        id:participation\\/budapest-convention\\/FRA-again a cgo:TreatyParticipation ;
            cgo:participant id:state\\/FRA ; cgo:instrument id:treaty\\/budapest-convention ;
            cgo:signatureDate "2001-11-23"^^xsd:date ;
            dct:source <https://example.org/source> ; cgo:asOf "2026-01-01"^^xsd:date ; cgo:evidence <https://w3id.org/cybergov/id/evidence/official> .
        """,
        format="turtle",
    )
    asserted = merge([CANONICAL])
    asserted += extra
    data = Graph()
    data += ONTOLOGY
    data += asserted
    data += closure_fast(asserted, ONTOLOGY).inferred
    reference = validate_graph(data, SHAPES, sources=[CANONICAL])
    fast = validate_fast(data, SHAPES, sources=[CANONICAL])
    duplicates = [
        p for p in fast.problems if "duplicate" in p.message or "same participant and treaty" in p.message
    ]
    assert {p.focus.rsplit("/", 2)[-2] for p in duplicates} >= {"coe", "budapest-convention"}
    assert len(duplicates) >= 4  # each record of a pair reports the other
    assert sorted(map(key, fast.problems)) == sorted(map(key, reference.problems))
