"""Pre-bound $this in SPARQL-based constraints (SHACL 5.3.1, appendix B) on the fast validator.

kg.build.prebinding says which queries SHACL forbids and which ones the fast validator may run over all targets
at once; kg.build.validation rejects the first, leaves to pyshacl what the rewrite would get wrong, and collects
a constraint's prefixes along sh:prefixes/owl:imports*/sh:declare.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.build.loading import load_folder
from kg.build.prebinding import joins_like_prebinding, not_allowed
from kg.build.report import load_shapes
from kg.build.validation import split_shapes, validate_fast
from kg.errors import ShapesError
from kg.namespaces import SH

REPO = Path(__file__).resolve().parents[2]
EX = "http://example.org/"


def _shapes(select: str, extra: str = "") -> Graph:
    return Graph().parse(
        data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ex: <{EX}> .
        ex:Shape a sh:NodeShape ; sh:targetNode ex:a, ex:b ;
            sh:sparql [ sh:prefixes ex:prefixes ; sh:select \"\"\"{select}\"\"\" ] .
        ex:prefixes sh:declare [ sh:prefix "ex" ; sh:namespace "{EX}"^^xsd:anyURI ] .
        {extra}
        """,
        format="turtle",
    )


DATA = Graph().parse(data=f"<{EX}a> <{EX}p> <{EX}c> . <{EX}b> <{EX}p> <{EX}d> .", format="turtle")


@pytest.mark.parametrize(
    "select",
    [
        # $this read in a group that is evaluated before the targets are joined: pre-binding is needed
        # (a UNION branch too, but pyshacl's rdflib then reports every target: W3C pre-binding-002 has one)
        "SELECT $this WHERE { { { FILTER ($this = ex:a) } } }",
        "SELECT $this WHERE { { SELECT $this WHERE { FILTER ($this = ex:a) } } }",
        "SELECT $this WHERE { OPTIONAL { BIND ($this AS ?x) } FILTER ($this = ex:a) }",
    ],
)
def test_a_query_that_needs_prebinding_stays_with_pyshacl_and_reports_what_shacl_says(select):
    shapes = _shapes(select)
    assert not joins_like_prebinding(select)
    _core, taken = split_shapes(shapes)
    assert taken == []
    # the constraint left behind still runs (its node shape is not compiled away with its targets)
    assert [p.focus for p in validate_fast(DATA, shapes).problems] == [EX + "a"]


@pytest.mark.parametrize(
    "select",
    [
        "SELECT $this WHERE { FILTER ($this = ex:a) }",
        "SELECT $this WHERE { BIND ($this AS ?that) FILTER (?that = ex:a) }",
        "SELECT $this WHERE { $this ex:p ?o . FILTER NOT EXISTS { FILTER ($this != ex:a) } }",
        "SELECT $this WHERE { { $this ex:p ?o } UNION { $this ex:q ?o } FILTER (?o = ex:c) }",
        "SELECT $this WHERE { { SELECT $this ?o WHERE { $this ex:p ?o } } FILTER (?o = ex:c) }",
    ],
)
def test_a_query_that_joins_like_prebinding_runs_rewritten(select):
    shapes = _shapes(select)
    assert joins_like_prebinding(select)
    _core, taken = split_shapes(shapes)
    assert len(taken) == 1
    assert [p.focus for p in validate_fast(DATA, shapes).problems] == [EX + "a"]


def test_limit_is_per_focus_node_under_prebinding():
    select = "SELECT $this WHERE { $this ex:p ?o } LIMIT 1"
    assert not joins_like_prebinding(select)
    assert sorted(p.focus for p in validate_fast(DATA, _shapes(select)).problems) == [EX + "a", EX + "b"]


@pytest.mark.parametrize(
    ("select", "reason"),
    [
        ("SELECT $this WHERE { $this ?p ?o MINUS { $this ?p ex:c } }", "MINUS"),
        ("SELECT $this WHERE { VALUES ?o { ex:c } $this ?p ?o }", "VALUES"),
        ("SELECT $this WHERE { $this ?p ?o SERVICE <http://example.org/s> { ?a ?b ?c } }", "SERVICE"),
        ("SELECT $this WHERE { BIND (ex:a AS $this) }", "AS"),
        ("SELECT $this WHERE { { SELECT * WHERE { $this ?p ?o } } }", "SELECT *"),
        ("SELECT $this WHERE { $this ?p ?o { SELECT ?o WHERE { ?x ?p ?o } } }", "does not return $this"),
    ],
)
def test_a_query_shacl_forbids_fails_the_validation(select, reason):
    assert reason in not_allowed(select)
    with pytest.raises(ShapesError, match="not valid SHACL"):
        validate_fast(DATA, _shapes(select))


def test_the_words_in_a_string_or_an_iri_are_not_clauses():
    select = 'SELECT $this WHERE { $this <http://example.org/VALUES> ?o FILTER (?o != "MINUS SERVICE") }'
    assert not_allowed(select) is None
    assert joins_like_prebinding(select)


def test_prefixes_are_collected_through_owl_imports():
    """SHACL 5.2.1: the prefixes are the values of sh:prefixes/owl:imports*/sh:declare."""
    shapes = _shapes(
        "SELECT $this WHERE { $this ex:p other:c }",
        extra='ex:prefixes owl:imports ex:more . ex:more sh:declare [ sh:prefix "other" ; '
        f'sh:namespace "{EX}"^^xsd:anyURI ] .',
    )
    _core, taken = split_shapes(shapes)
    assert "PREFIX other: <http://example.org/>" in taken[0].query
    assert [p.focus for p in validate_fast(DATA, shapes).problems] == [EX + "a"]


def test_every_sparql_constraint_of_the_project_runs_rewritten():
    """The project's own shapes read $this where the targets bind it: none is left to pyshacl's pre-binding
    (which would run it once per focus node), and none is one SHACL forbids."""
    shapes = load_shapes(load_folder(REPO / "shapes", root=REPO))
    core, taken = split_shapes(shapes)
    assert len(taken) == len(list(shapes.subject_objects(SH.sparql))) >= 20
    assert list(core.subject_objects(SH.sparql)) == []
