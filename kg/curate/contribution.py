"""Read a curator's contribution: every file parsed in memory, every syntax error collected.

A contribution is one or more RDF documents (files on disk, or texts sent to POST /validate). Nothing here
writes anywhere. Contributions are parsed without a base IRI, so a relative IRI such as <www.coe.int/...> is
an error rather than silently becoming a cybergov id. Safety: JSON-LD is parsed by pyoxigraph, which has no
document loader, so a remote `@context` is refused rather than fetched; RDF/XML documents that declare
entities (`<!ENTITY`) are refused before parsing, so no entity is ever expanded.

More than the first syntax error: pyoxigraph stops at the first error. For Turtle, N-Triples
and N-Quads we resume after it: the text up to the next statement boundary (for Turtle the
next '.' that ends a line; for the line-based formats the next line) is blanked out with
spaces, keeping newlines so lines and columns stay true, while the @prefix/@base lines above
it are kept so later prefixed names still expand. The text is parsed again and the next error
recorded, up to MAX_SYNTAX_ERRORS. A '.' at the end of a line inside a multi-line string can
fool the boundary search; the first error is always exact. TriG, JSON-LD and RDF/XML report
their first error only (their statements nest, so a resumed parse would report noise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.build.loading import SourceFile, format_for, parse_text
from kg.errors import LoadError, SourcePosition
from kg.namespaces import file_graph

MAX_SYNTAX_ERRORS = 20
_RESUMABLE = {ox.RdfFormat.TURTLE: "statement", ox.RdfFormat.N_TRIPLES: "line", ox.RdfFormat.N_QUADS: "line"}
_DIRECTIVE = re.compile(r"^\s*(?:@prefix|@base|PREFIX|BASE)\b[^\n]*$", re.IGNORECASE)
_STATEMENT_END = re.compile(r"\.[ \t]*(?:#[^\n]*)?(?=\n|$)")
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)


@dataclass
class SyntaxProblem:
    """One syntax error: where it is and the parser's message."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def from_error(cls, error: LoadError, name: str) -> SyntaxProblem:
        position = error.position or SourcePosition(name)
        return cls(file=position.file, message=error.message, line=position.line, column=position.column)


@dataclass
class Contribution:
    """The parsed files of a contribution and the syntax errors of those that did not parse."""

    sources: list[SourceFile] = field(default_factory=list)
    syntax_errors: list[SyntaxProblem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not self.syntax_errors

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sources] + sorted({e.file for e in self.syntax_errors})


def _offset(text: str, line: int, column: int | None) -> int:
    """The character offset of a 1-based line and column."""
    lines = text.split("\n")
    before = sum(len(x) + 1 for x in lines[: line - 1])
    return min(len(text), before + max(0, (column or 1) - 1))


def _resume_offset(text: str, error: SyntaxProblem, unit: str) -> int | None:
    """Where parsing can start again after an error: past the statement (or line) it is in."""
    if error.line is None:
        return None
    start = _offset(text, error.line, error.column)
    if unit == "line":
        newline = text.find("\n", start)
        return None if newline < 0 else newline + 1
    end = _STATEMENT_END.search(text, start)
    return None if end is None else end.end()


def _mask(text: str, resume: int, bad_lines: set[int]) -> str:
    """text with everything before resume blanked, except the directive lines that parsed."""
    head = text[:resume].split("\n")
    masked = [
        line if number not in bad_lines and number < len(head) and _DIRECTIVE.match(line) else " " * len(line)
        for number, line in enumerate(head, start=1)
    ]
    return "\n".join(masked) + text[resume:]


def _remote_context(message: str, text: str, name: str) -> LoadError | None:
    """A clearer error for a JSON-LD document that names a remote @context."""
    if "LoadDocumentCallback" not in message and "remote context" not in message.lower():
        return None
    line = next((n for n, x in enumerate(text.splitlines(), start=1) if "@context" in x), None)
    column = text.splitlines()[line - 1].find("@context") + 1 if line else None
    return LoadError(
        "remote JSON-LD contexts are not loaded (a contribution can never make the service fetch a URL): "
        "write the @context inline as an object",
        SourcePosition(name, line, column),
    )


def parse_contribution_text(
    text: str, *, name: str, fmt: ox.RdfFormat
) -> tuple[SourceFile | None, list[SyntaxProblem]]:
    """Parse one document, collecting its syntax errors (several for Turtle and N-Triples).

    Args:
        text: the document.
        name: how reports name it (a path relative to the repository, an upload's file name).
        fmt: its RDF format.
    Returns:
        the parsed source (None when it has errors) and the errors, in document order.
    """
    if fmt == ox.RdfFormat.RDF_XML and (match := _ENTITY.search(text)):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        return None, [
            SyntaxProblem(
                name,
                "RDF/XML entity declarations are not accepted (entity expansion is "
                "disabled): write the values out",
                line,
                column,
            )
        ]
    errors: list[SyntaxProblem] = []
    bad_lines: set[int] = set()
    current = text
    while len(errors) < MAX_SYNTAX_ERRORS:
        try:
            graph = parse_text(current, name=name, fmt=fmt, base_iri=None)
        except LoadError as exc:
            if fmt == ox.RdfFormat.JSON_LD:
                exc = _remote_context(exc.message, text, name) or exc
            if "No scheme found" in exc.message:
                exc = LoadError(
                    exc.message + "; write full IRIs (<https://...>): contributions have no base IRI",
                    exc.position,
                )
            error = SyntaxProblem.from_error(exc, name)
            if errors and (error.line or 0, error.column or 0) <= (
                errors[-1].line or 0,
                errors[-1].column or 0,
            ):
                break  # no progress: stop rather than report the same error again
            errors.append(error)
            unit = _RESUMABLE.get(fmt)
            resume = _resume_offset(current, error, unit) if unit else None
            if resume is None or resume >= len(current):
                break
            bad_lines.add(error.line)
            current = _mask(text, resume, bad_lines)
            continue
        if errors:
            return None, errors
        return SourceFile(name=name, graph_iri=file_graph(name), text=text, graph=graph), []
    return None, errors


def read_texts(documents: list[tuple[str, str, str | None]]) -> Contribution:
    """Parse documents given as (name, text, media type or None: guess from the name's suffix).

    Raises:
        LoadError: a document's format cannot be told from its media type or name.
    """
    contribution = Contribution()
    for name, text, media_type in documents:
        source, errors = parse_contribution_text(text, name=name, fmt=format_for(name, media_type))
        if source is not None:
            contribution.sources.append(source)
        contribution.syntax_errors.extend(errors)
    return contribution


def display_name(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def read_paths(paths: list[Path], *, root: Path) -> Contribution:
    """Read and parse contribution files.

    Raises:
        LoadError: a file cannot be read (missing, not UTF-8) or its format is unknown.
    """
    documents = []
    for path in paths:
        name = display_name(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LoadError(f"cannot read: {exc}", SourcePosition(name)) from None
        documents.append((name, text, None))
    return read_texts(documents)
