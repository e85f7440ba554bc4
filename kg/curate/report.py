"""The validation report of a contribution: one pydantic model for `cybergov validate --format json`
and `POST /validate` (same JSON), and the terminal rendering of it.

The JSON schema is exported to docs/validation-report.schema.json:
    python -m kg.curate.report > docs/validation-report.schema.json
It carries the RFC 9457 members `title`, `status` and `detail`, so when POST /validate answers
400 (unreadable) or 422 (violations) the report itself is the problem-details document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal as OneOf

from pydantic import BaseModel, Field
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.curate.checking import CheckResult
from kg.curate.curator_checks import short
from kg.namespaces import SH

Severity = OneOf["Violation", "Warning", "Info"]


class SyntaxErrorItem(BaseModel):
    """A syntax error: the parser's message and where it is."""

    file: str
    line: int | None = None
    column: int | None = None
    message: str


class ProblemItem(BaseModel):
    """One problem with the contribution, in words a curator can act on."""

    kind: OneOf["shacl", "consistency", "curator"] = Field(
        description="shacl: a shape in shapes/; consistency: a contradiction the OWL 2 RL closure shows "
        "(kg/build/consistency); curator: a check in kg/curate/checks or the ISO 3166-1 check."
    )
    severity: Severity = Field(description="Violations fail the check; warnings and infos do not.")
    message: str
    focus: str = Field(description="IRI of the resource the problem is about.")
    focus_label: str | None = None
    path: str | None = Field(None, description="IRI of the property concerned.")
    value: str | None = Field(None, description="The offending value, when there is one.")
    shape: str | None = Field(None, description="The shape or check that raised it.")
    file: str | None = Field(
        None, description="The file where the offending triple (or the resource) was written."
    )
    line: int | None = None


class FocusGroup(BaseModel):
    """The problems about one resource."""

    focus: str
    label: str | None = None
    file: str | None = None
    line: int | None = None
    problems: list[ProblemItem]


class Counts(BaseModel):
    violations: int = 0
    warnings: int = 0
    infos: int = 0
    syntax_errors: int = 0
    inconsistencies: int = Field(0, description="Problems of kind 'consistency'.")


class NewResources(BaseModel):
    class_iri: str
    resources: list[str]


class FactItem(BaseModel):
    subject: str
    predicate: str
    object: str
    file: str | None = None
    line: int | None = None


class ChangedFactItem(BaseModel):
    subject: str
    predicate: str
    old: str
    new: str
    file: str | None = None
    line: int | None = None


class ChangeSummaryModel(BaseModel):
    """What the contribution adds to and changes in the canonical data."""

    new_resources: list[NewResources] = Field(
        description="Resources the canonical data does not describe, by class."
    )
    new_fact_count: int
    known_fact_count: int = Field(description="Triples of the contribution the canonical data already holds.")
    new_facts: list[FactItem] = Field(description="The new triples (the first 200).")
    changed_facts: list[ChangedFactItem] = Field(
        description="A functional property of an existing resource given a different value."
    )
    records_touched: list[str] = Field(description="Existing resources the contribution adds facts to.")


class CheckReport(BaseModel):
    """The report of `cybergov validate --format json` and of POST /validate."""

    title: str = Field(examples=["Conforms", "Does not conform", "Unreadable RDF"])
    status: int = Field(description="The HTTP status POST /validate answers with: 200, 422 or 400.")
    detail: str
    conforms: bool = Field(description="Readable, and no violation (warnings allowed).")
    readable: bool = Field(description="Every file parsed; false means syntax errors and no validation.")
    exit_code: int = Field(description="The CLI's exit code: 0 conforms, 1 violations, 2 unreadable input.")
    counts: Counts
    syntax_errors: list[SyntaxErrorItem]
    focus_nodes: list[FocusGroup] = Field(description="The problems grouped by resource.")
    problems: list[ProblemItem] = Field(description="The same problems as one list.")
    summary: ChangeSummaryModel | None = Field(
        None, description="Absent when there is no (readable) contribution."
    )
    files: list[str] = Field(description="The contribution's files, as the problems name them.")
    reasoner: str
    seconds: float
    timings: dict[str, float] = Field(default_factory=dict)


_STATUS = {0: (200, "Conforms"), 1: (422, "Does not conform"), 2: (400, "Unreadable RDF")}


def _detail(result: CheckResult, counts: Counts) -> str:
    if not result.readable:
        return f"{counts.syntax_errors} syntax error(s); nothing was validated"
    return (
        f"{counts.violations} violation(s), {counts.warnings} warning(s), {counts.infos} info "
        f"({counts.inconsistencies} from the reasoner)"
    )


def to_model(result: CheckResult) -> CheckReport:
    """The report of a check."""
    problems = [ProblemItem(**{k: getattr(p, k) for k in ProblemItem.model_fields}) for p in result.problems]
    severities = [p.severity for p in problems]
    counts = Counts(
        violations=severities.count("Violation"),
        warnings=severities.count("Warning"),
        infos=severities.count("Info"),
        syntax_errors=len(result.syntax_errors),
        inconsistencies=sum(p.kind == "consistency" for p in problems),
    )
    groups: dict[str, FocusGroup] = {}
    for p in problems:
        group = groups.setdefault(p.focus, FocusGroup(focus=p.focus, label=p.focus_label, problems=[]))
        group.problems.append(p)
        group.label = group.label or p.focus_label
        if group.file is None and p.file:
            group.file, group.line = p.file, p.line
        elif p.file == group.file and p.line and (group.line is None or p.line < group.line):
            group.line = p.line  # the record's first line the problems point at
    summary = None
    if result.summary is not None:
        s = result.summary
        summary = ChangeSummaryModel(
            new_resources=[NewResources(class_iri=c, resources=r) for c, r in s.new_resources.items()],
            new_fact_count=s.new_fact_count,
            known_fact_count=s.known_fact_count,
            new_facts=[FactItem(**vars(f)) for f in s.new_facts],
            changed_facts=[ChangedFactItem(**vars(c)) for c in s.changed_facts],
            records_touched=s.records_touched,
        )
    status, title = _STATUS[result.exit_code]
    return CheckReport(
        title=title,
        status=status,
        detail=_detail(result, counts),
        conforms=result.conforms,
        readable=result.readable,
        exit_code=result.exit_code,
        counts=counts,
        syntax_errors=[SyntaxErrorItem(**vars(e)) for e in result.syntax_errors],
        focus_nodes=list(groups.values()),
        problems=problems,
        summary=summary,
        files=result.contribution_files,
        reasoner=result.reasoner,
        seconds=round(result.seconds, 3),
        timings={k: round(v, 3) for k, v in result.timings.items()},
    )


def _where(file: str | None, line: int | None, column: int | None = None) -> str:
    if not file:
        return "(inferred, not written in a file)"
    return file + (f":{line}" if line else "") + (f":{column}" if line and column else "")


def render_text(report: CheckReport, *, colour: Callable[[str, str], str] = lambda text, _: text) -> str:
    """The report for a terminal.

    Args:
        report: the report.
        colour: (text, colour name) -> text; the CLI passes a styler when stdout is a TTY.
    """
    tint = {"Violation": "red", "Warning": "yellow", "Info": "blue"}
    out: list[str] = []
    if report.syntax_errors:
        out.append(colour(f"Syntax errors ({len(report.syntax_errors)})", "red"))
        for e in report.syntax_errors:
            out.append(f"  {_where(e.file, e.line, e.column)}  {e.message}")
        out.append("")
    for group in report.focus_nodes:
        label = f'  "{group.label}"' if group.label else ""
        out.append(colour(short(group.focus), "cyan") + label + f"  ({_where(group.file, group.line)})")
        for p in group.problems:
            prop = f" {short(p.path)}" if p.path else ""
            value = f" = {short(p.value)}" if p.value is not None else ""
            out.append(
                f"  {colour(p.severity, tint[p.severity])}{prop}{value}  [{_where(p.file, p.line)}] ({p.kind})"
            )
            out.append(f"      {p.message}")
        out.append("")
    if report.summary is not None:
        s = report.summary
        out.append(colour("What the contribution changes", "cyan"))
        for group in s.new_resources:
            ids = ", ".join(short(r) for r in group.resources[:5]) + (
                " ..." if len(group.resources) > 5 else ""
            )
            out.append(f"  new {short(group.class_iri)}: {len(group.resources)}  ({ids})")
        out.append(f"  new facts: {s.new_fact_count}; already in the canonical data: {s.known_fact_count}")
        for c in s.changed_facts:
            out.append(
                f"  changed: {short(c.subject)} {short(c.predicate)}: {c.old} -> {c.new}  "
                f"[{_where(c.file, c.line)}]"
            )
        if s.records_touched:
            out.append(f"  records touched: {', '.join(short(r) for r in s.records_touched)}")
        out.append("")
    status = colour(report.title[0].lower() + report.title[1:], "green" if report.conforms else "red")
    checked = f"{len(report.files)} file(s)" if report.files else "the canonical data"
    out.append(f"{status}: {report.detail} in {checked}, {report.seconds:.1f} s (reasoner {report.reasoner})")
    return "\n".join(out)


def _node(text: str):
    return URIRef(text) if "://" in text or text.startswith("urn:") else Literal(text)


def report_graph(result: CheckResult) -> Graph:
    """Every problem as a SHACL validation report (sh:ValidationReport), whichever engine found it.

    Consistency and curator problems are sh:ValidationResults too, their sh:sourceShape naming the
    query or check; rdfs:comment holds the file and line. (pyshacl's own report graph would miss the
    constraints the fast validator runs on pyoxigraph, and the problems that are not SHACL.)
    """
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(result.conforms)))
    severities = {"Violation": SH.Violation, "Warning": SH.Warning, "Info": SH.Info}
    for problem in result.problems:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, _node(problem.focus)))
        graph.add((node, SH.resultSeverity, severities[problem.severity]))
        graph.add((node, SH.resultMessage, Literal(problem.message, lang="en")))
        if problem.path:
            graph.add((node, SH.resultPath, URIRef(problem.path)))
        if problem.value is not None:
            graph.add((node, SH.value, _node(problem.value)))
        if problem.shape:
            graph.add(
                (
                    node,
                    SH.sourceShape,
                    _node(problem.shape) if "://" in problem.shape else Literal(problem.shape),
                )
            )
        if problem.file:
            graph.add((node, RDFS.comment, Literal(_where(problem.file, problem.line), datatype=XSD.string)))
    return graph


def json_schema() -> dict:
    """The JSON schema of the report (docs/validation-report.schema.json)."""
    schema = CheckReport.model_json_schema()
    schema["$id"] = "https://w3id.org/cybergov/schema/validation-report.schema.json"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


if (
    __name__ == "__main__"
):  # pragma: no cover - python -m kg.curate.report > docs/validation-report.schema.json
    print(json.dumps(json_schema(), indent=2))
