"""Compiled constraints that start from what could fail report what pySHACL reports (issue 13).

The compiler (kg.build.shacl_compile) writes each core constraint to look first at what could fail, whatever
the targets (the subjects with too many values, the failing values), then at the targets among those; shapes
that check one path the same way share that first query (kg.build.constraint_runs runs it once). These
fixtures break several constraints of one shape on one focus node at once, share paths between shapes with
different targets, and put blank nodes where VALUES cannot hold them; pySHACL is the oracle.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, URIRef

from kg.build.report import validate_graph
from kg.build.shacl_compile import compile_shapes, has_shapes
from kg.build.validation import (
    compile_for_store,
    oxigraph_store,
    split_shapes,
    validate_compiled,
    validate_fast,
)

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix ex: <urn:ex:> .
"""

SHAPES = Graph().parse(
    data=PREFIXES
    + """
    ex:RecordShape a sh:NodeShape ; sh:targetClass ex:Record ;
        sh:property [ sh:path ex:day ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:date ; sh:pattern "^2" ;
                      sh:message "day" ] ,
                    [ sh:path ex:tag ; sh:minCount 2 ; sh:maxCount 3 ; sh:in ( ex:a ex:b ex:c ex:d ) ; sh:nodeKind sh:IRI ] ,
                    [ sh:path ex:kind ; sh:class ex:Kind ] ,
                    [ sh:path ex:note ; sh:minCount 0 ; sh:maxCount 0 ] ,
                    [ sh:path rdfs:label ; sh:uniqueLang true ; sh:languageIn ( "en" ) ] ;
        sh:or ( [ sh:path ex:left ; sh:minCount 1 ] [ sh:path ex:right ; sh:minCount 1 ] ) ;
        sh:message "left or right" .
    # the same path checked the same way for other targets: the first queries are shared
    ex:DatedShape a sh:NodeShape ; sh:targetSubjectsOf ex:day ;
        sh:property [ sh:path ex:day ; sh:maxCount 1 ; sh:datatype xsd:date ; sh:message "dated" ] .
    """,
    format="turtle",
)

DATA = Graph().parse(
    data=PREFIXES
    + """
    ex:Sub rdfs:subClassOf ex:Record .
    ex:k1 a ex:Kind .
    # every constraint of ex:day broken at once (two values, one ill-formed, one not matching), two of ex:tag,
    # a blank and an untyped value of ex:kind beside a good one, two English labels and a French one, no left/right
    ex:one a ex:Record ; ex:day "2020-01-01"^^xsd:date , "x1"^^xsd:date ;
        ex:tag ex:a ; ex:kind ex:k1 , [ ex:p 1 ] , ex:untyped ; ex:note "n" ;
        rdfs:label "one"@en , "uno"@en , "un"@fr .
    # a target through a subclass: no ex:day, too many tags, a literal among them
    ex:two a ex:Sub ; ex:tag ex:a , ex:b , ex:c , "lit" ; ex:left 1 .
    # no target of RecordShape, but one of DatedShape (shared first queries, other targets)
    ex:three ex:day "03"^^xsd:date , "2003-01-01"^^xsd:date .
    # a conforming record
    ex:four a ex:Record ; ex:day "2004-01-01"^^xsd:date ; ex:tag ex:a , ex:b ; ex:kind ex:k1 ; ex:right 1 ;
        rdfs:label "four"@en .
    # a blank focus node with too many days and a bad one (VALUES cannot bind it)
    [ a ex:Record ; ex:day "2005-01-01"^^xsd:date , "bad"^^xsd:date ; ex:tag ex:a , ex:d ; ex:left 1 ] .
    """,
    format="turtle",
)


def key(problem) -> tuple:
    """What the validators must agree on (a blank focus node by its kind: the stores name it the same)."""
    return tuple(
        str(x) for x in (problem.severity, problem.focus, problem.path, problem.value, problem.shape)
    )


def full(problems) -> list[tuple]:
    return [
        (p.severity, p.message, p.focus, p.focus_label, p.path, p.value, p.shape, p.file, p.line)
        for p in problems
    ]


@pytest.fixture(scope="module")
def reference():
    return validate_graph(DATA, SHAPES)


def test_the_fixture_is_compiled_whole():
    left, compiled = compile_shapes(split_shapes(SHAPES)[0])
    assert not has_shapes(left)
    assert sum(c.prefilter is not None for c in compiled) >= 8


def test_several_failures_of_one_shape_on_one_node_are_what_pyshacl_reports(reference):
    fast = validate_fast(DATA, SHAPES)
    on_one = [p for p in fast.problems if p.focus == "urn:ex:one"]
    assert len({p.path for p in on_one}) >= 4  # day, tag, kind, note, label and the sh:or at once
    assert sum(p.path == "urn:ex:day" for p in on_one) >= 3  # maxCount, datatype, pattern of one property
    assert sorted(map(key, fast.problems)) == sorted(map(key, reference.problems))


def test_a_first_query_shared_by_two_shapes_reports_each_shape_s_targets(reference):
    fast = validate_fast(DATA, SHAPES)
    dated = {p.focus for p in fast.problems if p.message == "dated"}
    assert {"urn:ex:one", "urn:ex:three"} <= dated  # ex:three is no record: only DatedShape targets it
    assert "urn:ex:three" not in {p.focus for p in fast.problems if p.message == "day"}


def test_a_blank_class_value_reports_itself_only(reference):
    """The first query finds a blank node among the values failing sh:class; VALUES cannot bind it, so the
    targets' values are kept to those found (the good value ex:k1 is not reported)."""
    fast = validate_fast(DATA, SHAPES)
    kinds = sorted(str(p.value) for p in fast.problems if p.path == "urn:ex:kind")
    assert kinds == ["None", "urn:ex:untyped"]  # the blank value (no value shown) and the untyped IRI
    assert sorted(key(p) for p in fast.problems if p.path == "urn:ex:kind") == sorted(
        key(p) for p in reference.problems if p.path == "urn:ex:kind"
    )


def test_a_blank_focus_node_is_checked_like_the_others(reference):
    fast = validate_fast(DATA, SHAPES)
    blank = [p for p in fast.problems if not p.focus.startswith("urn:")]
    assert {p.path for p in blank} == {"urn:ex:day"}
    # maxCount, datatype and pattern of RecordShape, maxCount and datatype of DatedShape
    assert sorted(p.shape.rsplit(":", 1)[-1] for p in blank) == ["DatedShape"] * 2 + ["RecordShape"] * 3


def test_threads_do_not_change_the_report():
    shapes = compile_for_store(SHAPES)
    store = oxigraph_store(DATA)
    one = validate_compiled(store, shapes, data=DATA, threads=1)
    four = validate_compiled(store, shapes, data=DATA, threads=4)
    assert one.problems and full(one.problems) == full(four.problems)


@pytest.mark.parametrize("node", ["urn:ex:one", "urn:ex:two", "urn:ex:three", "urn:ex:four"])
def test_a_focused_run_reports_what_the_full_run_reports_for_its_node(node):
    shapes = compile_for_store(SHAPES)
    store = oxigraph_store(DATA)
    everything = validate_compiled(store, shapes, data=DATA)
    focused = validate_compiled(store, shapes, data=DATA, focus={URIRef(node)})
    assert full(focused.problems) == full(p for p in everything.problems if p.focus == node)
    assert bool(focused.problems) == (node != "urn:ex:four")


def test_a_focused_run_on_a_blank_node_filters_the_full_run():
    shapes = compile_for_store(SHAPES)
    store = oxigraph_store(DATA)
    blank = next(s for s in DATA.subjects(URIRef("urn:ex:day"), None) if isinstance(s, BNode))
    everything = validate_compiled(store, shapes, data=DATA)
    focused = validate_compiled(store, shapes, data=DATA, focus={blank})
    assert focused.problems
    assert full(focused.problems) == full(p for p in everything.problems if p.focus == str(blank))
