"""Check a contribution as a curator would: merged with the canonical data, reasoned, validated.

The pipeline (nothing is written anywhere; a contribution lives in memory only):
1. parse the contribution, collecting every syntax error (kg/contribution.py); stop there if any;
2. merge it with the canonical data and close the merge under OWL 2 RL (kg.build.reasoning);
3. validate ontology + asserted + inferred triples with the SHACL shapes;
4. run the consistency queries (kg/build/consistency), the curator checks (kg/curate/checks, ISO codes);
5. keep the problems about the contribution's resources (the canonical data's own problems are
   not listed: the build gates them) and summarize what the contribution adds and changes (kg/changes.py).
With no contribution, the canonical data itself is checked and every problem is listed.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg import named_queries
from kg.build.pipeline import Loaded, load_inputs
from kg.curate.changes import ChangeSummary, summarize
from kg.config import Settings
from kg.curate.contribution import Contribution, SyntaxProblem, read_paths
from kg.curate.curator_checks import iso_problems, known_state_iris, query_problems
from kg.errors import LoadError
from kg.build.reasoning import inferred_quads, problems_in_store, reason_in_store
from kg.build.validation import touched_nodes, validate_fast
from kg.build.loading import SourceFile, merge
from kg.namespaces import GRAPH_ASSERTED, GRAPH_ONTOLOGY
from kg.build.store_view import StoreView
from kg.terms import to_oxigraph, to_rdflib
from kg.build.report import Problem, ValidationReport

EXIT_OK, EXIT_VIOLATIONS, EXIT_UNREADABLE = 0, 1, 2
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
REASONER = "OWL 2 RL on pyoxigraph"  # what a report names as its reasoner
_IRI = re.compile(r"https?://[^\s,;'\"<>]+")


@dataclass
class CheckResult:
    """Everything a curator needs to read about one contribution."""

    report: ValidationReport
    syntax_errors: list[SyntaxProblem] = field(default_factory=list)
    summary: ChangeSummary | None = None
    contribution_files: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    reasoner: str = REASONER
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

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


def _reason_fast(ontology: Graph, canonical: Graph, added: Graph, *,
                 about: set | None = None) -> tuple[ox.Store, Graph, list[str]]:
    """Close ontology + canonical + contribution on pyoxigraph (kg.build.reasoning), as the build does.

    Args:
        about: if given, the returned inferred graph keeps only the triples whose object is one of
            these nodes (all that touched_nodes looks at); None keeps every inferred triple.
    Returns:
        a store (default graph: ontology + asserted + inferred, without the literal values the closure adds to a
        property a subject already has asserted values for (rule prp-fp's literal merges); named graphs: asserted and ontology, as in the built store), the
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
        if isinstance(o, ox.Literal) and any(isinstance(q.object, ox.Literal)
                                             for q in store.quads_for_pattern(s, p, None, asserted)):
            store.remove(ox.Quad(s, p, o, ox.DefaultGraph()))  # one wrong date would otherwise copy itself onto dozens of records
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
        problems.append(Problem(severity="Violation", message=message, focus=focus, shape="OWL 2 RL (reasoner)",
                                kind="consistency"))
    return problems


def _dedupe_unknown_states(curator: list[Problem]) -> list[Problem]:
    """Drop 'unknown state' where the ISO check already says what is wrong with the same id."""
    iso = {(p.focus, p.path, p.value) for p in curator if p.shape and p.shape.startswith("ISO")}
    return [p for p in curator
            if not (p.shape and p.shape.endswith("unknown-reference.rq") and (p.focus, p.path, p.value) in iso)]


def _sort(problems: list[Problem]) -> list[Problem]:
    """Order: by resource (grouped), worst first inside, then file and line."""
    first: dict[str, tuple] = {}
    for p in problems:
        key = (_SEVERITY_ORDER.get(p.severity, 3), p.file or "~", p.line or 0)
        first[p.focus] = min(first.get(p.focus, key), key)
    return sorted(problems, key=lambda p: (first[p.focus], p.focus, _SEVERITY_ORDER.get(p.severity, 3),
                                           p.line or 0, p.path or "", p.message))


Engine = Callable[[Graph, Graph, Graph, Graph, list, bool, dict], tuple[ox.Store, ValidationReport, list[str]]]


def close_and_validate(ontology: Graph, canonical: Graph, added: Graph, shapes: Graph, sources: list[SourceFile],
                       contribution: bool, timings: dict[str, float]) -> tuple[ox.Store, ValidationReport, list[str]]:
    """The product's engine: OWL 2 RL on pyoxigraph, then the compiled shapes on the nodes the contribution
    touches (all nodes when `contribution` is false). Returns the closed store, the SHACL report and the
    reasoner's contradictions; records `reason` in timings."""
    mark = time.perf_counter()
    store, inferred, problems = _reason_fast(ontology, canonical, added, about=touched_nodes(added) if contribution else None)
    timings["reason"] = time.perf_counter() - mark
    # only the nodes the contribution can affect; the others' problems would be filtered out by the caller
    touched = touched_nodes(added, inferred) if contribution else None
    shacl = validate_fast(None, shapes, sources=sources, focus=touched, store=store, labels=StoreView(store))
    return store, shacl, problems


def check_contribution(settings: Settings, contribution: Contribution, *, loaded: Loaded | None = None,
                       engine: Engine = close_and_validate) -> CheckResult:
    """Check a parsed contribution merged with the canonical data.

    Args:
        settings: where the canonical data, ontology and shapes are.
        contribution: the parsed files (and syntax errors) of the contribution; empty = check the
            canonical data itself.
        loaded: the already-parsed canonical inputs (a long-lived worker keeps them); None = read them.
        engine: closes and validates the merge (the tests pass owlrl + pySHACL here as the oracle).
    Returns:
        the result; a contribution with syntax errors is not validated (its report is empty).
    """
    started = time.perf_counter()
    names = contribution.names
    if not contribution.readable:
        return CheckResult(report=ValidationReport(), syntax_errors=contribution.syntax_errors,
                           contribution_files=names, files=names,
                           seconds=time.perf_counter() - started)
    timings: dict[str, float] = {}
    mark = time.perf_counter()
    try:
        loaded = loaded or load_inputs(settings)
    except LoadError as exc:  # the canonical data itself does not parse: report it like a contribution's error
        return CheckResult(report=ValidationReport(), syntax_errors=[SyntaxProblem.from_error(exc, "data")],
                           contribution_files=names, files=names,
                           seconds=time.perf_counter() - started)
    ontology = loaded.ontology_graph
    canonical = loaded.data_graph
    added = merge(contribution.sources)
    timings["load"] = time.perf_counter() - mark

    mark = time.perf_counter()
    sources: list[SourceFile] = contribution.sources + loaded.data + loaded.ontology
    store, shacl, reasoning_problems = engine(ontology, canonical, added, loaded.shapes_graph, sources,
                                              bool(contribution.sources), timings)
    timings["shacl"] = time.perf_counter() - mark - timings["reason"]

    mark = time.perf_counter()
    focus = {s for s in added.subjects() if isinstance(s, URIRef)} if contribution.sources else None
    consistency = query_problems(store, "build/consistency", focus=focus, kind="consistency", sources=sources)
    consistency += _owlrl_problems(reasoning_problems, consistency)
    curator = query_problems(store, "curate/checks", focus=focus, kind="curator", sources=sources)
    curator += iso_problems(added if contribution.sources else canonical,
                            known_states=known_state_iris(canonical) if contribution.sources else set(),
                            sources=sources)
    curator = _dedupe_unknown_states(curator)
    timings["checks"] = time.perf_counter() - mark

    everything = shacl.problems + consistency + curator
    if contribution.sources:
        mine = {str(s) for s in added.subjects()}
        kept = [p for p in everything if p.focus in mine]
        summary = summarize(added, canonical, ontology, sources=contribution.sources)
    else:
        kept, summary = everything, None
    return CheckResult(
        report=ValidationReport(problems=_sort(kept), report_graph=shacl.report_graph),
        summary=summary,
        contribution_files=[s.name for s in contribution.sources],
        files=[s.name for s in sources],
                timings=timings,
        seconds=time.perf_counter() - started,
    )


def check_paths(settings: Settings, paths: list[Path], *, engine: Engine = close_and_validate) -> CheckResult:
    """Read contribution files and check them merged with the canonical data.

    Files that are already part of the canonical data are not counted twice.

    Raises:
        LoadError: a file cannot be read or its format is unknown (syntax errors are in the result).
    """
    canonical = {p.resolve() for p in settings.data_path.rglob("*")} if settings.data_path.exists() else set()
    contribution = read_paths([p for p in paths if p.resolve() not in canonical], root=settings.root)
    return check_contribution(settings, contribution, engine=engine)
