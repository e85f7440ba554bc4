"""OWL 2 RL reasoning: owlrl (the reference) plus the project's rules, into a separate inferred graph.

The inferred graph keeps only informative triples: no reflexive owl:sameAs, no rdf:type
owl:Thing / rdfs:Resource, no datatype axioms about literals, no axiomatic triples about the
RDF, RDFS, OWL and XSD vocabularies themselves.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg import named_queries
from kg.namespaces import CGO

ERROR_CLASS = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")
ERROR_TEXT = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
_VOCAB_PREFIXES = (str(RDF), str(RDFS), str(OWL), str(XSD), "http://www.w3.org/2004/02/skos/core#")
_UNINFORMATIVE_TYPES = {OWL.Thing, RDFS.Resource, RDFS.Class, OWL.Class, RDF.Property, RDFS.Datatype,
                        RDF.List, OWL.NamedIndividual}


@dataclass
class ReasoningResult:
    """What the reasoner added, and the contradictions it found (plain-English messages)."""

    inferred: Graph
    problems: list[str] = field(default_factory=list)


def informative(triple) -> bool:
    """Whether an entailed triple is worth keeping in the inferred graph."""
    s, p, o = triple
    if isinstance(s, Literal):
        return False
    if p == OWL.sameAs and s == o:
        return False
    if p == RDF.type and (o in _UNINFORMATIVE_TYPES or isinstance(o, BNode)):
        return False
    if isinstance(s, URIRef) and str(s).startswith(_VOCAB_PREFIXES):
        return False
    if isinstance(o, URIRef) and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass,
                                      OWL.equivalentProperty) and str(o).startswith(_VOCAB_PREFIXES):
        return False
    if p in (RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf, OWL.equivalentProperty) and s == o:
        return False
    if isinstance(s, BNode) and p in (RDFS.subClassOf, OWL.equivalentClass, RDF.type):
        return False
    if p == RDFS.subClassOf and isinstance(o, BNode):
        return False
    if p == OWL.disjointWith and (isinstance(s, BNode) or isinstance(o, BNode)):
        return False
    return True


def apply_rules(graph: Graph) -> int:
    """Add the CONSTRUCT rules in kg/rules to graph in place; returns the number of new triples."""
    before = len(graph)
    for rule in named_queries.queries_in("rules").values():
        for triple in graph.query(rule.text):
            graph.add(triple)
    return len(graph) - before


def consistency_problems(graph: Graph) -> list[str]:
    """Contradictions in a closed graph, from the queries in kg/consistency, in plain English."""
    problems: list[str] = []
    for query in named_queries.queries_in("consistency").values():
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
    problems = [f"OWL 2 RL: {m}" for m in problems]
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
    """Dispatch to the configured reasoner ('owlrl' is the reference; 'fast' uses reasonable if installed)."""
    if reasoner == "fast":
        from kg.fast_reasoning import closure_fast  # optional dependency

        return closure_fast(asserted, ontology)
    return closure_owlrl(asserted, ontology)


__all__ = ["ReasoningResult", "closure", "closure_owlrl", "apply_rules", "consistency_problems", "informative", "CGO"]
