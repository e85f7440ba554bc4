"""Read sources (ontology, data, shapes, contributions) into graphs, one named graph per file.

Parsing goes through pyoxigraph: it is fast, it reports line and column on errors, it never
fetches a remote JSON-LD context and its RDF/XML reader expands no external entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import LoadError, SourcePosition
from kg.namespaces import file_graph
from kg.terms import to_rdflib

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SOURCE_SUFFIXES = (".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf")

_POSITION = re.compile(r"line (\d+)(?: between columns (\d+)| columns? (\d+))?")
# the word a line of Turtle (or N-Triples, TriG) starts with: a subject if the line starts a record
_FIRST_WORD = re.compile(r"\s*([^\s;,]*)")


@dataclass
class SourceFile:
    """One parsed source: its name as shown to people, its named graph, and its triples."""

    name: str
    graph_iri: str
    text: str
    graph: Graph = field(repr=False)

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines (computed once: problems are located in the same file many times)."""
        return self.text.splitlines()

    @cached_property
    def first_words(self) -> dict[str, int]:
        """For each word that starts a line (after spaces, up to the first space, ';' or ','), the first line
        (1-based) it starts: where a record about a subject begins (kg.build.report.locate)."""
        index: dict[str, int] = {}
        for number, line in enumerate(self.lines, start=1):
            index.setdefault(_FIRST_WORD.match(line).group(1), number)
        return index

    def line_of(self, needle: str) -> int | None:
        """The first line (1-based) that contains needle, for pointing a person at a record."""
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return number
        return None


def format_for(name: str, media_type: str | None = None) -> ox.RdfFormat:
    """The RDF format for a file name or media type.

    Raises:
        LoadError: for an unknown suffix or media type.
    """
    if media_type:
        base = media_type.split(";")[0].strip().lower()
        if base in MEDIA_TYPES:
            return MEDIA_TYPES[base]
    suffix = Path(name).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    raise LoadError(
        f"unknown RDF format (suffix {suffix or 'none'!r}, media type {media_type!r}); "
        "use Turtle, N-Triples, TriG, N-Quads, JSON-LD or RDF/XML",
        SourcePosition(name),
    )


def position_from(message: str, name: str) -> SourcePosition:
    """Line and column (1-based) from a pyoxigraph error such as 'Parser error at line 3 between columns 6 and 9'."""
    match = _POSITION.search(message)
    if not match:
        return SourcePosition(name)
    column = match.group(2) or match.group(3)
    return SourcePosition(name, int(match.group(1)), int(column) if column else None)


DEFAULT_BASE_IRI = "https://w3id.org/cybergov/id/"


def parse_text(text: str, *, name: str, fmt: ox.RdfFormat, base_iri: str | None = DEFAULT_BASE_IRI) -> Graph:
    """Parse RDF text into an rdflib Graph (quads of any graph are merged into it).

    base_iri resolves relative IRIs; with None a relative IRI is a syntax error (Turtle) or
    dropped (JSON-LD), as for contributions.

    Raises:
        LoadError: with the parser's message, line and column.
    """
    graph = Graph()
    try:
        for quad in ox.parse(text.encode("utf-8"), format=fmt, base_iri=base_iri):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    except SyntaxError as exc:
        message = str(exc)
        raise LoadError(message, position_from(message, name)) from None
    except (ValueError, OSError) as exc:
        raise LoadError(str(exc), SourcePosition(name)) from None
    return graph


def read_source(path: Path, *, root: Path) -> tuple[str, str]:
    """A source's name as shown to people (its path relative to root) and its text.

    Raises:
        LoadError: the file cannot be read as UTF-8.
    """
    try:
        name = str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        name = str(path)
    try:
        return name, path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"cannot read: {exc}", SourcePosition(name)) from None


def load_file(path: Path, *, root: Path) -> SourceFile:
    """Parse one file; its named graph is derived from its path relative to root.

    Raises:
        LoadError: unreadable file or syntax error (with position).
    """
    name, text = read_source(path, root=root)
    graph = parse_text(text, name=name, fmt=format_for(path.name))
    return SourceFile(name=name, graph_iri=file_graph(name), text=text, graph=graph)


def source_paths(folder: Path) -> list[Path]:
    """Every RDF source under folder, sorted so builds are reproducible."""
    if folder.is_file():
        return [folder]
    if not folder.exists():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file())


def load_folder(folder: Path, *, root: Path) -> list[SourceFile]:
    """Parse every source under folder.

    Raises:
        LoadError: the first file that fails to parse.
    """
    return [load_file(p, root=root) for p in source_paths(folder)]


def merge(sources: list[SourceFile]) -> Graph:
    """One rdflib Graph holding the triples of all sources."""
    merged = Graph()
    for source in sources:
        merged += source.graph
    return merged
