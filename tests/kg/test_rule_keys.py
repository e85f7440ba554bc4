"""The build's keyed rounds (kg.build.rule_keys, kg.build.reasoning.reason_in_store; issue 13): every rule runs once,
then only the rules a later run may have fed. The oracle is the full passes (keyed=False): the same store on the
curated data, the fixture data with each contribution, synthetic data and a rule that writes an axiom; and each rule's
keys are checked against the rule itself: what it concludes has a key it writes, and the triples of the keys it reads
(with the axioms) give it the same conclusions as the whole graph."""

from __future__ import annotations

import closure_inputs as inputs
import pyoxigraph as ox
import pytest
from closure_inputs import CONTRIBUTIONS, FIXTURES, REPO
from rdflib import Graph

from bench.generate import generate
from kg import named_queries
from kg.build.reasoning import _run_to_fixpoint, instance_rules, reason_in_store, rule_updates
from kg.build.rule_keys import KeySet, keys_for, keys_of, vocabulary
from kg.querying import bind_values

CGO = "https://w3id.org/cybergov/ontology#"
EX = "https://example.org/"
OWL = "http://www.w3.org/2002/07/owl#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def ontology() -> list[ox.Triple]:
    return inputs.folder_triples(REPO / "ontology")


@pytest.fixture(scope="module")
def curated() -> list[ox.Triple]:
    return inputs.folder_triples(REPO / "data")


@pytest.fixture(scope="module")
def fixture_data() -> list[ox.Triple]:
    return inputs.folder_triples(FIXTURES / "data")


def _synthetic(seed: int) -> list[ox.Triple]:
    text, _count = generate(3000, seed=seed)
    return inputs.triples(Graph().parse(data=text, format="turtle"))


def _both(triples: list[ox.Triple]):
    keyed, full = inputs.store_of(triples), inputs.store_of(triples)
    closing = reason_in_store(keyed)
    reason_in_store(full, keyed=False)
    return closing, set(keyed), set(full)


def test_the_curated_data_closes_as_with_full_passes_and_runs_fewer_rules(ontology, curated):
    closing, keyed, full = _both(ontology + curated)
    assert keyed == full
    assert closing.keyed
    assert closing.runs < closing.rounds * closing.rules  # some runs were skipped


@pytest.mark.parametrize("path", CONTRIBUTIONS, ids=lambda p: p.name)
def test_each_contribution_with_the_fixture_data_closes_as_with_full_passes(path, ontology, fixture_data):
    contribution = inputs.triples(Graph().parse(path, format="turtle"))
    _closing, keyed, full = _both(ontology + fixture_data + contribution)
    assert keyed == full


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synthetic_data_closes_as_with_full_passes(seed, ontology):
    closing, keyed, full = _both(ontology + _synthetic(seed))
    assert keyed == full
    assert closing.bound  # prp-inv after the property chains ran with its properties bound to what they added


def _triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o))


def test_a_rule_that_writes_an_axiom_sends_the_rounds_back_to_full_passes(ontology, fixture_data):
    added = [
        _triple(EX + "narrows", RDFS + "subPropertyOf", RDFS + "subClassOf"),
        _triple(EX + "Bureau", EX + "narrows", CGO + "Organization"),
        _triple(EX + "bureau1", RDF_TYPE.value, EX + "Bureau"),
    ]
    closing, keyed, full = _both(ontology + fixture_data + added)
    assert keyed == full
    assert not closing.keyed
    assert ox.Quad(ox.NamedNode(EX + "bureau1"), RDF_TYPE, ox.NamedNode(CGO + "Organization")) in keyed


# --- each rule against its keys -------------------------------------------------------------------------------------


def _schema_closed(triples: list[ox.Triple]) -> ox.Store:
    store = inputs.store_of(triples)
    _run_to_fixpoint(store, rule_updates()[0])
    return store


@pytest.fixture(scope="module")
def graphs(ontology, curated, fixture_data) -> dict[str, ox.Store]:
    contributions = [t for p in CONTRIBUTIONS for t in inputs.triples(Graph().parse(p, format="turtle"))]
    sources = {
        "curated": ontology + curated,
        "fixtures": ontology + fixture_data + contributions,
        "synthetic": ontology + _synthetic(5),
    }
    out = {}
    for name, triples in sources.items():
        out[f"{name}-asserted"] = _schema_closed(triples)
        closed = inputs.store_of(triples)
        reason_in_store(closed, keyed=False)
        out[f"{name}-closed"] = closed
    return out


def _conclusions(store: ox.Store, folder: str, name: str) -> set[ox.Triple]:
    return set(store.query(named_queries.get(name, folder).text))


@pytest.mark.parametrize("rule", instance_rules(), ids=lambda r: r[1])
def test_a_rule_concludes_only_what_its_keys_say_it_writes(rule, graphs):
    folder, name = rule
    for label, store in graphs.items():
        keys = keys_of(name, folder, inputs.store_of(vocabulary(store)))
        outside = [t for t in _conclusions(store, folder, name) if not keys.writes.matches(t)]
        assert not outside, f"{label}: {name} concludes {outside[:3]}, which its keys do not write"


@pytest.mark.parametrize("rule", instance_rules(), ids=lambda r: r[1])
def test_a_rule_concludes_the_same_from_the_triples_its_keys_say_it_reads(rule, graphs):
    folder, name = rule
    for label, store in graphs.items():
        axioms = vocabulary(store)
        keys = keys_of(name, folder, inputs.store_of(axioms))
        read = axioms + [
            ox.Triple(q.subject, q.predicate, q.object) for q in store if keys.reads.matches(q.triple)
        ]
        assert _conclusions(inputs.store_of(read), folder, name) == _conclusions(store, folder, name), label


def _bound_rules() -> list[tuple[str, str, str]]:
    return [
        (folder, name, named_queries.get(name, folder).rerun_binds)
        for folder, name in instance_rules()
        if named_queries.get(name, folder).rerun_binds
    ]


def test_the_rules_that_bind_on_a_run_again_are_the_property_rules():
    assert {name for _folder, name, _variable in _bound_rules()} >= {"prp-inv", "prp-spo1"}


@pytest.mark.parametrize("rule", _bound_rules(), ids=lambda r: r[1])
def test_a_rule_bound_to_some_properties_concludes_what_their_triples_give_it(rule, graphs):
    """What kg.build.keyed_rounds relies on when it binds a rule's rerun_binds variable to the properties that grew:
    bound to some of the properties it reads, the rule concludes on the whole graph exactly what it concludes from
    the triples of those properties (with the axioms), for each property alone and for all of them at once."""
    folder, name, variable = rule
    text = named_queries.get(name, folder).text
    checked = 0
    for label, store in graphs.items():
        axioms = vocabulary(store)
        keys = keys_of(name, folder, inputs.store_of(axioms))
        properties = sorted(keys.reads.predicates, key=str)
        for chosen in [[p] for p in properties] + [properties]:
            if not chosen:
                continue
            read = axioms + [q.triple for q in store if q.predicate in chosen]
            bound = set(store.query(bind_values(text, variable, chosen)))
            assert bound == _conclusions(inputs.store_of(read), folder, name), (label, chosen)
            checked += bool(bound)
    if name in ("prp-inv", "prp-spo1"):
        assert checked  # the data gives these rules something to conclude


def _copy(store: ox.Store) -> ox.Store:
    return inputs.store_of([q.triple for q in store])


@pytest.mark.parametrize("rule", instance_rules(), ids=lambda r: r[1])
def test_a_rule_its_keys_call_idempotent_adds_nothing_from_its_own_conclusions(rule, graphs):
    folder, name = rule
    update = rule_updates()[1][instance_rules().index(rule)]
    checked = 0
    for label, store in graphs.items():
        if not keys_of(name, folder, inputs.store_of(vocabulary(store))).idempotent:
            continue
        work = _copy(store)
        work.update(update)
        once = len(work)
        work.update(update)
        assert len(work) == once, (
            f"{label}: {name} ran again after itself and added {len(work) - once} triples"
        )
        checked += 1
    if name in ("cax-sco", "prp-spo1", "prp-inv"):
        assert checked == len(graphs)  # the project's ontology makes these idempotent


def test_a_second_inverse_makes_prp_inv_not_idempotent(ontology):
    axiom = _triple(EX + "partyOf", OWL + "inverseOf", CGO + "hasParticipation")
    store = _schema_closed([*ontology, axiom])
    assert not keys_of("prp-inv", "build/owl2rl", inputs.store_of(vocabulary(store))).idempotent
    assert keys_of(
        "prp-inv", "build/owl2rl", inputs.store_of(vocabulary(_schema_closed(ontology)))
    ).idempotent


def test_a_second_inverse_closes_as_with_full_passes(ontology, fixture_data):
    added = [_triple(EX + "partyOf", OWL + "inverseOf", CGO + "hasParticipation")]
    closing, keyed, full = _both(ontology + fixture_data + added)
    assert keyed == full
    assert closing.keyed
    assert any(q.predicate == ox.NamedNode(EX + "partyOf") for q in keyed)


def test_a_key_left_out_of_the_reads_is_noticed(graphs):
    """The check above can fail: without cgo:participant, consented-to concludes nothing from the curated data."""
    store = graphs["curated-closed"]
    keys = keys_of("consented-to", "build/rules", inputs.store_of(vocabulary(store)))
    narrowed = KeySet(predicates=keys.reads.predicates - {ox.NamedNode(CGO + "participant")})
    read = [ox.Triple(q.subject, q.predicate, q.object) for q in store if narrowed.matches(q.triple)]
    assert _conclusions(store, "build/rules", "consented-to")
    assert _conclusions(inputs.store_of(read), "build/rules", "consented-to") == set()


def test_every_instance_rule_has_a_keys_query_and_every_keys_query_a_rule():
    rules = {(folder, name) for folder, name in instance_rules()}
    queries = {
        (folder, n)
        for folder in ("build/rules", "build/owl2rl")
        for n in named_queries.queries_in(f"{folder}/keys")
    }
    assert queries == rules


def test_keys_for_reads_the_rules_in_order():
    store = _schema_closed(inputs.folder_triples(REPO / "ontology"))
    keys = keys_for(instance_rules(), vocabulary(store))
    assert [k.name for k in keys] == [n for _f, n in instance_rules()]
    dom = keys[[n for _f, n in instance_rules()].index("prp-dom")]
    assert dom.reads.predicates and not dom.reads.anything and not dom.reads.any_type
    assert dom.writes.classes and not dom.writes.predicates and not dom.writes.anything


def _type(cls: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode("https://example.org/x"), RDF_TYPE, ox.NamedNode(cls))


def test_key_sets_meet_where_a_triple_can_match_both():
    a, b = ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/b")
    anything, nothing = KeySet(anything=True), KeySet()
    of_a, of_b = KeySet(predicates=frozenset({a})), KeySet(predicates=frozenset({b}))
    typed, typed_a = KeySet(any_type=True), KeySet(classes=frozenset({a}))
    assert anything.meets(of_a) and of_a.meets(anything) and not anything.meets(nothing)
    assert not of_a.meets(of_b) and of_a.meets(KeySet(predicates=frozenset({a, b})))
    assert typed.meets(typed_a) and typed_a.meets(typed) and not typed.meets(of_a)
    assert not typed_a.meets(KeySet(classes=frozenset({b})))
    assert typed_a.matches(_type("https://example.org/a")) and not typed_a.matches(
        _type("https://example.org/b")
    )
    assert typed.matches(_type("https://example.org/b")) and not of_a.matches(_type("https://example.org/a"))
