"""The fast reasoning path: `reasonable` (Rust OWL 2 RL) plus targeted SPARQL rules on pyoxigraph.

owlrl (kg.reasoning.closure_owlrl) stays the reference; this path gives the same informative
inferred graph and the same contradictions (tests/kg/test_fast_reasoning.py checks both on the
fixture data), in a fraction of the time. What `reasonable` leaves out is added by CONSTRUCT rules
kept in kg/owl2rl/*.rq (property chains, the schema rules on domains and ranges), applied with the
project's own rules (kg/rules/*.rq) on an in-memory pyoxigraph store until nothing new appears.
"""
from __future__ import annotations

import os
import tempfile

import pyoxigraph as ox
import reasonable
from rdflib import BNode, Graph

from kg import named_queries
from kg.reasoning import ReasoningResult, informative
from kg.terms import to_oxigraph, to_rdflib

MAX_ROUNDS = 10
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FUNCTIONAL = ox.NamedNode("http://www.w3.org/2002/07/owl#FunctionalProperty")
_OWL2RL_ERROR_TEXT = {"cax-dw": "Disjoint classes {class1} and {class2} have a common individual {resource}"}


def _plain(term):
    """reasonable types plain literals as xsd:string explicitly; rdflib keeps them plain. Same RDF 1.1 term."""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == _XSD_STRING:
        return ox.Literal(term.value)
    return term


def _triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph]


def _apply_sparql_rules(store: ox.Store, rules: list[str]) -> list[ox.Triple]:
    """Add every CONSTRUCT rule's conclusions to the store's default graph; returns the new ones."""
    new: list[ox.Triple] = []
    for rule in rules:
        fresh = [t for t in store.query(rule) if ox.Quad(t.subject, t.predicate, t.object) not in store]
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in fresh)
        new.extend(fresh)
    return new


def _for_reasonable(triple: ox.Triple, hidden: set) -> bool:
    """Whether reasonable gets this input triple.

    Functional property declarations and the ontology's blank-node axioms (property chains,
    someValuesFrom restrictions) make reasonable slow (at 100k triples, 22 s instead of 2 s); the
    SPARQL rules prp-fp, prp-spo2-* and cls-svf apply them instead, on the full store.
    """
    if triple.predicate == _RDF_TYPE and triple.object == _FUNCTIONAL:
        return False
    return triple.subject not in hidden and triple.object not in hidden


class _Reasonable:
    """One reasonable reasoner fed incrementally; its conclusions go back into the store."""

    def __init__(self, workdir: str) -> None:
        self._reasoner = reasonable.PyReasoner()
        self._path = os.path.join(workdir, "triples.ttl")  # reasonable reads only .ttl/.n3 files
        self._terms: dict = {}

    def add(self, triples) -> None:
        """Append triples to the reasoner's base (written as N-Triples, which is Turtle)."""
        ox.serialize(triples, self._path, format=ox.RdfFormat.N_TRIPLES)
        self._reasoner.load_file(self._path)

    def _term(self, term):
        converted = self._terms.get(term)
        if converted is None:
            converted = self._terms[term] = _plain(to_oxigraph(term))
        return converted

    def close_into(self, store: ox.Store) -> None:
        """Reason, and add the closure to the store's default graph."""
        term = self._term
        store.extend(ox.Quad(term(s), term(p), term(o)) for s, p, o in self._reasoner.reason())


def _owl2rl_errors(store: ox.Store) -> list[str]:
    """The OWL 2 RL inconsistencies, worded as owlrl words them."""
    problems: list[str] = []
    for name, query in named_queries.queries_in("owl2rl/errors").items():
        template = _OWL2RL_ERROR_TEXT[name]
        answer = store.query(query.text)
        names = [v.value for v in answer.variables]
        for solution in answer:
            values = {n: solution[n].value for n in names}
            problems.append("OWL 2 RL: " + template.format(**values))
    return problems


def _consistency(store: ox.Store) -> list[str]:
    """The project's consistency queries (kg/consistency), in the same words as kg.reasoning."""
    problems: list[str] = []
    for query in named_queries.queries_in("consistency").values():
        answer = store.query(query.text)
        names = [v.value for v in answer.variables]
        for solution in answer:
            values = ", ".join(f"{n}={solution[n].value}" for n in names)
            problems.append(f"{query.summary.rstrip('.')}: {values}")
    return problems


def closure_fast(asserted: Graph, ontology: Graph) -> ReasoningResult:
    """The OWL 2 RL closure with reasonable and SPARQL rules; same result as closure_owlrl.

    Args:
        asserted: the curated data.
        ontology: the ontology (its axioms drive the reasoning).
    Returns:
        the informative inferred triples (those in neither input) and any contradictions, worded
        like the reference path's.
    Raises:
        RuntimeError: the rules did not reach a fixpoint within MAX_ROUNDS rounds (a bug in a rule).
    """
    inputs = _triples(ontology) + _triples(asserted)
    hidden = {to_oxigraph(n) for t in ontology for n in (t[0], t[2]) if isinstance(n, BNode)}
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in inputs)
    rules = [q.text for q in named_queries.queries_in("rules").values()]
    rules += [q.text for q in named_queries.queries_in("owl2rl").values()]
    with tempfile.TemporaryDirectory(prefix="cybergov-reason-") as workdir:
        engine = _Reasonable(workdir)
        engine.add(q.triple for q in store if _for_reasonable(q.triple, hidden))
        engine.add(_apply_sparql_rules(store, rules))
        for _ in range(MAX_ROUNDS):
            engine.close_into(store)
            new = _apply_sparql_rules(store, rules)
            if not new:
                break
            engine.add(new)
        else:
            raise RuntimeError(f"no fixpoint after {MAX_ROUNDS} rounds of rules")
    known = set(inputs)
    inferred = Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        triple = quad.triple
        if triple in known:
            continue
        rdf_triple = (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
        if informative(rdf_triple):
            inferred.add(rdf_triple)
    problems = _owl2rl_errors(store) + _consistency(store)
    return ReasoningResult(inferred=inferred, problems=problems)


__all__ = ["closure_fast", "MAX_ROUNDS"]
