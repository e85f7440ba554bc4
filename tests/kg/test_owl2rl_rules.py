"""One test per OWL 2 RL rule file in kg/build/owl2rl/ (issue 12): each rule, run alone on its premises, gives
its conclusion, and owlrl (the reference) entails the same conclusion from the same premises.

Each case's docstring is the rule's if/then, named after the rule tables of the OWL 2 RL profile
(https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules). A case
also names a triple the rule must not add (a near miss), so a rule that over-reaches fails too.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from oracles import owlrl_expand
from rdflib import Graph

from kg import named_queries
from kg.build.reasoning import _as_insert, problems_in_store
from kg.terms import to_oxigraph, to_rdflib

PREFIXES = """
@prefix ex: <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


class Case:
    """A rule's premises (Turtle), the triples it must conclude and one it must not."""

    def __init__(
        self,
        rule: str,
        doc: str,
        premises: str,
        concludes: str,
        not_concludes: str = "",
        *,
        owlrl_agrees: bool = True,
    ) -> None:
        self.rule, self.doc = rule, doc
        self.premises, self.concludes, self.not_concludes = premises, concludes, not_concludes
        self.owlrl_agrees = owlrl_agrees


CASES = [
    Case(
        "cax-eqc",
        "cax-eqc1/2: IF c1 owl:equivalentClass c2 AND x a c1 THEN x a c2 (and back).",
        "ex:A owl:equivalentClass ex:B . ex:x a ex:A . ex:y a ex:B .",
        "ex:x a ex:B . ex:y a ex:A .",
        "ex:x a ex:C .",
    ),
    Case(
        "cax-sco",
        "cax-sco: IF c1 rdfs:subClassOf c2 AND x a c1 THEN x a c2.",
        "ex:A rdfs:subClassOf ex:B . ex:x a ex:A .",
        "ex:x a ex:B .",
        "ex:y a ex:B .",
    ),
    Case(
        "cls-hv-avf",
        "cls-hv1: IF x a [hasValue v; onProperty p] THEN x p v. cls-hv2: IF x p v THEN x a the "
        "restriction. cls-avf: IF x a [allValuesFrom y; onProperty p] AND x p z THEN z a y.",
        "ex:R owl:hasValue ex:v ; owl:onProperty ex:p . ex:x a ex:R . "
        "ex:S owl:allValuesFrom ex:Y ; owl:onProperty ex:q . ex:w a ex:S ; ex:q ex:z . ex:u ex:p ex:v .",
        "ex:x ex:p ex:v . ex:z a ex:Y . ex:u a ex:R .",
        "ex:w a ex:Y .",
    ),
    Case(
        "cls-int-uni",
        "cls-int1: IF c intersectionOf (c1..cn) AND y a each ci THEN y a c. cls-int2: IF y a c "
        "THEN y a each ci. cls-uni: IF c unionOf (c1..cn) AND y a ci THEN y a c.",
        "ex:I owl:intersectionOf (ex:A ex:B) . ex:y a ex:A , ex:B . ex:z a ex:I . "
        "ex:U owl:unionOf (ex:C ex:D) . ex:u a ex:D . ex:half a ex:A .",
        "ex:y a ex:I . ex:z a ex:A , ex:B . ex:u a ex:U .",
        "ex:half a ex:I .",
    ),
    Case(
        "cls-svf",
        "cls-svf1 with cax-sco: IF r someValuesFrom d; onProperty p AND r rdfs:subClassOf c AND "
        "x p y AND y a d THEN x a c (cls-svf2: any y when d is owl:Thing).",
        "ex:R owl:someValuesFrom ex:D ; owl:onProperty ex:p ; rdfs:subClassOf ex:C . "
        "ex:x ex:p ex:y . ex:y a ex:D . ex:w ex:p ex:n .",
        "ex:x a ex:C .",
        "ex:w a ex:C .",
    ),
    Case(
        "eq-rep",
        "eq-rep-s/p/o: IF s owl:sameAs s2 AND s p o THEN s2 p o (likewise in predicate and object).",
        "ex:a owl:sameAs ex:b . ex:a ex:p ex:o . ex:s ex:a ex:o2 . ex:s3 ex:p3 ex:a .",
        "ex:b ex:p ex:o . ex:s ex:b ex:o2 . ex:s3 ex:p3 ex:b .",
        "ex:b ex:p ex:o2 .",
    ),
    Case(
        "eq-sym-trans",
        "eq-sym: IF x sameAs y THEN y sameAs x. eq-trans: IF x sameAs y AND y sameAs z THEN x sameAs z.",
        "ex:x owl:sameAs ex:y . ex:y owl:sameAs ex:z .",
        "ex:y owl:sameAs ex:x . ex:x owl:sameAs ex:z .",
        "ex:x owl:sameAs ex:w .",
    ),
    Case(
        "prp-dom",
        "prp-dom: IF p rdfs:domain c AND x p y THEN x a c.",
        "ex:p rdfs:domain ex:C . ex:x ex:p ex:y .",
        "ex:x a ex:C .",
        "ex:y a ex:C .",
    ),
    Case(
        "prp-eqp",
        "prp-eqp1/2: IF p1 owl:equivalentProperty p2 AND x p1 y THEN x p2 y (and back).",
        "ex:p owl:equivalentProperty ex:q . ex:x ex:p ex:y . ex:a ex:q ex:b .",
        "ex:x ex:q ex:y . ex:a ex:p ex:b .",
        "ex:y ex:q ex:x .",
    ),
    Case(
        "prp-fp",
        "prp-fp: IF p a owl:FunctionalProperty AND x p y1 AND x p y2 THEN y1 sameAs y2.",
        "ex:p a owl:FunctionalProperty . ex:x ex:p ex:y1 , ex:y2 . ex:w ex:p ex:y3 .",
        "ex:y1 owl:sameAs ex:y2 .",
        "ex:y1 owl:sameAs ex:y3 .",
    ),
    Case(
        "prp-fp-literals",
        "prp-fp then eq-rep-o for literals: IF p is functional AND x p v1 AND x p v2 (literals) "
        "THEN every s q v1 gives s q v2 (what owlrl entails from the equality).",
        'ex:p a owl:FunctionalProperty . ex:x ex:p "1" , "2" . ex:s ex:q "1" .',
        'ex:s ex:q "2" .',
        'ex:s ex:q "3" .',
    ),
    Case(
        "prp-ifp",
        "prp-ifp: IF p a owl:InverseFunctionalProperty AND x1 p y AND x2 p y THEN x1 sameAs x2.",
        "ex:p a owl:InverseFunctionalProperty . ex:x1 ex:p ex:y . ex:x2 ex:p ex:y . ex:x3 ex:p ex:z .",
        "ex:x1 owl:sameAs ex:x2 .",
        "ex:x1 owl:sameAs ex:x3 .",
    ),
    Case(
        "prp-inv",
        "prp-inv1/2: IF p1 owl:inverseOf p2 AND x p1 y THEN y p2 x (and back).",
        "ex:p owl:inverseOf ex:q . ex:x ex:p ex:y . ex:a ex:q ex:b .",
        "ex:y ex:q ex:x . ex:b ex:p ex:a .",
        "ex:x ex:q ex:y .",
    ),
    Case(
        "prp-rng",
        "prp-rng: IF p rdfs:range c AND x p y THEN y a c.",
        "ex:p rdfs:range ex:C . ex:x ex:p ex:y .",
        "ex:y a ex:C .",
        "ex:x a ex:C .",
    ),
    Case(
        "prp-spo1",
        "prp-spo1: IF p1 rdfs:subPropertyOf p2 AND x p1 y THEN x p2 y.",
        "ex:p rdfs:subPropertyOf ex:q . ex:x ex:p ex:y . ex:a ex:q ex:b .",
        "ex:x ex:q ex:y .",
        "ex:a ex:p ex:b .",
    ),
    Case(
        "prp-spo2-chain2",
        "prp-spo2 (two links): IF p propertyChainAxiom (p1 p2) AND x p1 y AND y p2 z THEN x p z.",
        "ex:p owl:propertyChainAxiom (ex:p1 ex:p2) . ex:x ex:p1 ex:y . ex:y ex:p2 ex:z . ex:y ex:p1 ex:w .",
        "ex:x ex:p ex:z .",
        "ex:y ex:p ex:w .",
    ),
    Case(
        "prp-spo2-chain3",
        "prp-spo2 (three links): IF p propertyChainAxiom (p1 p2 p3) AND x p1 y AND y p2 w AND "
        "w p3 z THEN x p z.",
        "ex:p owl:propertyChainAxiom (ex:p1 ex:p2 ex:p3) . ex:x ex:p1 ex:y . ex:y ex:p2 ex:w . ex:w ex:p3 ex:z . "
        "ex:a ex:p1 ex:y .",
        "ex:x ex:p ex:z . ex:a ex:p ex:z .",
        "ex:x ex:p ex:w .",
    ),
    Case(
        "prp-symp",
        "prp-symp: IF p a owl:SymmetricProperty AND x p y THEN y p x.",
        "ex:p a owl:SymmetricProperty . ex:x ex:p ex:y . ex:a ex:q ex:b .",
        "ex:y ex:p ex:x .",
        "ex:b ex:q ex:a .",
    ),
    Case(
        "prp-trp",
        "prp-trp: IF p a owl:TransitiveProperty AND x p y AND y p z THEN x p z.",
        "ex:p a owl:TransitiveProperty . ex:x ex:p ex:y . ex:y ex:p ex:z . ex:a ex:q ex:b . ex:b ex:q ex:c .",
        "ex:x ex:p ex:z .",
        "ex:a ex:q ex:c .",
    ),
    Case(
        "scm-cls",
        "scm-cls: IF c a owl:Class THEN c subClassOf c, c equivalentClass c, c subClassOf owl:Thing, "
        "owl:Nothing subClassOf c.",
        "ex:C a owl:Class .",
        "ex:C rdfs:subClassOf ex:C , owl:Thing . ex:C owl:equivalentClass ex:C . owl:Nothing rdfs:subClassOf ex:C .",
        "ex:C rdfs:subClassOf ex:D .",
    ),
    Case(
        "scm-dom1",
        "scm-dom1: IF p rdfs:domain c1 AND c1 subClassOf c2 THEN p rdfs:domain c2.",
        "ex:p rdfs:domain ex:A . ex:A rdfs:subClassOf ex:B .",
        "ex:p rdfs:domain ex:B .",
        "ex:p rdfs:range ex:B .",
    ),
    Case(
        "scm-dom2",
        "scm-dom2: IF p2 rdfs:domain c AND p1 subPropertyOf p2 THEN p1 rdfs:domain c.",
        "ex:q rdfs:domain ex:C . ex:p rdfs:subPropertyOf ex:q .",
        "ex:p rdfs:domain ex:C .",
        "ex:q rdfs:domain ex:D .",
    ),
    Case(
        "scm-eqc",
        "scm-eqc1: IF c1 equivalentClass c2 THEN each is a subclass of the other. scm-eqc2: IF c1 "
        "subClassOf c2 AND c2 subClassOf c1 THEN c1 equivalentClass c2.",
        "ex:A owl:equivalentClass ex:B . ex:C rdfs:subClassOf ex:D . ex:D rdfs:subClassOf ex:C .",
        "ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:A . ex:C owl:equivalentClass ex:D .",
        "ex:A owl:equivalentClass ex:C .",
    ),
    Case(
        "scm-eqp",
        "scm-eqp1: IF p1 equivalentProperty p2 THEN each is a subproperty of the other. scm-eqp2: IF "
        "p1 subPropertyOf p2 AND p2 subPropertyOf p1 THEN p1 equivalentProperty p2.",
        "ex:p owl:equivalentProperty ex:q . ex:r rdfs:subPropertyOf ex:s . ex:s rdfs:subPropertyOf ex:r .",
        "ex:p rdfs:subPropertyOf ex:q . ex:q rdfs:subPropertyOf ex:p . ex:r owl:equivalentProperty ex:s .",
        "ex:p owl:equivalentProperty ex:r .",
    ),
    Case(
        "scm-int-uni",
        "scm-int: IF c intersectionOf (c1..cn) THEN c subClassOf each ci. scm-uni: IF c unionOf "
        "(c1..cn) THEN each ci subClassOf c.",
        "ex:I owl:intersectionOf (ex:A ex:B) . ex:U owl:unionOf (ex:C ex:D) .",
        "ex:I rdfs:subClassOf ex:A , ex:B . ex:C rdfs:subClassOf ex:U . ex:D rdfs:subClassOf ex:U .",
        "ex:A rdfs:subClassOf ex:I .",
    ),
    Case(
        "scm-op-dp",
        "scm-op / scm-dp: IF p a owl:ObjectProperty (or owl:DatatypeProperty) THEN p subPropertyOf p "
        "AND p equivalentProperty p.",
        "ex:p a owl:ObjectProperty . ex:d a owl:DatatypeProperty .",
        "ex:p rdfs:subPropertyOf ex:p . ex:p owl:equivalentProperty ex:p . ex:d rdfs:subPropertyOf ex:d .",
        "ex:p rdfs:subPropertyOf ex:d .",
    ),
    Case(
        "scm-restrictions",
        "scm-hv: IF c1 hasValue i onProperty p1, c2 hasValue i onProperty p2, p1 subPropertyOf "
        "p2 THEN c1 subClassOf c2. scm-svf1/2, scm-avf1/2 likewise for someValuesFrom and "
        "allValuesFrom.",
        "ex:H1 owl:hasValue ex:i ; owl:onProperty ex:p1 . ex:H2 owl:hasValue ex:i ; owl:onProperty ex:p2 . "
        "ex:p1 rdfs:subPropertyOf ex:p2 . "
        "ex:S1 owl:someValuesFrom ex:Y1 ; owl:onProperty ex:q . ex:S2 owl:someValuesFrom ex:Y2 ; owl:onProperty ex:q . "
        "ex:Y1 rdfs:subClassOf ex:Y2 . "
        "ex:A1 owl:allValuesFrom ex:Z1 ; owl:onProperty ex:r . ex:A2 owl:allValuesFrom ex:Z2 ; owl:onProperty ex:r . "
        "ex:Z1 rdfs:subClassOf ex:Z2 . "
        "ex:T1 owl:someValuesFrom ex:Y ; owl:onProperty ex:s1 . ex:T2 owl:someValuesFrom ex:Y ; owl:onProperty ex:s2 . "
        "ex:s1 rdfs:subPropertyOf ex:s2 . "
        "ex:B1 owl:allValuesFrom ex:Z ; owl:onProperty ex:t1 . ex:B2 owl:allValuesFrom ex:Z ; owl:onProperty ex:t2 . "
        "ex:t2 rdfs:subPropertyOf ex:t1 .",
        "ex:H1 rdfs:subClassOf ex:H2 . ex:S1 rdfs:subClassOf ex:S2 . ex:A1 rdfs:subClassOf ex:A2 . "
        "ex:T1 rdfs:subClassOf ex:T2 . ex:B1 rdfs:subClassOf ex:B2 .",
        "ex:H2 rdfs:subClassOf ex:H1 .",
    ),
    Case(
        "scm-rng1",
        "scm-rng1: IF p rdfs:range c1 AND c1 subClassOf c2 THEN p rdfs:range c2.",
        "ex:p rdfs:range ex:A . ex:A rdfs:subClassOf ex:B .",
        "ex:p rdfs:range ex:B .",
        "ex:p rdfs:domain ex:B .",
    ),
    Case(
        "scm-rng2",
        "scm-rng2: IF p2 rdfs:range c AND p1 subPropertyOf p2 THEN p1 rdfs:range c.",
        "ex:q rdfs:range ex:C . ex:p rdfs:subPropertyOf ex:q .",
        "ex:p rdfs:range ex:C .",
        "ex:q rdfs:range ex:D .",
    ),
    Case(
        "scm-sco",
        "scm-sco: IF c1 subClassOf c2 AND c2 subClassOf c3 THEN c1 subClassOf c3.",
        "ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:C .",
        "ex:A rdfs:subClassOf ex:C .",
        "ex:C rdfs:subClassOf ex:A .",
    ),
    Case(
        "scm-spo",
        "scm-spo: IF p1 subPropertyOf p2 AND p2 subPropertyOf p3 THEN p1 subPropertyOf p3.",
        "ex:p rdfs:subPropertyOf ex:q . ex:q rdfs:subPropertyOf ex:r .",
        "ex:p rdfs:subPropertyOf ex:r .",
        "ex:r rdfs:subPropertyOf ex:p .",
    ),
]


def _graph(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + turtle, format="turtle")


def _rule_alone(rule: str, premises: Graph) -> set:
    """The premises closed under one rule file only, on pyoxigraph."""
    store = ox.Store()
    store.extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph()) for s, p, o in premises
    )
    update = _as_insert(named_queries.queries_in("build/owl2rl")[rule].text)
    for _ in range(10):
        before = len(store)
        store.update(update)
        if len(store) == before:
            break
    return {(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in store}


def _owlrl(premises: Graph) -> Graph:
    graph = Graph()
    graph += premises
    owlrl_expand(graph)
    return graph


def test_every_rule_file_has_a_case():
    assert sorted(c.rule for c in CASES) == sorted(named_queries.queries_in("build/owl2rl"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule(case: Case):
    premises = _graph(case.premises)
    closed = _rule_alone(case.rule, premises)
    expected = set(_graph(case.concludes))
    assert expected - set(premises), "the case must ask for something new"
    assert expected <= closed, f"{case.rule} did not conclude {expected - closed}"
    for triple in _graph(case.not_concludes):
        assert triple not in closed, f"{case.rule} over-reached: {triple}"
    reference = _owlrl(premises)
    assert all(t in reference for t in expected), "owlrl does not entail what the rule concludes"


def test_cax_dw_reports_a_common_instance():
    """cax-dw: IF c1 owl:disjointWith c2 AND x a c1 AND x a c2 THEN false (reported, as owlrl words it)."""
    store = ox.Store()
    premises = _graph("ex:A owl:disjointWith ex:B . ex:x a ex:A , ex:B . ex:y a ex:A .")
    store.extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph()) for s, p, o in premises
    )
    rows = list(store.query(named_queries.queries_in("build/owl2rl/errors")["cax-dw"].text))
    assert [r["resource"].value for r in rows] == ["http://example.org/x"]
    assert any("Disjoint" in str(o) for o in _owlrl(premises).objects())


# The guard: an OWL construct with no rule fails the build (kg/build/owl2rl/errors/unsupported-construct.rq).


def _store(premises: Graph) -> ox.Store:
    store = ox.Store()
    store.extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph()) for s, p, o in premises
    )
    return store


@pytest.mark.parametrize(
    ("turtle", "construct"),
    [
        ("ex:C owl:hasKey (ex:p) .", "owl#hasKey"),
        ("ex:p a owl:AsymmetricProperty .", "owl#AsymmetricProperty"),
        ("ex:R owl:maxCardinality 1 ; owl:onProperty ex:p .", "owl#maxCardinality"),
        ("ex:x owl:differentFrom ex:y .", "owl#differentFrom"),
        ("ex:p owl:propertyChainAxiom (ex:a ex:b ex:c ex:d) .", "owl#propertyChainAxiom"),
    ],
)
def test_a_construct_without_a_rule_is_reported_by_name(turtle, construct):
    problems = problems_in_store(_store(_graph(turtle)))
    assert len(problems) == 1 and construct in problems[0] and "no rule" in problems[0], problems


def test_the_constructs_with_rules_pass_the_guard():
    every_case = Graph()
    for case in CASES:
        every_case += _graph(case.premises)
    every_case += _graph("ex:p owl:propertyChainAxiom (ex:a ex:b ex:c) . ex:A owl:disjointWith ex:B .")
    assert [p for p in problems_in_store(_store(every_case)) if "no rule" in p] == []
