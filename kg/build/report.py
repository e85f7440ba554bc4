"""SHACL validation with pyshacl, turned into a typed report that points at files and lines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build.loading import SourceFile
from kg.errors import ShapesError
from kg.namespaces import SH

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass
class Problem:
    """One validation result, in words a curator can act on."""

    severity: str
    message: str
    focus: str
    focus_label: str | None = None
    path: str | None = None
    value: str | None = None
    shape: str | None = None
    file: str | None = None
    line: int | None = None
    kind: str = "shacl"  # shacl, consistency (the reasoner) or curator (kg/curator_checks.py)

    @property
    def where(self) -> str:
        if self.file is None:
            return "(inferred or not in a file)"
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class ValidationReport:
    """The outcome: conforms when there is no Violation (warnings and infos allowed)."""

    problems: list[Problem] = field(default_factory=list)
    report_graph: Graph | None = field(default=None, repr=False)

    @property
    def violation_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "Violation")

    @property
    def conforms(self) -> bool:
        return self.violation_count == 0

    def counts(self) -> dict[str, int]:
        return dict(Counter(p.severity for p in self.problems))


def load_shapes(sources: list[SourceFile]) -> Graph:
    """Merge the shapes files into one shapes graph."""
    shapes = Graph()
    for source in sources:
        shapes += source.graph
    return shapes


def _label(graph: Graph, node) -> str | None:
    for label in graph.objects(node, RDFS.label):
        if isinstance(label, Literal) and label.language in (None, "en"):
            return str(label)
    return None


_PREFIX_LINE = re.compile(
    r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z0-9_.-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE
)


@lru_cache(maxsize=64)
def _prefix_lines(text: str) -> list[tuple[str, str]]:
    """The (prefix, namespace) declarations of a source text (cached: one file, many problems)."""
    return _PREFIX_LINE.findall(text)


def _subject_forms(iri: str, text: str) -> list[str]:
    """How a record about iri can start: the full <iri>, or a prefixed name the file's prefixes expand to it."""
    forms = ["<" + iri + ">"]
    for prefix, namespace in _prefix_lines(text):
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            forms.append(prefix + ":" + local.replace("/", "\\/"))
            forms.append(prefix + ":" + local)
    return forms


def _subject_line(source: SourceFile, iri: str) -> int | None:
    """The first line that starts with one of iri's forms, followed by a space, ';', ',' or the line's end."""
    forms = _subject_forms(iri, source.text)
    if not any(c.isspace() or c in ";," for form in forms for c in form):
        # a form is then the whole first word of such a line: look it up (each problem would scan the file)
        starts = [source.first_words[form] for form in forms if form in source.first_words]
        return min(starts) if starts else None
    pattern = re.compile(r"^\s*(?:" + "|".join(map(re.escape, forms)) + r")(?=[\s;,]|$)")
    return next((n for n, line in enumerate(source.lines, start=1) if pattern.match(line)), None)


def locate(node, path, sources: list[SourceFile]) -> tuple[str | None, int | None]:
    """The file and line where node's record (and, if given, its path property) was written."""
    if not isinstance(node, URIRef):
        return None, None
    # the file that holds the offending triple first, then any file that describes node
    holding = [s for s in sources if isinstance(path, URIRef) and (node, path, None) in s.graph]
    for source in holding + [s for s in sources if s not in holding]:
        if (node, None, None) not in source.graph:
            continue
        lines = source.lines
        start = _subject_line(source, str(node))
        start = start or source.line_of(f'"{node}"')  # JSON-LD "@id": "...", RDF/XML rdf:about="..."
        if start is None:
            return source.name, None
        if isinstance(path, URIRef):
            local = str(path).replace("#", "/").rsplit("/", 1)[-1]
            for number in range(start, len(lines) + 1):
                text = lines[number - 1]
                if re.search(r"[:/#]" + re.escape(local) + r"\b", text):
                    return source.name, number
                if text.rstrip().endswith(" .") and number >= start:
                    break
        return source.name, start
    return None, None


def validate_graph(
    data: Graph,
    shapes: Graph,
    *,
    sources: list[SourceFile] | None = None,
    labels: Graph | None = None,
    focus_nodes: list | None = None,
) -> ValidationReport:
    """Validate a data graph (already reasoned: types inferred) against shapes.

    Args:
        data: the graph to validate (ontology + asserted + inferred).
        shapes: the merged shapes graph.
        sources: the parsed source files, used to point problems at file and line.
        labels: where to look up labels of focus nodes (defaults to data).
        focus_nodes: validate only these nodes (against the shapes that target them); None = all.
    Returns:
        the typed report; pyshacl's own report graph is kept for `--format turtle`.
    Raises:
        ShapesError: pyshacl refused the shapes (e.g. a SPARQL constraint that breaks a SHACL rule) or
            does not support what they use (e.g. $shapesGraph).
    """
    try:
        _conforms, report_graph, _text = pyshacl_validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
            meta_shacl=False,
            # as strings: pyshacl takes a non-string node for a CURIE to expand unless it is http(s), urn or file
            focus_nodes=[str(n) for n in focus_nodes] if focus_nodes is not None else None,
        )
    except NotImplementedError as error:  # a feature SHACL leaves optional, such as $shapesGraph
        raise ShapesError(f"the shapes use what the validator does not support: {error}") from error
    if not isinstance(report_graph, Graph):  # pyshacl returns its ValidationFailure instead of raising it
        raise ShapesError(f"the shapes are not valid SHACL: {report_graph}")
    problems = problems_from_report(
        report_graph, shapes, sources=sources, labels=labels if labels is not None else data
    )
    return ValidationReport(problems=sort_problems(problems), report_graph=report_graph)


def problems_from_report(
    report_graph: Graph, shapes: Graph, *, sources: list[SourceFile] | None, labels: Graph
) -> list[Problem]:
    """The typed problems of a SHACL report graph, pointed at file and line."""
    problems: list[Problem] = []
    # the report's own results only: a result's sh:detail (e.g. under sh:node) is not one of them
    results = [
        r
        for report in report_graph.subjects(RDF.type, SH.ValidationReport)
        for r in report_graph.objects(report, SH.result)
    ]
    for result in results:
        focus = report_graph.value(result, SH.focusNode)
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        severity = SEVERITIES.get(report_graph.value(result, SH.resultSeverity), "Violation")
        message = report_graph.value(result, SH.resultMessage)
        shape = report_graph.value(result, SH.sourceShape)
        if isinstance(shape, BNode):  # a property shape: report the node shape that owns it
            shape = shapes.value(predicate=SH.property, object=shape) or shape
        problems.append(
            make_problem(
                severity=severity,
                message=str(message) if message is not None else None,
                focus=focus,
                path=path,
                value=value,
                shape=shape,
                sources=sources,
                labels=labels,
            )
        )
    return problems


def make_problem(
    *,
    severity: str,
    message: str | None,
    focus,
    path,
    value,
    shape,
    sources: list[SourceFile] | None,
    labels: Graph,
) -> Problem:
    """One Problem from rdflib terms, with its file and line."""
    file, line = locate(focus, path, sources or [])
    return Problem(
        severity=severity,
        message=message if message is not None else "constraint not met",
        focus=str(focus),
        focus_label=_label(labels, focus),
        path=str(path) if isinstance(path, URIRef) else None,
        value=str(value) if value is not None and not isinstance(value, BNode) else None,
        shape=str(shape) if isinstance(shape, URIRef) else None,
        file=file,
        line=line,
    )


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Violations first, then by file, line, focus node and path; problems that tie on those by message, value
    and shape, so that the order never depends on the order the validator found them in (which query plans
    and the order of the shapes in a set decide)."""
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(
        problems,
        key=lambda p: (
            order[p.severity],
            p.file or "~",
            p.line or 0,
            p.focus,
            p.path or "",
            p.message,
            p.value or "",
            p.shape or "",
        ),
    )
