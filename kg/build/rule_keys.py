"""What each instance rule reads and writes, as keys (predicates, and classes for rdf:type), for the build's rounds.

kg.build.reasoning.reason_in_store runs every rule once, then runs again only the rules whose input may have changed
since they last ran: a rule needs another run only when a later run added a triple it reads. The keys tell which
those are. Each rule has a keys query (kg/build/owl2rl/keys/<rule>.rq, kg/build/rules/keys/<rule>.rq), a SELECT of
?role ("reads" or "writes"; or "idempotent", a row alone), ?predicate (unbound: any) and ?class (rdf:type only;
unbound: any), computed over the closed axioms alone (kg/build/pipeline_queries/key-vocabulary.rq) so that they hold
as long as those do not change (the rounds check it). A rule's premises on the axioms themselves are not keys.

tests/kg/test_rule_keys.py checks each rule against its keys on closed graphs: everything it concludes has a key it
writes, it concludes the same from the triples of the keys it reads (with the axioms) as from the whole graph, and a
rule its keys call idempotent adds nothing when it runs again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg import named_queries

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
Term = ox.NamedNode | ox.BlankNode


@dataclass(frozen=True)
class KeySet:
    """Triples described by keys: any triple, triples of some predicates, and rdf:type triples of any or some classes."""

    anything: bool = False
    predicates: frozenset[Term] = frozenset()  # never rdf:type: those are any_type and classes
    any_type: bool = False
    classes: frozenset[Term] = frozenset()

    def __bool__(self) -> bool:
        return self.anything or bool(self.predicates) or self.any_type or bool(self.classes)

    def __or__(self, other: KeySet) -> KeySet:
        return KeySet(
            anything=self.anything or other.anything,
            predicates=self.predicates | other.predicates,
            any_type=self.any_type or other.any_type,
            classes=self.classes | other.classes,
        )

    def meets(self, other: KeySet) -> bool:
        """Whether a triple can match both."""
        if self.anything or other.anything:
            return bool(self) and bool(other)
        if self.predicates & other.predicates:
            return True
        if self.any_type:
            return other.any_type or bool(other.classes)
        if other.any_type:
            return bool(self.classes)
        return bool(self.classes & other.classes)

    def matches(self, triple: ox.Triple) -> bool:
        """Whether the keys describe the triple."""
        if self.anything:
            return True
        if triple.predicate == RDF_TYPE:
            return self.any_type or triple.object in self.classes
        return triple.predicate in self.predicates


@dataclass(frozen=True)
class RuleKeys:
    """One rule's keys."""

    name: str
    reads: KeySet
    writes: KeySet
    # its own conclusions never give it new ones (the keys query gives a row "idempotent", saying why in its
    # description: e.g. cax-sco once scm-sco has made rdfs:subClassOf transitive)
    idempotent: bool = False


def _key_set(rows: list[tuple[Term | None, Term | None]]) -> KeySet:
    anything = any(p is None for p, _ in rows)
    types = [c for p, c in rows if p == RDF_TYPE]
    return KeySet(
        anything=anything,
        predicates=frozenset(p for p, _ in rows if p is not None and p != RDF_TYPE),
        any_type=any(c is None for c in types),
        classes=frozenset(c for c in types if c is not None),
    )


def vocabulary(store: ox.Store) -> list[ox.Triple]:
    """The axioms the keys are computed from (kg/build/pipeline_queries/key-vocabulary.rq)."""
    return list(store.query(named_queries.get("key-vocabulary", "build/pipeline_queries").text))


def keys_of(name: str, folder: str, axioms: ox.Store) -> RuleKeys:
    """The keys of the rule kg/<folder>/<name>.rq (its query is kg/<folder>/keys/<name>.rq) over a store of axioms.

    Raises:
        KeyError: the rule has no keys query.
        ValueError: a row's role is not "reads", "writes" or "idempotent".
    """
    answer = axioms.query(named_queries.get(name, f"{folder}/keys").text)
    rows: dict[str, list[tuple[Term | None, Term | None]]] = {"reads": [], "writes": [], "idempotent": []}
    for solution in answer:
        role = solution["role"]
        if role is None or role.value not in rows:
            raise ValueError(f"{folder}/keys/{name}.rq: a row's ?role is {role!r}, not one of {sorted(rows)}")
        rows[role.value].append((solution["predicate"], solution["class"]))
    return RuleKeys(
        name=name,
        reads=_key_set(rows["reads"]),
        writes=_key_set(rows["writes"]),
        idempotent=bool(rows["idempotent"]),
    )


def keys_for(rules: list[tuple[str, str]], axioms: list[ox.Triple]) -> list[RuleKeys]:
    """The keys of the rules given as (folder, name), computed over the axioms (see vocabulary)."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in axioms)
    return [keys_of(name, folder, store) for folder, name in rules]


def feeds(keys: list[RuleKeys]) -> list[list[int]]:
    """For each rule, the rules (by position) that may read what it adds: those whose reads meet its writes, except
    the rule itself (at any position: a pass may run a rule twice) when it is idempotent."""
    return [
        [
            i
            for i, reader in enumerate(keys)
            if writer.writes.meets(reader.reads) and not (writer.idempotent and reader.name == writer.name)
        ]
        for writer in keys
    ]


def same_rule(keys: list[RuleKeys]) -> list[list[int]]:
    """For each rule, the positions of the rule (itself and any other run of it in a pass)."""
    return [[i for i, other in enumerate(keys) if other.name == rule.name] for rule in keys]


__all__ = ["KeySet", "RuleKeys", "feeds", "keys_for", "keys_of", "same_rule", "vocabulary"]
