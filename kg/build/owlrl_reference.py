"""OWL 2 RL reasoning: owlrl (the reference) plus the project's rules, into a separate inferred graph.

The inferred graph keeps only informative triples: no reflexive owl:sameAs, no rdf:type
owl:Thing / rdfs:Resource, no datatype axioms about literals, no axiomatic triples about the
RDF, RDFS, OWL and XSD vocabularies themselves.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import owlrl
import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg import named_queries
from kg.namespaces import CGO

ERROR_CLASS = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")
ERROR_TEXT = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
_VOCAB_PREFIXES = (str(RDF), str(RDFS), str(OWL), str(XSD), "http://www.w3.org/2004/02/skos/core#")
_UNINFORMATIVE_TYPES = {str(t) for t in (OWL.Thing, RDFS.Resource, RDFS.Class, OWL.Class, RDF.Property,
                                          RDFS.Datatype, RDF.List, OWL.NamedIndividual)}
_SAME_AS, _TYPE, _SUBCLASS, _DISJOINT = str(OWL.sameAs), str(RDF.type), str(RDFS.subClassOf), str(OWL.disjointWith)
_EQUIVALENT_CLASS = str(OWL.equivalentClass)
_CLASS_OR_PROPERTY_AXIOMS = {str(RDFS.subClassOf), str(OWL.equivalentClass), str(RDFS.subPropertyOf),
                             str(OWL.equivalentProperty)}


@dataclass
class ReasoningResult:
    """What the reasoner added, and the contradictions it found (plain-English messages)."""

    inferred: Graph
    problems: list[str] = field(default_factory=list)


def _kind(term) -> str:
    """'iri', 'bnode' or 'literal' for an rdflib or a pyoxigraph term."""
    if isinstance(term, (URIRef, ox.NamedNode)):
        return "iri"
    if isinstance(term, (BNode, ox.BlankNode)):
        return "bnode"
    return "literal"


def _text(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)) else str(term)


def informative(triple) -> bool:
    """Whether an entailed triple is worth keeping in the inferred graph (rdflib or pyoxigraph terms)."""
    s, p, o = triple
    s_kind, o_kind = _kind(s), _kind(o)
    p_iri, s_text, o_text = _text(p), _text(s), _text(o)
    if s_kind == "literal":
        return False
    if p_iri == _SAME_AS and s == o:
        return False
    if p_iri == _TYPE and ((o_kind == "iri" and o_text in _UNINFORMATIVE_TYPES) or o_kind == "bnode"):
        return False
    if s_kind == "iri" and s_text.startswith(_VOCAB_PREFIXES):
        return False
    if o_kind == "iri" and p_iri in _CLASS_OR_PROPERTY_AXIOMS and o_text.startswith(_VOCAB_PREFIXES):
        return False
    if p_iri in _CLASS_OR_PROPERTY_AXIOMS and s == o:
        return False
    if s_kind == "bnode" and p_iri in (_SUBCLASS, _EQUIVALENT_CLASS, _TYPE):
        return False
    if p_iri == _SUBCLASS and o_kind == "bnode":
        return False
    if p_iri == _DISJOINT and "bnode" in (s_kind, o_kind):
        return False
    return True


def apply_rules(graph: Graph) -> int:
    """Add the CONSTRUCT rules in kg/build/rules to graph in place; returns the number of new triples."""
    before = len(graph)
    for rule in named_queries.queries_in("build/rules").values():
        for triple in graph.query(rule.text):
            graph.add(triple)
    return len(graph) - before


def consistency_problems(graph: Graph) -> list[str]:
    """Contradictions in a closed graph, from the queries in kg/build/consistency, in plain English."""
    problems: list[str] = []
    for query in named_queries.queries_in("build/consistency").values():
        for row in graph.query(query.text):
            values = ", ".join(f"{var}={row[var]}" for var in row.labels)
            problems.append(f"{query.summary.rstrip('.')}: {values}")
    return problems


def closure_owlrl(asserted: Graph, ontology: Graph) -> ReasoningResult:
    """The OWL 2 RL closure with owlrl, the project's rules, and the inferred triples alone.

    Args:
        asserted: the curated data.
        ontology: the ontology (its axioms drive the reasoning).
    Returns:
        the informative inferred triples (those in neither input) and any contradictions.
    """
    work = Graph()
    work += ontology
    work += asserted
    apply_rules(work)
    engine = owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False)
    engine.expand(work)
    if apply_rules(work):
        engine.expand(work)
    return _result(work, asserted, ontology)


def _result(work: Graph, asserted: Graph, ontology: Graph) -> ReasoningResult:
    problems = [str(msg) for err in work.subjects(RDF.type, ERROR_CLASS) for msg in work.objects(err, ERROR_TEXT)]
    # each once: owlrl adds an error node per expansion, and the rules may take two expansions
    problems = list(dict.fromkeys(f"OWL 2 RL: {m}" for m in problems))
    inferred = Graph()
    for triple in work:
        if triple[1] == ERROR_TEXT or triple[2] == ERROR_CLASS:
            continue
        if triple in asserted or triple in ontology:
            continue
        if informative(triple):
            inferred.add(triple)
    problems += consistency_problems(work)
    return ReasoningResult(inferred=inferred, problems=problems)


def closure(asserted: Graph, ontology: Graph, *, reasoner: str = "owlrl") -> ReasoningResult:
    """Dispatch to the configured reasoner ('owlrl' is the reference; 'fast' runs the rules on pyoxigraph)."""
    if reasoner == "fast":
        from kg.build.reasoning import closure_fast  # imported here: kg.build.reasoning imports this module

        return closure_fast(asserted, ontology)
    return closure_owlrl(asserted, ontology)


__all__ = ["ReasoningResult", "closure", "closure_owlrl", "apply_rules", "consistency_problems", "informative", "CGO"]
