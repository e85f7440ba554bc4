"""Rounds of the instance rules that run a rule again only when a later run added a triple it reads.

kg.build.reasoning.reason_in_store closes the axioms, then calls close_in_rounds: the first round runs every
instance rule in order; each later round runs, in the same order, only the rules marked stale, and the rounds stop
when none is. A run marks stale the rules that read what it added, told by the rules' keys (kg.build.rule_keys):
- what a run added is measured only when it can matter: in the first round, when a rule that ran before it (or
  the rule itself) reads what it writes; in later rounds, always;
- measured by the store's size (len scans the store) when the rule may write any predicate or any type, or a type
  of a class that is a blank node; otherwise by counting, before and after the run, the triples of each written
  predicate and class that some rule reads (kg/build/pipeline_queries/key-count-*.rq), so that only the readers of
  what grew are marked;
- a rule that runs at two positions of a round does the other position's work too; an idempotent rule is not
  marked by its own additions;
- a rule that reads any triple (eq-rep, prp-fp-literals) is not marked: it runs again when the store's size has
  changed since its last run (measuring every run on its account would cost more than running it);
- a rule whose only instance premise is a triple of a property it finds in the axioms (`?x ?p ?y`: prp-inv,
  prp-spo1, ...) names that variable in its header (rerun_binds); when it runs again and what grew since its last run
  is known to be triples of some of its properties, it runs with the variable bound to them (a VALUES block): what
  it would conclude from the others it concluded when it last ran. The second run of prp-inv in a round, after the
  property chains, is such a run (at 1M source triples 0.5 s instead of 1.8-2.1 s, the counts around it included).
A skipped run is one that would add nothing (its input is what it was when it last ran), so the rounds give what
full passes give (tests/kg/test_rule_keys.py compares them). The keys hold while the axioms do not change: the
caller checks that after the rounds and falls back to full passes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg import named_queries
from kg.build.rule_keys import KeySet, RuleKeys, feeds, same_rule
from kg.querying import bind_values


@dataclass(frozen=True)
class RoundsTaken:
    """Rounds (the first runs every rule) and rule runs in all."""

    rounds: int
    runs: int
    held: bool = True  # False: the keys stopped holding (the caller goes on in full passes)
    bound: int = 0  # runs with the rule's rerun_binds variable bound to the properties that grew


def watched(writer: RuleKeys, readers: list[RuleKeys]) -> KeySet:
    """The part of a rule's writes that some of the readers read (none of them reads any triple: close_in_rounds
    runs those again by the store's size instead)."""
    writes = writer.writes
    if writes.anything:
        return writes if readers else KeySet()
    reads_any_type = any(r.reads.any_type for r in readers)
    read_classes = frozenset().union(*(r.reads.classes for r in readers))
    read_predicates = frozenset().union(*(r.reads.predicates for r in readers))
    return KeySet(
        predicates=writes.predicates & read_predicates,
        any_type=writes.any_type and (reads_any_type or bool(read_classes)),
        classes=writes.classes if reads_any_type else writes.classes & read_classes,
    )


class _Meter:
    """What a run added: everything or nothing (the store's size), or the watched keys that grew (their counts)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.size: int | None = None  # the store's size, while no run came after it was taken
        self._predicates = named_queries.get("key-count-predicates", "build/pipeline_queries").text
        self._classes = named_queries.get("key-count-classes", "build/pipeline_queries").text

    def current(self) -> int:
        """The store's size (taken again only after a run)."""
        if self.size is None:
            self.size = len(self.store)
        return self.size

    def _counts(self, keys: KeySet) -> dict[ox.NamedNode, int]:
        counts: dict[ox.NamedNode, int] = {}
        for query, variable, terms in (
            (self._predicates, "p", keys.predicates),
            (self._classes, "c", keys.classes),
        ):
            if terms:
                for row in self.store.query(bind_values(query, variable, sorted(terms, key=str))):
                    counts[row["key"]] = int(row["n"].value)
        return counts

    def run(self, update: str, keys: KeySet) -> KeySet:
        """Run the update; what it added, as keys (KeySet() for nothing), of the keys given (watched ones)."""
        if not keys:
            self.store.update(update)
            self.size = None
            return KeySet()
        by_size = keys.anything or keys.any_type or any(isinstance(c, ox.BlankNode) for c in keys.classes)
        if by_size:
            before = self.current()
            self.store.update(update)
            self.size = None
            return keys if self.current() != before else KeySet()
        before_counts = self._counts(keys)
        self.store.update(update)
        self.size = None
        after = self._counts(keys)
        grew = {k for k, n in after.items() if n != before_counts.get(k, 0)}
        return KeySet(predicates=keys.predicates & grew, classes=keys.classes & grew)


def _grown(added: KeySet, reads: KeySet) -> KeySet | None:
    """The properties of added that a rule reads; None when added is not known property by property."""
    if added.anything or added.any_type or added.classes:
        return None
    return KeySet(predicates=added.predicates & reads.predicates)


def close_in_rounds(
    store: ox.Store,
    updates: list[str],
    keys: list[RuleKeys],
    *,
    max_rounds: int,
    holds: Callable[[], bool] = lambda: True,
    binds: list[str] | None = None,
) -> RoundsTaken:
    """Run the instance rules (updates, with their keys in the same order) in rounds until no rule is stale.

    holds is asked after each round whether the keys still hold (the axioms they were computed from are unchanged);
    when it says no, the rounds stop there. binds: each rule's rerun_binds variable ("" for none), in the same order.

    Raises:
        RuntimeError: no fixpoint within max_rounds rounds (a bug in a rule).
    """
    binds = binds or [""] * len(updates)
    readers, twins = feeds(keys), same_rule(keys)
    # a rule that reads any triple (eq-rep, prp-fp-literals) runs again when the store has grown since its last run;
    # the others are marked by the runs that add what they read
    anything = [k.reads.anything for k in keys]
    readers = [[i for i in r if not anything[i]] for r in readers]
    # in the first round, a run's additions matter only to the rules that ran before it (at any of their positions)
    # or to itself; a rule's second position in a round runs only when something it reads grew in between
    first = [watched(k, [keys[i] for i in readers[j] if min(twins[i]) <= j]) for j, k in enumerate(keys)]
    later = [watched(k, [keys[i] for i in readers[j]]) for j, k in enumerate(keys)]
    stale = [False] * len(updates)
    # what a rule reads that grew since its last run, property by property (None: not known so)
    grown: list[KeySet | None] = [KeySet()] * len(updates)
    seen: dict[int, int] = {}  # a rule that reads anything -> the store's size after its last run
    meter = _Meter(store)
    runs = bound = 0
    for rounds in range(1, max_rounds + 1):
        for j, update in enumerate(updates):
            again = rounds > 1 or min(twins[j]) < j
            if anything[j] and again:
                stale[j] = meter.current() != seen[j]
            if again and not stale[j]:
                continue
            narrowed = grown[j]
            for twin in twins[j]:  # the same rule at another position: this run does its work now
                stale[twin], grown[twin] = False, KeySet()
            if again and binds[j] and narrowed is not None and narrowed.predicates:
                update = bind_values(update, binds[j], sorted(narrowed.predicates, key=str))
                bound += 1
            added = meter.run(update, first[j] if rounds == 1 else later[j])
            runs += 1
            if anything[j]:
                seen.update(dict.fromkeys(twins[j], meter.current()))
            for i in readers[j]:
                if added.meets(keys[i].reads):
                    stale[i] = True
                    more = _grown(added, keys[i].reads)
                    grown[i] = None if more is None or grown[i] is None else grown[i] | more
        if not holds():
            return RoundsTaken(rounds=rounds, runs=runs, held=False, bound=bound)
        if not any(stale) and all(meter.current() == size for size in seen.values()):
            return RoundsTaken(rounds=rounds, runs=runs, bound=bound)
    raise RuntimeError(f"no fixpoint after {max_rounds} rounds of rules")


__all__ = ["RoundsTaken", "close_in_rounds", "watched"]
