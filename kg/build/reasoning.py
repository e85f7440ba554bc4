"""The fast reasoning path: OWL 2 RL rules as SPARQL updates, run inside a pyoxigraph store.

owlrl is the test oracle (tests/oracles.py): this path gives the same informative inferred graph and the same
contradictions (tests/kg/test_fast_reasoning.py, test_owl2rl_rules.py, test_real_data_oracle.py). The OWL 2 RL
rules the ontology can trigger are CONSTRUCT queries in kg/build/owl2rl/ (one file per rule or rule family,
named after the rule tables of the OWL 2 RL profile), the project's own rules are in kg/build/rules/; each
runs as `INSERT { template } WHERE { pattern }` on the store's default graph, so no triple crosses into Python
until the closure is complete. After a first pass of every rule, a rule runs again only when a later run added a
triple it reads (kg.build.keyed_rounds, with each rule's keys from kg.build.rule_keys), until none did; full passes
repeated until the store stops growing (keyed=False) are the oracle in the tests.

Entry points:
    reason_in_store(store)                 close the default graph of a store in place
    reason_added(store, added)             close it again after adding a few triples (semi-naive)
    inferred_quads(store, inputs)          what the closure added, informative triples only
    problems_in_store(store)               contradictions, worded as the reference path words them
    closure_fast(asserted, ontology)       the same for rdflib graphs (contribution checks, tests)
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph

from kg import named_queries
from kg.build.inferred import as_triples, graph_lines, inferred_lines
from kg.build.informative import ReasoningResult
from kg.build.keyed_rounds import close_in_rounds
from kg.build.rule_keys import keys_for, vocabulary
from kg.build.seminaive import Rule, close_added, rule
from kg.sparql_tokens import first_keyword, replaced
from kg.terms import to_oxigraph, to_rdflib

MAX_ROUNDS = 20
_OWL2RL_ERROR_TEXT = {
    "cax-dw": "Disjoint classes {class1} and {class2} have a common individual {resource}",
    "unsupported-construct": "{construct} (used by {resource}) has no rule in kg/build/owl2rl, so its entailments would be "
    "missing: add a rule or do not use the construct",
}


def _as_insert(text: str) -> str:
    """A CONSTRUCT rule as the SPARQL update that adds its conclusions to the default graph."""
    keyword = first_keyword(text)
    if keyword is None or keyword.text.upper() != "CONSTRUCT":
        raise ValueError("a rule must be a CONSTRUCT query")
    return replaced(text, [(keyword, "INSERT")])


# The order in which a pass applies the rules: the schema rules (names starting "scm-") run to their
# own fixpoint first (they touch only the ontology's axioms, so their rounds are cheap); then one pass
# of the instance rules, ordered so that a pass does nearly all the work: the project's rules, then
# the rules that add property values (inverses before and after the chains), then the rules that add
# types. A last pass only confirms that nothing is new. OWL 2 RL rules not named here run last.
INSTANCE_ORDER = (
    "eq-sym-trans",
    "eq-rep",
    "prp-fp",
    "prp-fp-literals",
    "prp-ifp",
    "prp-spo1",
    "prp-eqp",
    "prp-symp",
    "prp-inv",
    "prp-spo2-chain2",
    "prp-spo2-chain3",
    "prp-trp",
    "prp-inv",
    "prp-dom",
    "prp-rng",
    "cls-hv-avf",
    "cls-svf",
    "cls-int-uni",
    "cax-eqc",
    "cax-sco",
)


def instance_rules() -> list[tuple[str, str]]:
    """The instance rules as (folder, name), in the order a pass runs them: the project's rules, then INSTANCE_ORDER,
    then the other OWL 2 RL rules that are not schema rules (named "scm-")."""
    owl2rl = named_queries.queries_in("build/owl2rl")
    rest = sorted(set(owl2rl) - set(INSTANCE_ORDER) - {n for n in owl2rl if n.startswith("scm-")})
    ordered = [("build/rules", n) for n in named_queries.queries_in("build/rules")]
    return ordered + [("build/owl2rl", n) for n in [*INSTANCE_ORDER, *rest] if n in owl2rl]


def _schema_rules() -> list[str]:
    return sorted(n for n in named_queries.queries_in("build/owl2rl") if n.startswith("scm-"))


def rule_updates() -> tuple[list[str], list[str]]:
    """The rules as SPARQL updates: (schema rules, instance rules in the order of instance_rules)."""
    schema = [_as_insert(named_queries.get(n, "build/owl2rl").text) for n in _schema_rules()]
    instance = [_as_insert(named_queries.get(n, folder).text) for folder, n in instance_rules()]
    return schema, instance


def rules() -> tuple[list[Rule], list[Rule]]:
    """The rules with their semi-naive forms (kg.build.seminaive), in the order of rule_updates."""
    return [rule(n, "build/owl2rl") for n in _schema_rules()], [rule(n, f) for f, n in instance_rules()]


def _schema_axioms(store: ox.Store) -> int:
    """How many triples of the predicates the schema rules write (kg/build/pipeline_queries/schema-count.rq)."""
    answer = store.query(named_queries.get("schema-count", "build/pipeline_queries").text)
    return int(next(iter(answer))["n"].value)


def _run_to_fixpoint(store: ox.Store, updates: list[str]) -> None:
    """Apply the schema rules in rounds until they add nothing (counted over what they write, not the whole store)."""
    for _ in range(MAX_ROUNDS):
        before = _schema_axioms(store)
        for update in updates:
            store.update(update)
        if _schema_axioms(store) == before:
            return
    raise RuntimeError(f"no fixpoint after {MAX_ROUNDS} rounds of rules")


@dataclass(frozen=True)
class Closing:
    """How reason_in_store closed a store: rounds (the first runs every rule) and rule runs in all."""

    rounds: int
    runs: int
    rules: int  # instance rules in a pass
    keyed: bool  # False: full passes (the keys did not hold, or were not used)
    bound: int = 0  # runs again with a rule's rerun_binds variable bound to what grew (kg.build.keyed_rounds)


def _naive(
    store: ox.Store, schema: list[str], instance: list[str], rounds: int = 0, runs: int = 0
) -> Closing:
    """Full passes (the schema rules to their fixpoint, if any, then every instance rule) until one adds nothing."""
    for passes in range(rounds + 1, MAX_ROUNDS + 1):
        if schema:
            _run_to_fixpoint(store, schema)
        before = len(store)
        for update in instance:
            store.update(update)
        runs += len(instance)
        if len(store) == before:
            return Closing(rounds=passes, runs=runs, rules=len(instance), keyed=False)
    raise RuntimeError(f"no fixpoint after {MAX_ROUNDS} passes of rules")


def reason_in_store(store: ox.Store, *, keyed: bool = True) -> Closing:
    """Close the store's default graph under the rules, in place.

    The schema rules run to their fixpoint, then every instance rule once; after that, a rule runs again only while
    a run after its own last one added a triple it reads (kg.build.rule_keys), in the same order, until no rule has
    anything new to read. Skipped runs are those that would add nothing, so the result is that of full passes
    repeated until one adds nothing (keyed=False, the oracle in tests/kg/test_rule_keys.py). The keys are computed
    over the closed axioms; if a run adds an axiom, the remaining rounds are full passes.

    Args:
        store: a pyoxigraph store whose default graph holds the ontology and the data.
        keyed: run again only the rules whose input changed (False: full passes).
    Returns:
        the rounds and rule runs it took.
    Raises:
        RuntimeError: no fixpoint within MAX_ROUNDS rounds (a bug in a rule).
    """
    schema, instance = rule_updates()
    if not keyed:
        return _naive(store, schema, instance)
    _run_to_fixpoint(store, schema)
    axioms = vocabulary(store)
    keys = keys_for(instance_rules(), axioms)
    binds = [named_queries.get(n, folder).rerun_binds for folder, n in instance_rules()]
    taken = close_in_rounds(
        store,
        instance,
        keys,
        max_rounds=MAX_ROUNDS,
        holds=lambda: len(vocabulary(store)) == len(axioms),
        binds=binds,
    )
    if not taken.held:  # a rule added an axiom: the keys may not hold, so full passes follow
        return _naive(store, schema, instance, rounds=taken.rounds, runs=taken.runs)
    return Closing(rounds=taken.rounds, runs=taken.runs, rules=len(instance), keyed=True, bound=taken.bound)


def reason_added(store: ox.Store, added: list[ox.Triple]) -> int:
    """Extend a closed default graph with added triples and close it again, in semi-naive rounds (kg.build.seminaive).

    Only what the added triples can reach is evaluated: each rule runs its semi-naive forms over them (or its guard
    decides whether it runs at all), which is what a contribution check needs (a few triples against a closed graph).
    The result is the closure of the whole: the same as reason_in_store on the graph with the triples added
    (tests/kg/test_seminaive.py).

    Args:
        store: a store whose default graph reason_in_store closed (its named graphs are left as they are).
        added: the new triples (those the store holds already change nothing).
    Returns:
        the number of rounds of the instance rules it took (0: nothing was new).
    Raises:
        RuntimeError: no fixpoint within MAX_ROUNDS rounds (a bug in a rule).
    """
    schema, instance = rules()
    return close_added(store, added, schema, instance, max_rounds=MAX_ROUNDS)


def reason_instances(store: ox.Store) -> int:
    """Close the store's default graph under the instance rules only, in place.

    For a store whose schema part (the class and property axioms) is already closed and which gets no
    new axioms: the incremental contribution checks (kg.curate.incremental_reasoning), whose work store
    holds the closed schema of the canonical build. Same result as reason_in_store there.

    Returns:
        the number of passes of the instance rules it took.
    Raises:
        RuntimeError: no fixpoint within MAX_ROUNDS rounds (a bug in a rule).
    """
    return _naive(store, [], rule_updates()[1]).rounds


def inferred_quads(
    store: ox.Store,
    inputs: list[ox.NamedNode],
    into: ox.NamedNode | None = None,
    prune: bool = False,
    known: ox.Store | None = None,
    known_graphs: list[ox.NamedNode] | None = None,
) -> list[ox.Triple]:
    """The informative triples of the default graph that were not asserted (kg.build.inferred, as terms).

    Args:
        store: a store closed by reason_in_store.
        inputs: the named graphs of store that hold what was asserted (ontology and data).
        into: if given, also add the triples to this named graph of store.
        prune: also remove the uninformative entailments from the default graph, which then holds
            exactly inputs + inferred (what the reference path validates).
        known, known_graphs: what was asserted, when it is in another store (same blank nodes).
    Returns:
        the inferred triples.
    """
    asserted = graph_lines(store, *inputs)
    asserted.update(graph_lines(known if known is not None else store, *(known_graphs or [])))
    inferred = as_triples(inferred_lines(store, asserted, prune=prune))
    if into is not None:
        store.extend(ox.Quad(t.subject, t.predicate, t.object, into) for t in inferred)
    return inferred


def _owl2rl_errors(store: ox.Store) -> list[str]:
    """The OWL 2 RL inconsistencies, worded as owlrl words them."""
    problems: list[str] = []
    for name, query in named_queries.queries_in("build/owl2rl/errors").items():
        template = _OWL2RL_ERROR_TEXT[name]
        answer = store.query(query.text)
        names = [v.value for v in answer.variables]
        for solution in answer:
            values = {n: solution[n].value for n in names}
            problems.append("OWL 2 RL: " + template.format(**values))
    return problems


def _consistency(store: ox.Store) -> list[str]:
    """The project's consistency queries (kg/build/consistency), in the same words as owlrl's (tests/oracles.py)."""
    problems: list[str] = []
    for query in named_queries.queries_in("build/consistency").values():
        answer = store.query(query.text)
        names = [v.value for v in answer.variables]
        for solution in answer:
            values = ", ".join(f"{n}={solution[n].value}" for n in names)
            problems.append(f"{query.summary.rstrip('.')}: {values}")
    return problems


def problems_in_store(store: ox.Store) -> list[str]:
    """The contradictions of a closed default graph: OWL 2 RL errors, then the project's consistency queries."""
    return _owl2rl_errors(store) + _consistency(store)


def closure_fast(asserted: Graph, ontology: Graph) -> ReasoningResult:
    """The OWL 2 RL closure of rdflib graphs on the fast path; same result as closure_owlrl.

    Args:
        asserted: the curated data.
        ontology: the ontology (its axioms drive the reasoning).
    Returns:
        the informative inferred triples (those in neither input) and any contradictions, worded
        like the reference path's.
    Raises:
        RuntimeError: the rules did not reach a fixpoint within MAX_ROUNDS rounds (a bug in a rule).
    """
    store = ox.Store()
    inputs = ox.NamedNode("urn:cybergov:inputs")
    for graph in (ontology, asserted):
        for s, p, o in graph:
            triple = (to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
            store.add(ox.Quad(*triple, ox.DefaultGraph()))
            store.add(ox.Quad(*triple, inputs))
    reason_in_store(store)
    inferred = Graph()
    for triple in inferred_quads(store, [inputs]):
        inferred.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return ReasoningResult(inferred=inferred, problems=problems_in_store(store))


__all__ = [
    "MAX_ROUNDS",
    "Closing",
    "instance_rules",
    "closure_fast",
    "inferred_quads",
    "problems_in_store",
    "reason_added",
    "reason_in_store",
    "reason_instances",
    "rule_updates",
    "rules",
]
