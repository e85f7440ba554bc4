"""Check a contribution as a curator would: merged with the canonical data, reasoned, validated.

The pipeline (nothing is written anywhere; a contribution lives in memory only):
1. parse the contribution, collecting every syntax error (kg/curate/contribution.py); stop there if any;
2. reason: from the contribution's triples against the cached closure of the canonical data
   (kg/curate/incremental_check.py, kg/curate/incremental_reasoning.py); a contribution that touches
   the schema or equates terms, and a check of the canonical data itself, close everything from
   scratch instead (the full path, which the tests also use as the oracle of the incremental one);
3. validate with the SHACL shapes, only the contribution's resources (the focus nodes it describes);
4. run the consistency queries (kg/build/consistency), the curator checks (kg/curate/checks, ISO codes);
5. keep the problems about the contribution's resources (the canonical data's own problems are
   not listed: the build gates them) and summarize what the contribution adds and changes (kg/curate/changes.py).
With no contribution, the canonical data itself is checked and every problem is listed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg import named_queries
from kg.build.loading import SourceFile, merge
from kg.build.pipeline import Loaded, load_inputs
from kg.build.reasoning import inferred_quads, problems_in_store, reason_in_store
from kg.build.report import Problem, ValidationReport
from kg.build.store_view import StoreView
from kg.build.validation import CompiledShapes, touched_nodes, validate_compiled, validate_fast
from kg.config import Settings
from kg.curate.changes import ChangeSummary, summarize
from kg.curate.closure_cache import ASSERTED, ONTOLOGY, CanonicalClosure, load_closure
from kg.curate.contribution import Contribution, SyntaxProblem, read_paths
from kg.curate.curator_checks import iso_problems, known_state_iris, query_problems
from kg.curate.incremental_check import contribution_applied
from kg.errors import LoadError
from kg.namespaces import GRAPH_ASSERTED, GRAPH_ONTOLOGY
from kg.terms import to_oxigraph, to_rdflib

EXIT_OK, EXIT_VIOLATIONS, EXIT_UNREADABLE = 0, 1, 2
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_IRI = re.compile(r"https?://[^\s,;'\"<>]+")


@dataclass
class CheckResult:
    """Everything a curator needs to read about one contribution."""

    report: ValidationReport
    syntax_errors: list[SyntaxProblem] = field(default_factory=list)
    summary: ChangeSummary | None = None
    contribution_files: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    reasoner: str = "fast"
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    incremental: bool = False  # reasoned from the contribution against the cached closure (not in the report)

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems

    @property
    def inconsistencies(self) -> list[str]:
        return [p.message for p in self.problems if p.kind == "consistency"]

    @property
    def readable(self) -> bool:
        return not self.syntax_errors

    @property
    def conforms(self) -> bool:
        return self.readable and self.report.conforms

    @property
    def exit_code(self) -> int:
        if not self.readable:
            return EXIT_UNREADABLE
        return EXIT_OK if self.conforms else EXIT_VIOLATIONS


def _reason_fast(
    ontology: Graph, canonical: Graph, added: Graph, *, about: set | None = None
) -> tuple[ox.Store, Graph, list[str]]:
    """Close ontology + canonical + contribution on pyoxigraph (kg.build.reasoning), as the build does.

    Args:
        about: if given, the returned inferred graph keeps only the triples whose object is one of
            these nodes (all that touched_nodes looks at); None keeps every inferred triple.
    Returns:
        a store (default graph: ontology + asserted + inferred, without the literal merges described
        below; named graphs: asserted and ontology, as in the built store), the
        inferred triples as an rdflib graph, and the contradictions.
    """
    store = ox.Store()
    asserted, onto = ox.NamedNode(GRAPH_ASSERTED), ox.NamedNode(GRAPH_ONTOLOGY)
    for graph, name in ((ontology, onto), (canonical, asserted), (added, asserted)):
        store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in graph)
    store.update(named_queries.get("union-into-default", "build/pipeline_queries").text)
    reason_in_store(store)
    found = inferred_quads(store, [onto, asserted], prune=True)
    problems = problems_in_store(store)
    wanted = {to_oxigraph(n) for n in about} if about is not None else None
    inferred = Graph()
    for triple in found:
        s, p, o = triple.subject, triple.predicate, triple.object
        if isinstance(o, ox.Literal) and any(
            isinstance(q.object, ox.Literal) for q in store.quads_for_pattern(s, p, None, asserted)
        ):
            # two values of a functional data property make OWL 2 RL equate the literals (prp-fp) and copy every
            # triple with one onto the other: one wrong date would bury the real problem (which the consistency
            # queries report) under noise on unrelated records
            store.remove(ox.Quad(s, p, o, ox.DefaultGraph()))
            continue
        if wanted is None or o in wanted:
            inferred.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return store, inferred, problems


def _owlrl_problems(messages: list[str], structured: list[Problem]) -> list[Problem]:
    """The reasoner's own error messages that the consistency queries did not already explain."""
    explained = {p.focus for p in structured}
    problems = []
    for message in messages:
        if not message.startswith("OWL 2 RL:"):
            continue  # the reasoner's run of kg/build/consistency: replaced by the structured problems
        iris = _IRI.findall(message)
        focus = iris[-1] if iris else ""
        if focus in explained:
            continue
        problems.append(
            Problem(
                severity="Violation",
                message=message,
                focus=focus,
                shape="OWL 2 RL (reasoner)",
                kind="consistency",
            )
        )
    return problems


def _dedupe_unknown_states(curator: list[Problem]) -> list[Problem]:
    """Drop 'unknown state' where the ISO check already says what is wrong with the same id."""
    iso = {(p.focus, p.path, p.value) for p in curator if p.shape and p.shape.startswith("ISO")}
    return [
        p
        for p in curator
        if not (p.shape and p.shape.endswith("unknown-reference.rq") and (p.focus, p.path, p.value) in iso)
    ]


def _sort(problems: list[Problem]) -> list[Problem]:
    """Order: by resource (grouped), worst first inside, then file and line."""
    first: dict[str, tuple] = {}
    for p in problems:
        key = (_SEVERITY_ORDER.get(p.severity, 3), p.file or "~", p.line or 0)
        first[p.focus] = min(first.get(p.focus, key), key)
    return sorted(
        problems,
        key=lambda p: (
            first[p.focus],
            p.focus,
            _SEVERITY_ORDER.get(p.severity, 3),
            p.line or 0,
            p.path or "",
            p.message,
        ),
    )


def _problems(
    store: ox.Store,
    shacl: ValidationReport,
    reasoning_problems: list[str],
    added: Graph | None,
    *,
    known_states: set[str],
    canonical: Graph | None,
    sources: list[SourceFile],
    timings: dict[str, float],
) -> list[Problem]:
    """The consistency and curator problems beside the SHACL ones; only the contribution's when there is one."""
    mark = time.perf_counter()
    focus = {s for s in added.subjects() if isinstance(s, URIRef)} if added is not None else None
    consistency = query_problems(store, "build/consistency", focus=focus, kind="consistency", sources=sources)
    consistency += _owlrl_problems(reasoning_problems, consistency)
    curator = query_problems(store, "curate/checks", focus=focus, kind="curator", sources=sources)
    curator += iso_problems(
        added if added is not None else canonical, known_states=known_states, sources=sources
    )
    curator = _dedupe_unknown_states(curator)
    timings["checks"] = time.perf_counter() - mark
    everything = shacl.problems + consistency + curator
    if added is None:
        return everything
    mine = {str(s) for s in added.subjects()}
    return [p for p in everything if p.focus in mine]


def _check_full(
    loaded: Loaded, added: Graph | None, sources: list[SourceFile], timings: dict[str, float]
) -> tuple[list[Problem], ValidationReport]:
    """Close ontology + canonical data + contribution from scratch, validate, run the checks."""
    ontology, canonical = loaded.ontology_graph, loaded.data_graph
    mark = time.perf_counter()
    store, inferred, reasoning_problems = _reason_fast(
        ontology,
        canonical,
        added if added is not None else Graph(),
        about=touched_nodes(added) if added is not None else None,
    )
    timings["reason"] = time.perf_counter() - mark
    mark = time.perf_counter()
    # only the nodes the contribution can affect; the others' problems would be filtered out
    touched = touched_nodes(added, inferred) if added is not None else None
    shacl = validate_fast(
        None, loaded.shapes_graph, sources=sources, focus=touched, store=store, labels=StoreView(store)
    )
    timings["shacl"] = time.perf_counter() - mark
    known = known_state_iris(canonical) if added is not None else set()
    return _problems(
        store,
        shacl,
        reasoning_problems,
        added,
        known_states=known,
        canonical=canonical,
        sources=sources,
        timings=timings,
    ), shacl


def _check_incremental(
    closure: CanonicalClosure,
    shapes: CompiledShapes,
    added: Graph,
    sources: list[SourceFile],
    timings: dict[str, float],
) -> tuple[list[Problem], ValidationReport] | None:
    """Reason from the contribution against the cached closure, validate and check its resources only.

    Returns None when the contribution needs the full path (kg.curate.incremental_reasoning).
    """
    mark = time.perf_counter()
    with contribution_applied(closure, added) as applied:
        timings["reason"] = time.perf_counter() - mark
        if applied is None:
            return None
        mark = time.perf_counter()
        mine = set(added.subjects())
        store = closure.store
        shacl = validate_compiled(store, shapes, sources=sources, focus=mine, labels=StoreView(store))
        timings["shacl"] = time.perf_counter() - mark
        problems = _problems(
            store,
            shacl,
            applied.errors,
            added,
            known_states=closure.known_states,
            canonical=None,
            sources=sources,
            timings=timings,
        )
    return problems, shacl


def check_contribution(
    settings: Settings,
    contribution: Contribution,
    *,
    loaded: Loaded | None = None,
    closure: CanonicalClosure | None = None,
    incremental: bool = True,
) -> CheckResult:
    """Check a parsed contribution merged with the canonical data.

    Args:
        settings: where the canonical data, ontology and shapes are.
        contribution: the parsed files (and syntax errors) of the contribution; empty = check the
            canonical data itself (always on the full path).
        loaded: the already-parsed canonical inputs (a long-lived worker keeps them); None = read them.
        closure: the canonical closure in memory (a long-lived worker keeps it); None = load it from the
            build cache (building it first if needed).
        incremental: reason from the contribution against the cached closure (kg.curate.incremental_check);
            False = close everything from scratch (the oracle the tests compare with).
    Returns:
        the result; a contribution with syntax errors is not validated (its report is empty).
    """
    started = time.perf_counter()
    names = contribution.names
    if not contribution.readable:
        return CheckResult(
            report=ValidationReport(),
            syntax_errors=contribution.syntax_errors,
            contribution_files=names,
            files=names,
            seconds=time.perf_counter() - started,
        )
    timings: dict[str, float] = {}
    mark = time.perf_counter()
    try:
        loaded = loaded or load_inputs(settings)
        if incremental and contribution.sources and closure is None:
            closure = load_closure(settings)
    except (
        LoadError
    ) as exc:  # the canonical data itself does not parse: report it like a contribution's error
        return CheckResult(
            report=ValidationReport(),
            syntax_errors=[SyntaxProblem.from_error(exc, "data")],
            contribution_files=names,
            files=names,
            seconds=time.perf_counter() - started,
        )
    added = merge(contribution.sources) if contribution.sources else None
    sources: list[SourceFile] = contribution.sources + loaded.data + loaded.ontology
    timings["load"] = time.perf_counter() - mark

    outcome = None
    if incremental and added is not None:
        outcome = _check_incremental(closure, loaded.compiled_shapes, added, sources, timings)
    used_incremental = outcome is not None
    if outcome is None:
        outcome = _check_full(loaded, added, sources, timings)
    kept, shacl = outcome
    summary = None
    if added is not None:
        canonical = StoreView(closure.store, ASSERTED) if used_incremental else loaded.data_graph
        ontology = StoreView(closure.store, ONTOLOGY) if used_incremental else loaded.ontology_graph
        summary = summarize(added, canonical, ontology, sources=contribution.sources)
    return CheckResult(
        report=ValidationReport(problems=_sort(kept), report_graph=shacl.report_graph),
        summary=summary,
        contribution_files=[s.name for s in contribution.sources],
        files=[s.name for s in sources],
        timings=timings,
        seconds=time.perf_counter() - started,
        incremental=used_incremental,
    )


def check_paths(settings: Settings, paths: list[Path]) -> CheckResult:
    """Read contribution files and check them merged with the canonical data.

    Files that are already part of the canonical data are not counted twice.

    Raises:
        LoadError: a file cannot be read or its format is unknown (syntax errors are in the result).
    """
    canonical = {p.resolve() for p in settings.data_path.rglob("*")} if settings.data_path.exists() else set()
    contribution = read_paths([p for p in paths if p.resolve() not in canonical], root=settings.root)
    return check_contribution(settings, contribution)
