"""The inferred graph computed on N-Triples lines (kg.build.inferred, issue 13) keeps exactly what
kg.build.informative.informative keeps: uninformative.rq, its SPARQL form, is compared with it on every combination
of subjects, predicates and objects that takes each of its branches (vocabulary terms, blank nodes, reflexive
axioms, the uninformative types, literals)."""

from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest

from kg.build.inferred import as_quads, as_triples, graph_lines, inferred_lines, line_slices, split_blank
from kg.build.informative import informative

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
EX = "https://example.org/"

SUBJECTS = [
    ox.NamedNode(EX + "a"),
    ox.NamedNode(EX + "Class"),
    ox.BlankNode("b1"),
    ox.BlankNode("b2"),
    *(ox.NamedNode(ns + "term") for ns in (RDF, RDFS, OWL, XSD, SKOS)),
    ox.NamedNode("http://www.w3.org/2004/02/skos/other"),  # not under a vocabulary's namespace
]
PREDICATES = [
    ox.NamedNode(EX + "p"),
    ox.NamedNode(OWL + "sameAs"),
    ox.NamedNode(RDF + "type"),
    ox.NamedNode(RDFS + "subClassOf"),
    ox.NamedNode(OWL + "equivalentClass"),
    ox.NamedNode(RDFS + "subPropertyOf"),
    ox.NamedNode(OWL + "equivalentProperty"),
    ox.NamedNode(OWL + "disjointWith"),
    ox.NamedNode(RDFS + "label"),
]
OBJECTS = [
    *SUBJECTS,
    *(
        ox.NamedNode(t)
        for t in (
            OWL + "Thing",
            RDFS + "Resource",
            RDFS + "Class",
            OWL + "Class",
            RDF + "Property",
            RDFS + "Datatype",
            RDF + "List",
            OWL + "NamedIndividual",
        )
    ),
    ox.NamedNode(EX + "Other"),
    ox.Literal("x", language="en"),
    ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal(EX + "a"),  # a literal that reads like the subject IRI
]
TRIPLES = [ox.Triple(s, p, o) for s, p, o in itertools.product(SUBJECTS, PREDICATES, OBJECTS)]
GRAPH = ox.NamedNode("urn:test:asserted")


def _store(triples: list[ox.Triple], asserted: list[ox.Triple]) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    store.extend(ox.Quad(t.subject, t.predicate, t.object, GRAPH) for t in asserted)
    return store


def test_the_grid_takes_every_branch_of_informative():
    """Both answers occur for each predicate, so a wrong branch in the SPARQL would show."""
    kept = {t for t in TRIPLES if informative((t.subject, t.predicate, t.object))}
    assert 0 < len(kept) < len(TRIPLES)
    for predicate in PREDICATES:
        answers = {t in kept for t in TRIPLES if t.predicate == predicate}
        assert answers == {True, False}, predicate


def test_inferred_lines_keep_what_informative_keeps():
    store = _store(TRIPLES, [])
    lines = inferred_lines(store, set(), prune=False)
    assert set(as_triples(lines)) == {t for t in TRIPLES if informative((t.subject, t.predicate, t.object))}
    assert len(store) == len(TRIPLES)  # not pruned


@pytest.mark.parametrize("seed", range(3))
def test_asserted_triples_are_not_inferred_and_survive_the_prune(seed):
    import random

    rng = random.Random(seed)
    asserted = rng.sample(TRIPLES, len(TRIPLES) // 3)
    store = _store(TRIPLES, asserted)
    lines = inferred_lines(store, graph_lines(store, GRAPH), prune=True)
    expected = {t for t in TRIPLES if informative((t.subject, t.predicate, t.object))} - set(asserted)
    assert set(as_triples(lines)) == expected
    assert len(lines.splitlines()) == len(expected)
    default = {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    }
    assert default == expected | set(asserted)


def test_blank_nodes_keep_their_ids_across_stores():
    """The build's inputs live in another store than the closure: a copied term writes the same line."""
    triples = [ox.Triple(ox.BlankNode("b1"), ox.NamedNode(EX + "p"), ox.BlankNode("b2"))]
    other = _store([], triples)
    closure = _store(triples + [ox.Triple(ox.BlankNode("b1"), ox.NamedNode(EX + "q"), ox.Literal("v"))], [])
    lines = inferred_lines(closure, graph_lines(other, GRAPH), prune=True)
    assert as_triples(lines) == [ox.Triple(ox.BlankNode("b1"), ox.NamedNode(EX + "q"), ox.Literal("v"))]


def test_as_quads_puts_lines_in_a_named_graph():
    lines = inferred_lines(_store(TRIPLES, []), set(), prune=False)
    quads = list(ox.parse(as_quads(lines, GRAPH), format=ox.RdfFormat.N_QUADS, rename_blank_nodes=False))
    assert {q.graph_name for q in quads} == {GRAPH}
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads} == set(as_triples(lines))


def test_as_quads_leaves_a_literal_that_ends_like_a_line_as_it_is():
    """A literal with " .\n" in it is written escaped (N-Triples has no newline inside a line), so the one replace
    that turns lines into quads touches only the lines' ends."""
    store = ox.Store()
    literal = ox.Literal("the end .\nand more . ")
    store.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), literal))
    lines = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    (quad,) = ox.parse(as_quads(lines, GRAPH), format=ox.RdfFormat.N_QUADS)
    assert quad.object == literal and quad.graph_name == GRAPH


def _lines_of(triples: list[ox.Triple]) -> bytes:
    store = _store(triples, [])
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def test_split_blank_keeps_the_lines_with_a_blank_node_apart_in_order():
    lines = _lines_of(TRIPLES)
    plain, blank = split_blank(lines)
    every = lines.splitlines(keepends=True)
    assert plain == b"".join(line for line in every if b"_:" not in line)
    assert blank == b"".join(line for line in every if b"_:" in line)
    assert blank and plain  # the combinations hold both kinds
    assert split_blank(plain) == (plain, b"")
    assert split_blank(blank) == (b"", blank)


@pytest.mark.parametrize("size", [1, 50, 1000, 1 << 30])
def test_line_slices_are_whole_lines_that_make_the_text(size):
    lines = _lines_of(TRIPLES)
    slices = list(line_slices(lines, size))
    assert b"".join(slices) == lines
    assert all(piece.endswith(b"\n") for piece in slices)
    longest = max(len(line) for line in lines.splitlines(keepends=True))
    assert all(len(piece) < size + longest for piece in slices)
    if size == 1:
        assert slices == lines.splitlines(keepends=True)
    if size >= len(lines):
        assert slices == [lines]
