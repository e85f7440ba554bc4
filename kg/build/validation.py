"""SHACL validation: SPARQL and compiled core constraints on pyoxigraph, pySHACL only as the fallback.

pySHACL (kg.build.report.validate_graph) is the tests' oracle, and runs the shapes the compiler cannot
compile. It is slow on large graphs (one rdflib query per focus node and constraint), so this module takes the
SHACL-SPARQL constraints out of the shapes graph and runs each as one query over all its targets on
pyoxigraph, and runs the core constraints compiled to SPARQL by kg.build.shacl_compile the same way; pyshacl
runs only the node shapes that could not be compiled (none of the project's), either on every node or only on
the focus nodes a contribution touches (touched_nodes). The results are the same problems validate_graph
reports (the test in tests/kg/test_fast_validation.py compares them); only sh:message may differ where pyshacl
attaches both the shape's and the constraint's message to one result (this module keeps the constraint's).

Entry points for callers (kg.curate.checking, kg.build.pipeline):
    validate_fast(data, shapes, sources=..., focus=None)     full validation, fast
    validate_fast(data, shapes, sources=..., focus=touched_nodes(contribution, inferred))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.build.constraint_runs import SparqlConstraint, run_constraints
from kg.build.loading import SourceFile
from kg.build.prebinding import joins_like_prebinding, not_allowed
from kg.build.query_batch import default_threads
from kg.build.report import SEVERITIES, ValidationReport, sort_problems, validate_graph
from kg.build.shacl_compile import CompiledConstraint, compile_shapes, has_shapes, target_group
from kg.build.store_view import StoreView
from kg.errors import QueryError, ShapesError
from kg.namespaces import CGSH, SH
from kg.sparql_tokens import dollar_variables, replaced, where_group_start
from kg.terms import to_oxigraph


def _prefixes(shapes: Graph, constraint) -> str:
    """The PREFIX lines of a constraint: SHACL collects them along sh:prefixes/owl:imports*/sh:declare."""
    lines = []
    declarers = list(shapes.objects(constraint, SH.prefixes))
    for declarer in declarers:
        declarers += [d for d in shapes.objects(declarer, OWL.imports) if d not in declarers]
        for declaration in shapes.objects(declarer, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def _with_targets(shapes: Graph, constraint, select, targets: str) -> str | None:
    """A select with the shape's target group first in its WHERE group, $this written ?this."""
    if select is None:
        return None
    dollars = dollar_variables(str(select))
    if {t.text for t in dollars} - {"$this"}:
        return None
    text = replaced(str(select), [(t, "?this") for t in dollars])
    try:
        start = where_group_start(text)
    except QueryError:
        return None
    body = text[:start] + " " + targets + " " + text[start:]
    return _prefixes(shapes, constraint) + "\n" + body


def _deactivated(shapes: Graph, shape, constraint) -> bool:
    return Literal(True) in (shapes.value(constraint, SH.deactivated), shapes.value(shape, SH.deactivated))


def _rewritable(shapes: Graph, shape, constraint) -> tuple[str, str, str | None] | None:
    """The rewritten query of a constraint, its target group and, if it differs, the query for a few focus
    nodes; or None if the constraint must stay with pyshacl."""
    if (shape, SH.path, None) in shapes:  # a property shape: $PATH semantics, leave it to pyshacl
        return None
    if any((shape, RDF.type, cls) in shapes for cls in (RDFS.Class, OWL.Class)):  # implicit class target
        return None
    if _deactivated(shapes, shape, constraint):
        return None
    if not joins_like_prebinding(str(shapes.value(constraint, SH.select))):  # kg.build.prebinding
        return None
    targets = target_group(shapes, shape)
    if targets is None:
        return None
    # cgsh:fastSelect: the same constraint written for an engine that checks every focus node at once; for a
    # few focus nodes the record-by-record sh:select is the faster one
    fast = shapes.value(constraint, CGSH.fastSelect)
    query = _with_targets(shapes, constraint, fast or shapes.value(constraint, SH.select), targets)
    if query is None:
        return None
    focus_query = (
        _with_targets(shapes, constraint, shapes.value(constraint, SH.select), targets) if fast else None
    )
    return query, targets, focus_query


def split_shapes(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """Take the SPARQL constraints that can run on pyoxigraph out of a shapes graph.

    Returns:
        the shapes graph without those constraints (for pyshacl), and the constraints.
    Raises:
        ShapesError: a constraint's sh:select is one SHACL forbids (kg.build.prebinding.not_allowed): a
            SHACL processor must fail on it, not report.
    """
    core = Graph()
    core += shapes
    taken: list[SparqlConstraint] = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = shapes.value(constraint, SH.select)
        if select is not None and not _deactivated(shapes, shape, constraint):
            reason = not_allowed(str(select))
            if reason is not None:
                raise ShapesError(
                    f"the shapes are not valid SHACL: the SPARQL constraint of {shape} {reason}"
                )
        rewritten = _rewritable(shapes, shape, constraint)
        if rewritten is None:
            continue
        query, targets, focus_query = rewritten
        message = shapes.value(constraint, SH.message)
        severity = SEVERITIES.get(
            shapes.value(shape, SH.severity), "Violation"
        )  # pyshacl: the shape's severity
        taken.append(
            SparqlConstraint(
                shape=shape,
                node=constraint,
                query=query,
                targets=targets,
                focus_query=focus_query,
                message=str(message) if message is not None else None,
                severity=severity,
            )
        )
        core.remove((shape, SH.sparql, constraint))
    return core, taken


def oxigraph_store(data: Graph) -> ox.Store:
    """An in-memory pyoxigraph store with the graph in its default graph."""
    store = ox.Store()
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in data)
    return store


def touched_nodes(contribution: Graph, inferred: Graph | None = None) -> set:
    """The focus nodes a contribution can change: its subjects and IRI objects, and what inference adds to them.

    Args:
        contribution: the contributed triples.
        inferred: the inferred graph of canonical data + contribution (triples about touched nodes count).
    """
    nodes = set(contribution.subjects()) | {o for o in contribution.objects() if isinstance(o, URIRef)}
    if inferred is not None:
        for s, _p, o in inferred:
            if o in nodes and isinstance(s, URIRef):
                nodes.add(s)
    return {n for n in nodes if isinstance(n, (URIRef, BNode))}


@dataclass(frozen=True)
class CompiledShapes:
    """A shapes graph split for the fast validator: SPARQL constraints, compiled core constraints, and what
    pyshacl must still run (compiled once; a check worker keeps it)."""

    constraints: list[SparqlConstraint]
    compiled: list[CompiledConstraint]
    left: Graph


def compile_for_store(shapes: Graph) -> CompiledShapes:
    """Split and compile a shapes graph once (split_shapes, then kg.build.shacl_compile.compile_shapes)."""
    core, constraints = split_shapes(shapes)
    left, compiled = compile_shapes(core)
    return CompiledShapes(constraints=constraints, compiled=compiled, left=left)


def validate_compiled(
    store: ox.Store,
    shapes: CompiledShapes,
    *,
    sources: list[SourceFile] | None = None,
    labels=None,
    focus: Iterable | None = None,
    data: Graph | None = None,
    threads: int | None = None,
) -> ValidationReport:
    """Validate the default graph of a store with compiled shapes (see validate_fast for the arguments).

    Args:
        data: the same data as an rdflib graph, if the caller has it (pyshacl needs one when some shape
            could not be compiled; otherwise it is copied out of the store).
        threads: run at most this many queries at once (kg.build.query_batch); None: the machine's cores
            for a full validation, one for a focused one. The report does not depend on it.
    """
    labels = labels if labels is not None else (data if data is not None else StoreView(store))
    focus_set = set(focus) if focus is not None else None
    if threads is None:  # a few focus nodes: queries of a few milliseconds, not worth a thread each
        threads = default_threads() if focus_set is None else 1
    problems = run_constraints(
        store,
        shapes.constraints,
        shapes.compiled,
        sources=sources,
        labels=labels,
        focus=focus_set,
        threads=threads,
    )
    report_graph = None
    if has_shapes(shapes.left) and (focus_set is None or focus_set):
        if data is None:
            data = StoreView(store).to_graph()
        core_report = validate_graph(
            data,
            shapes.left,
            sources=sources,
            labels=labels,
            focus_nodes=sorted(focus_set, key=str) if focus_set is not None else None,
        )
        problems += core_report.problems
        report_graph = core_report.report_graph
    return ValidationReport(problems=sort_problems(problems), report_graph=report_graph)


def validate_fast(
    data: Graph | None,
    shapes: Graph,
    *,
    sources: list[SourceFile] | None = None,
    labels=None,
    focus: Iterable | None = None,
    store: ox.Store | None = None,
) -> ValidationReport:
    """Validate like kg.build.report.validate_graph, fast: SPARQL constraints on pyoxigraph.

    Args:
        data: the graph to validate (ontology + asserted + inferred); None when store holds it (it is
            then converted for pyshacl only if some shape could not be compiled).
        shapes: the merged shapes graph.
        sources: parsed source files, to point problems at file and line.
        labels: where to look up labels of focus nodes (defaults to data): an rdflib Graph or a
            kg.build.store_view.StoreView.
        focus: validate only these focus nodes (e.g. touched_nodes(contribution, inferred)); None = all.
        store: the same data already in a pyoxigraph store's default graph (saves converting it).
    Returns:
        the typed report (report_graph holds pyshacl's report of the core constraints only).
    """
    if data is None and store is None:
        raise ValueError("validate_fast needs the data as a graph or in a store")
    store = store if store is not None else oxigraph_store(data)
    return validate_compiled(
        store, compile_for_store(shapes), sources=sources, labels=labels, focus=focus, data=data
    )


__all__ = [
    "CompiledShapes",
    "SparqlConstraint",
    "compile_for_store",
    "oxigraph_store",
    "split_shapes",
    "touched_nodes",
    "validate_compiled",
    "validate_fast",
]
