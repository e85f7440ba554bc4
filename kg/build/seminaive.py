"""Semi-naive rounds of the reasoning rules: a closed graph gets a few new triples, and each rule reads only what is new.

kg.build.reasoning.reason_in_store closes a graph in naive passes (every rule over the whole graph, then a pass
that confirms nothing is new). When a graph is closed already and triples are added (a contribution to check),
only what they can reach needs evaluating. Every rule runs as its CONSTRUCT query; the triples it gives that the
store does not hold yet are added to the default graph and, as that run's delta, to a named graph of their own
(<urn:cybergov:delta:N>); the added triples themselves are the first delta. Each rule sees the deltas of the runs
since its own last run:
- a rule with semi-naive forms (kg/build/owl2rl/delta/<rule>[.<premise>].rq, CONSTRUCT) runs them, each with one of
  its instance premises on the deltas and the others on the whole graph: a conclusion it lacks needs a premise
  that is new;
- a rule with a guard (kg/build/rules/delta/<rule>.rq, ASK: the deltas hold a triple of a predicate it reads) runs
  again in full only when the guard holds (the project's rules, with NOT EXISTS and aggregates, have no
  semi-naive form);
- any other rule runs again in full when a delta is not empty.
The forms read the ontology's axioms from the whole graph, so a round whose deltas hold schema triples
(kg/build/pipeline_queries/delta-schema.rq) is a full pass instead (the schema rules to their fixpoint, then every
instance rule in full). The rounds stop when a round adds nothing: every rule has then seen everything there is.

What the build uses instead is the same idea at the grain of rules (kg.build.keyed_rounds, issue 13, session 8): every
rule runs once, then only the rules a later run fed, told by each rule's keys (the predicates and classes it reads and
writes, kg.build.rule_keys); at 100k the reasoning went from 52 rule runs and 3.5-3.9 s to 30 runs and 2.0-2.5 s, at
1M from 51 s to 32-34 s in the build (26.5 s with the DISTINCT forms of four type rules).

Why the build does not use triple-level deltas for its own closure: the first pass must record each run's delta, and with
pyoxigraph that costs about twice the native INSERT pass (CONSTRUCT, N-Triples into a scratch graph, a merge),
more than the naive confirmation pass it saves (measured at 10k and 100k; see the branch's commit message). Nor
as the confirmation round after a naive first pass, with that pass's new triples as the one delta (tried for
issue 13, 100k, CPU seconds): the naive second pass costs 1.7; the semi-naive round spends 1.1 putting the 179k
new triples into a delta graph, every rule then reads a store with a named graph as large as the closure's new
part, the project's rules run in full (their guards hold): four of the rules alone took 1.7, and a later
semi-naive form had not finished after 10 minutes (stopped, on a busy machine).
Nor at the grain of keys (tried for issue 13 in session 6, 100k): each rule's read and written keys (predicates,
rdf:type classes) taken from its algebra (rdflib's parser: 0.85 s for the 37 rules), the second pass running each rule
only with its variable predicate or class bound by VALUES to the keys that changed since its last run. Telling what a
run changed costs what it saves: pyoxigraph's update says nothing, len(store) scans the store (17 ms at 280k
triples, twice a run), counting by predicate takes 60-110 ms; with the pass-1 changes counted coarsely (two
snapshots, 0.2 s) the bound second pass took 0.9 s against the naive 1.6 s, except prp-fp-literals, which with
its two predicate variables bound took 358 s (pyoxigraph joined in another order). What the build keeps of it
(session 11): a rule whose one instance premise is a triple of a property from the axioms (prp-inv, prp-spo1,
prp-eqp, prp-symp) runs again with that property bound to the ones that grew, which the keyed rounds count anyway
(kg.build.keyed_rounds: rerun_binds).
Nor as read-only checks on threads (tried for issue 13 in session 7): each rule as
`ASK { { pattern } FILTER ((BOUND(?s) && ... && NOT EXISTS { s p o }) || ...) }` over its template's triples, the
ASKs of the confirming pass on two threads (pyoxigraph reads in parallel, its updates do not). No false "closed" is
possible that way, but the checks cost more than the INSERTs they replace: at 100k 2.1 s CPU against 1.7 s (no wall
time saved: the other core loads the store then); at 1M the reasoning took 63 s wall and 73 s CPU against 45 s and
42.5 s naive (the NOT EXISTS inside a disjunction is looked up solution by solution).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from kg import named_queries
from kg.querying import bind, bind_values

DELTA_PREFIX = "urn:cybergov:delta:"
_FRESH = ox.NamedNode("urn:cybergov:delta:fresh")


@dataclass(frozen=True)
class Rule:
    """One rule: its CONSTRUCT query, its semi-naive forms (CONSTRUCT, over ?delta) and its guard (ASK, over ?delta)."""

    name: str
    full: str
    forms: tuple[str, ...] = ()
    guard: str | None = None


def _forms(name: str, folder: dict[str, named_queries.NamedQuery]) -> tuple[str, ...]:
    return tuple(q.text for stem, q in sorted(folder.items()) if stem == name or stem.startswith(name + "."))


@cache
def rule(name: str, folder: str) -> Rule:
    """The rule kg/<folder>/<name>.rq with its semi-naive forms or guard from kg/<folder>/delta/."""
    text = named_queries.get(name, folder).text
    delta = named_queries.queries_in(f"{folder}/delta")
    forms = _forms(name, delta)
    constructs = tuple(f for f in forms if _kind(f) == "CONSTRUCT")
    asks = [f for f in forms if _kind(f) == "ASK"]
    if len(asks) > 1 or (asks and constructs):
        raise ValueError(f"{folder}/delta: a rule has semi-naive forms or one guard, not both ({name})")
    return Rule(name=name, full=text, forms=constructs, guard=asks[0] if asks else None)


def _kind(text: str) -> str:
    """CONSTRUCT or ASK: the query form, as pyoxigraph parses it (not read from the text)."""
    answer = ox.Store().query(text)
    return (
        "ASK"
        if isinstance(answer, bool)
        else "CONSTRUCT"
        if isinstance(answer, ox.QueryTriples)
        else "SELECT"
    )


class Rounds:
    """The rule runs over one store, with the delta of every run kept in a named graph until no rule needs it."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.runs = 0  # the number of the last run that added something
        self.last: dict[int, int] = {}  # rule position -> self.runs when it last ran
        self.kept: list[int] = []  # runs whose delta graph exists
        self._last_text = ""

    def _add(self, answer: ox.QueryTriples) -> bool:
        """Add what the default graph lacks of a rule's conclusions to it and to a new delta graph; True if anything.

        The conclusions cross as N-Triples into a scratch graph and are merged by kg/build/pipeline_queries/delta-merge.rq, so no
        triple becomes a Python object; pyoxigraph's parser renames blank nodes, so conclusions with a blank node
        (its N-Triples hold "_:") are added one by one instead.
        """
        data = answer.serialize(format=ox.RdfFormat.N_TRIPLES)
        if not data:
            return False
        graph = ox.NamedNode(f"{DELTA_PREFIX}{self.runs + 1}")
        if b"_:" in data:
            self._add_terms(self.store.query(self._last_text), graph)
        else:
            self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=_FRESH)
            self.store.update(
                bind(
                    named_queries.get("delta-merge", "build/pipeline_queries").text,
                    {"fresh": _FRESH, "out": graph},
                )
            )
            self.store.remove_graph(_FRESH)
        if next(iter(self.store.quads_for_pattern(None, None, None, graph)), None) is None:
            return False
        self.runs += 1
        self.kept.append(self.runs)
        return True

    def _add_terms(self, triples, graph: ox.NamedNode) -> None:
        default = ox.DefaultGraph()
        new = {t for t in triples if ox.Quad(t.subject, t.predicate, t.object, default) not in self.store}
        self.store.extend([ox.Quad(t.subject, t.predicate, t.object, default) for t in new])
        self.store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in new])

    def _run(self, text: str) -> bool:
        self._last_text = text
        return self._add(self.store.query(text))

    def window(self, position: int) -> list[ox.NamedNode]:
        """The delta graphs of the runs since the rule at position last ran."""
        since = self.last.get(position, -1)
        return [ox.NamedNode(f"{DELTA_PREFIX}{n}") for n in self.kept if n > since]

    def full(self, position: int, item: Rule) -> bool:
        self.last[position] = self.runs
        return self._run(item.full)

    def incremental(self, position: int, item: Rule) -> bool:
        """Run the rule on what is new to it (its forms, its guard, or in full); True if it added anything."""
        window = self.window(position)
        if not window:
            self.last[position] = self.runs
            return False
        if item.forms:
            self.last[position] = self.runs
            added = False
            for form in item.forms:
                added |= self._run(bind_values(form, "delta", window))
            return added
        if item.guard is not None and not self.store.query(bind_values(item.guard, "delta", window)):
            self.last[position] = self.runs
            return False
        return self.full(position, item)

    def schema_changed(self, positions: range) -> bool:
        """Whether the deltas any of the rules at positions has not seen hold schema triples."""
        since = min((self.last.get(p, -1) for p in positions), default=-1)
        window = [ox.NamedNode(f"{DELTA_PREFIX}{n}") for n in self.kept if n > since]
        return bool(window) and bool(
            self.store.query(
                bind_values(named_queries.get("delta-schema", "build/pipeline_queries").text, "delta", window)
            )
        )

    def forget(self, positions: range) -> None:
        """Drop the delta graphs every rule at positions has seen (all of them when positions is empty)."""
        since = min((self.last.get(p, -1) for p in positions), default=self.runs)
        for n in [n for n in self.kept if n <= since]:
            self.store.remove_graph(ox.NamedNode(f"{DELTA_PREFIX}{n}"))
        self.kept = [n for n in self.kept if n > since]


def close_added(
    store: ox.Store, added: list[ox.Triple], schema: list[Rule], instance: list[Rule], *, max_rounds: int
) -> int:
    """Add triples to a closed default graph and close it again; returns the number of rounds (0: nothing new).

    Raises:
        RuntimeError: no fixpoint within max_rounds rounds (a bug in a rule).
    """
    rounds = Rounds(store)
    offset = len(schema)
    positions = range(offset, offset + len(instance))
    try:
        rounds._add_terms(added, ox.NamedNode(f"{DELTA_PREFIX}1"))
        if (
            next(iter(store.quads_for_pattern(None, None, None, ox.NamedNode(f"{DELTA_PREFIX}1"))), None)
            is None
        ):
            return 0
        rounds.runs, rounds.kept = 1, [1]
        rounds.last = {p: 0 for p in range(offset + len(instance))}  # every rule has seen all but the added
        for number in range(1, max_rounds + 1):
            if rounds.schema_changed(positions):
                for _ in range(max_rounds):
                    if not any([rounds.full(i, r) for i, r in enumerate(schema)]):  # noqa: C419 (run every rule)
                        break
                else:
                    raise RuntimeError(f"no fixpoint after {max_rounds} rounds of the schema rules")
                added_now = [rounds.full(offset + i, r) for i, r in enumerate(instance)]
            else:
                added_now = [rounds.incremental(offset + i, r) for i, r in enumerate(instance)]
            rounds.forget(positions)
            if not any(added_now):
                return number
        raise RuntimeError(f"no fixpoint after {max_rounds} rounds of rules")
    finally:
        rounds.forget(range(0))


__all__ = ["DELTA_PREFIX", "Rounds", "Rule", "close_added", "rule"]
