"""Run SHACL constraints rewritten as SPARQL (kg.build.validation) on a pyoxigraph store and make their problems.

Two kinds of constraint arrive here: the SHACL-SPARQL constraints of the shapes, each rewritten to run over all
its targets (SparqlConstraint), and the core constraints compiled to SPARQL (kg.build.shacl_compile's
CompiledConstraint). A run has three steps:

1. every query that does not depend on another runs: each SPARQL constraint, each compiled constraint's
   prefilter (once per text: shapes that check one path the same way share it) or its query;
2. a compiled constraint whose prefilter found something runs its query on what it found (usually none does);
3. the problems are made in the constraints' order, each constraint's in the order of its query's solutions.

Steps 1 and 2 may run their queries on several threads (kg.build.query_batch); the report is the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, URIRef

from kg.build.loading import SourceFile
from kg.build.query_batch import Answer, answer_all
from kg.build.report import Problem, make_problem
from kg.build.shacl_compile import CompiledConstraint, focused_query
from kg.querying import bind_values, values_block
from kg.terms import to_rdflib


@dataclass(frozen=True)
class SparqlConstraint:
    """One sh:sparql constraint of a node shape, rewritten to run over all its targets at once."""

    shape: URIRef | BNode
    node: URIRef | BNode
    query: str
    message: str | None
    severity: str
    targets: str = ""  # the target group as it appears in query
    focus_query: str | None = (
        None  # the standard sh:select where query is a cgsh:fastSelect (for a few focus nodes)
    )


@dataclass(frozen=True)
class _Step:
    """What a compiled constraint runs: query, and whether it is the constraint's prefilter."""

    query: str
    prefilter: bool = False
    keep: tuple[str, set] | None = None  # a variable and the terms a row must bind it to (None: every row)


def run_constraints(
    store: ox.Store,
    sparql: list[SparqlConstraint],
    compiled: list[CompiledConstraint],
    *,
    sources: list[SourceFile] | None,
    labels,
    focus: set | None = None,
    threads: int = 1,
) -> list[Problem]:
    """Evaluate the constraints on a pyoxigraph store (data in its default graph).

    Args:
        labels: where to look up labels of focus nodes (an rdflib Graph or a kg.build.store_view.StoreView).
        focus: report only these focus nodes (None = every target).
        threads: run at most this many queries at once.
    Returns:
        the problems, SPARQL constraints' first, in the constraints' order (unsorted).
    """
    sparql_queries = [_sparql_query(c, focus) for c in sparql]
    first = [_compiled_first(c, focus) for c in compiled]
    answers = answer_all(store, sparql_queries + [s.query for s in first], threads=threads)
    steps = [
        _compiled_second(c, focus, answers[s.query]) if s.prefilter else s
        for c, s in zip(compiled, first, strict=True)
    ]
    answers.update(
        answer_all(
            store, [s.query for s in steps if s is not None and s.query not in answers], threads=threads
        )
    )
    problems: list[Problem] = []
    for constraint, query in zip(sparql, sparql_queries, strict=True):
        problems += _sparql_problems(constraint, answers[query], focus, sources=sources, labels=labels)
    for constraint, step in zip(compiled, steps, strict=True):
        if step is not None:
            problems += _compiled_problems(
                answers[step.query], constraint, focus, keep=step.keep, sources=sources, labels=labels
            )
    return problems


def _format(message: str | None, values: dict[str, object]) -> str | None:
    if message is None:
        return None
    for name, value in values.items():
        message = re.sub(r"\{[?$]" + name + r"\}", lambda _m, v=value: str(v), message)
    return message


def _sparql_query(constraint: SparqlConstraint, focus: set | None) -> str:
    query = constraint.focus_query if focus is not None and constraint.focus_query else constraint.query
    return _with_focus(query, focus, constraint.targets)


def _sparql_problems(
    constraint: SparqlConstraint,
    answer: Answer,
    focus: set | None,
    *,
    sources: list[SourceFile] | None,
    labels,
) -> list[Problem]:
    """The problems of one SPARQL constraint's answer, each distinct solution once."""
    problems = []
    seen = set()
    for solution in answer.solutions:
        values = {n: to_rdflib(solution[n]) for n in answer.variables if solution[n] is not None}
        this = values.get("this")
        if this is None or (focus is not None and this not in focus):
            continue
        path, value = values.get("path"), values.get("value", this)
        key = (this, path, value, tuple(sorted(values.items())))
        if key in seen:
            continue
        seen.add(key)
        problems.append(
            make_problem(
                severity=constraint.severity,
                message=_format(constraint.message, values),
                focus=this,
                path=path,
                value=value,
                shape=constraint.shape,
                sources=sources,
                labels=labels,
            )
        )
    return problems


def _with_focus(query: str, focus: set | None, targets: str = "") -> str:
    """The query with ?this bound to the focus nodes first, so that a focused run looks at those nodes
    only: at the start of the query and inside the target group when the query has one
    (kg.build.shacl_compile.focused_query); unchanged when focus is None or holds blank nodes (which VALUES cannot hold:
    filtered afterwards)."""
    iris = sorted(str(n) for n in focus or () if isinstance(n, URIRef))
    if focus is None or len(iris) != len(focus):
        return query
    return _bound_to(query, [ox.NamedNode(iri) for iri in iris], targets)


def _bound_to(query: str, nodes: list[ox.NamedNode], targets: str) -> str:
    """The query with ?this bound to nodes inside its target group (if it holds targets) and at its start."""
    focused = focused_query(query, targets, values_block("this", nodes)) if targets else None
    # bound at the start as well: pyoxigraph then starts from the focus nodes whichever pattern it joins first
    return bind_values(focused if focused is not None else query, "this", nodes)


def _compiled_first(constraint: CompiledConstraint, focus: set | None) -> _Step:
    """The query a compiled constraint runs first: for a few focus nodes its focus_query on them (their values
    tested directly), else its prefilter if it has one, else its query."""
    if focus is not None and constraint.focus_query is not None and all(isinstance(n, URIRef) for n in focus):
        return _Step(_with_focus(constraint.focus_query, focus, constraint.targets))
    if constraint.prefilter is not None:
        return _Step(constraint.prefilter, prefilter=True)
    return _Step(_with_focus(constraint.query, focus, constraint.targets))


def _compiled_second(constraint: CompiledConstraint, focus: set | None, found: Answer) -> _Step | None:
    """What a compiled constraint runs once its prefilter found terms: nothing if it found none; the check
    on the nodes (?this) or values (?value) found; the whole query, its rows kept to the terms found, when
    some are blank nodes (VALUES cannot hold them)."""
    name = found.variables[0]
    terms = [solution[name] for solution in found.solutions]
    if not terms:
        return None
    if any(isinstance(term, ox.BlankNode) for term in terms):
        return _Step(_with_focus(constraint.query, focus, constraint.targets), keep=(name, set(terms)))
    if name == "this":
        nodes = sorted(set(terms), key=str)
        return _Step(_bound_to(constraint.focus_query or constraint.query, nodes, constraint.targets))
    return _Step(bind_values(_with_focus(constraint.query, focus, constraint.targets), name, terms))


def _compiled_problems(
    answer: Answer,
    constraint: CompiledConstraint,
    focus: set | None,
    *,
    keep: tuple[str, set] | None,
    sources: list[SourceFile] | None,
    labels,
) -> list[Problem]:
    """The problems of one compiled constraint's answer (rows of ?this, and ?value where selected).

    Args:
        keep: a variable and the terms a row must bind it to (what the prefilter found), or None for every row.
    """
    problems = []
    selects_value = "value" in answer.variables
    for solution in answer.solutions:
        if keep is not None and solution[keep[0]] not in keep[1]:
            continue
        this = to_rdflib(solution["this"])
        if focus is not None and this not in focus:
            continue
        value = None
        if constraint.reports_value:
            value = to_rdflib(solution["value"]) if selects_value else this
        problems.append(
            make_problem(
                severity=constraint.severity,
                message=constraint.message,
                focus=this,
                path=constraint.path,
                value=value,
                shape=constraint.shape,
                sources=sources,
                labels=labels,
            )
        )
    return problems


__all__ = ["SparqlConstraint", "run_constraints"]
