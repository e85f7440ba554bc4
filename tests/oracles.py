"""The standards' reference implementations, as test oracles (issue 12).

The product runs one path: OWL 2 RL rules on pyoxigraph (kg.build.reasoning) and SHACL compiled to SPARQL
(kg.build.validation). The tests compare it with owlrl's closure and pySHACL's report, here. owlrl is a
test dependency only; pySHACL stays in the product as the fallback for shapes the compiler cannot compile.
"""

from __future__ import annotations

import owlrl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import _toPythonMapping

from kg import named_queries
from kg.build.informative import ReasoningResult, informative

ERROR_CLASS = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")
ERROR_TEXT = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")


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
    owlrl_expand(work)
    if apply_rules(work):
        owlrl_expand(work)
    return _result(work, asserted, ontology)


def owlrl_expand(graph: Graph) -> None:
    """owlrl's OWL 2 RL closure of graph, in place, leaving rdflib as it found it.

    owlrl swaps rdflib's table of literal conversions for its own while it runs and, after, puts back only the
    entries rdflib's table names: its own conversions of xsd:gYear and the like stay, and later rdflib queries
    compare such literals differently (a test of the curated data, run after, found no NATO founder in 1949).
    """
    saved = dict(_toPythonMapping)
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(
            graph
        )
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)


def _result(work: Graph, asserted: Graph, ontology: Graph) -> ReasoningResult:
    problems = [
        str(msg) for err in work.subjects(RDF.type, ERROR_CLASS) for msg in work.objects(err, ERROR_TEXT)
    ]
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
