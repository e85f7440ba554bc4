"""What the closure keeps: the informative inferred triples, and the result type of a closure.

The inferred graph keeps only informative triples: no reflexive owl:sameAs, no rdf:type
owl:Thing / rdfs:Resource, no datatype axioms about literals, no axiomatic triples about the
RDF, RDFS, OWL and XSD vocabularies themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

ERROR_CLASS = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")
ERROR_TEXT = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
_VOCAB_PREFIXES = (str(RDF), str(RDFS), str(OWL), str(XSD), "http://www.w3.org/2004/02/skos/core#")
_UNINFORMATIVE_TYPES = {
    str(t)
    for t in (
        OWL.Thing,
        RDFS.Resource,
        RDFS.Class,
        OWL.Class,
        RDF.Property,
        RDFS.Datatype,
        RDF.List,
        OWL.NamedIndividual,
    )
}
_SAME_AS, _TYPE, _SUBCLASS, _DISJOINT = (
    str(OWL.sameAs),
    str(RDF.type),
    str(RDFS.subClassOf),
    str(OWL.disjointWith),
)
_EQUIVALENT_CLASS = str(OWL.equivalentClass)
_CLASS_OR_PROPERTY_AXIOMS = {
    str(RDFS.subClassOf),
    str(OWL.equivalentClass),
    str(RDFS.subPropertyOf),
    str(OWL.equivalentProperty),
}


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


__all__ = ["ReasoningResult", "informative"]
