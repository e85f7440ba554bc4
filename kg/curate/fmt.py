"""The canonical Turtle layout of the curated data (`cybergov fmt`).

One job: turn a Turtle file into its canonical text, so that a contribution's diff shows only its facts.

The layout:
- the file's header comment block (the ``#`` and blank lines before the first statement) is kept as it is;
- one ``@prefix`` block, only the prefixes the file uses, taken from ``kg.namespaces.TURTLE_PREFIXES`` in
  alphabetical order (a file's own prefix declarations are not kept: there is one place for namespaces);
- one block per subject, separated by a blank line; described entities first, then the reified records
  (participations, memberships, endorsements, totals, ...), each group in IRI order;
- in a block, ``a`` first, then identifier and labels, then the other predicates in prefixed-name order, then
  the provenance (``dct:source``, ``cgo:asOf``, ``cgo:evidence``) and ``rdfs:comment``; one predicate a line,
  objects sorted, several objects on one line separated by ``" , "`` (one per line when that line
  would be longer than 110 characters);
- a blank node used once as an object is written inline (``[ ... ]``), an RDF list as ``( ... )``.

Comments after the header cannot survive a canonical serialisation: `format_text` refuses a file that has one
(`CommentOutsideHeader`, with its line), so nothing a curator wrote is dropped silently. Anything that matters
goes into the header or into an ``rdfs:comment`` on the record.

Why not rdflib's own Turtle serialiser: it invents ``ns1:`` prefixes for IRIs whose local part holds a ``/``
(every participation and membership id) and orders blank-node objects by their random ids, so its output
is not stable from one run to the next. This module uses rdflib to parse and writes the layout itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import LoadError
from kg.namespaces import CGO, DCT, ID, SKOS, TURTLE_PREFIXES

INDENT = "    "
WIDTH = 110  # a predicate with several objects longer than this puts each object on its own line

# Predicates written first and last in a block, in this order; the others in between, in prefixed-name order.
FIRST = (RDF.type, DCT.identifier, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.notation)
LAST = (DCT.source, CGO.asOf, CGO.evidence, RDFS.comment)

# Id kinds (https://w3id.org/cybergov/id/{kind}/...) of reified records: after the entities they relate.
RECORD_KINDS = ("participation", "membership", "endorsement", "total")

_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]|\\/)*")
_PLAIN_LITERAL = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


class CommentOutsideHeader(LoadError):
    """A ``#`` comment after the header block: it would be lost by the canonical layout."""

    def __init__(self, path: str, line: int, text: str) -> None:
        self.path, self.line, self.text = path, line, text
        super().__init__(
            f"{path}:{line}: comment after the header block would be lost: {text.strip()!r}; "
            "move it into the header comment or into an rdfs:comment on the record"
        )


class UnsupportedGraph(LoadError):
    """A graph the canonical layout cannot write without inventing names (a blank node shared or cyclic)."""


@dataclass(frozen=True)
class FormatResult:
    """One file's outcome: its path, whether it was already canonical, and the canonical text."""

    path: Path
    canonical: bool
    text: str


# ------------------------------------------------------------------ reading
def split_header(text: str) -> tuple[list[str], str]:
    """The header block (leading ``#`` and blank lines, trailing blanks dropped) and the rest of the text."""
    lines = text.splitlines()
    n = 0
    while n < len(lines) and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        n += 1
    header = [line.rstrip() for line in lines[:n]]
    while header and not header[-1]:
        header.pop()
    while header and not header[0]:
        header.pop(0)
    return header, "\n".join(lines[n:])


def find_comment(body: str) -> tuple[int, str] | None:
    """The first ``#`` comment in Turtle text outside IRIs and strings, as (line number, line), or None.

    A small lexer: it skips ``<...>`` IRIs and the four string forms, so a ``#`` inside them is not a comment.
    """
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c == "#":
            line_no = body.count("\n", 0, i) + 1
            return line_no, body.splitlines()[line_no - 1]
        if c == "\\":
            i += 2
            continue
        if c == "<":
            end = body.find(">", i + 1)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            long_quote = body.startswith(c * 3, i)
            quote = c * 3 if long_quote else c
            i += len(quote)
            while i < n and not body.startswith(quote, i):
                i += 2 if body[i] == "\\" else 1
            i += len(quote)
            continue
        i += 1
    return None


def parse(text: str, *, path: str = "<text>") -> tuple[list[str], Graph]:
    """Header lines and graph of a Turtle text. Raises LoadError (syntax) or CommentOutsideHeader."""
    header, body = split_header(text)
    found = find_comment(body)
    if found:
        line_no, line = found
        raise CommentOutsideHeader(path, line_no + _header_line_count(text), line)
    graph = Graph(bind_namespaces="none")
    try:
        graph.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several types for syntax errors; report them as one
        raise LoadError(f"{path}: {exc}") from exc
    return header, graph


def _header_line_count(text: str) -> int:
    lines = text.splitlines()
    n = 0
    while n < len(lines) and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        n += 1
    return n


# ------------------------------------------------------------------ writing terms
class _Writer:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.used: set[str] = set()
        self.namespaces = sorted(TURTLE_PREFIXES.items(), key=lambda kv: -len(kv[1]))
        refs: dict[BNode, int] = {}
        for o in graph.objects():
            if isinstance(o, BNode):
                refs[o] = refs.get(o, 0) + 1
        self.inline = {b for b, k in refs.items() if k == 1}
        for s in set(graph.subjects()):
            if isinstance(s, BNode) and s not in self.inline and refs.get(s, 0) > 1:
                raise UnsupportedGraph("a blank node is the object of several triples; give it an IRI")
        self._stack: set[BNode] = set()

    def iri(self, term: URIRef) -> str:
        text = str(term)
        for prefix, ns in self.namespaces:
            if text.startswith(ns) and len(text) > len(ns):
                local = text[len(ns) :].replace("/", "\\/")
                if _LOCAL.fullmatch(local) and not local.endswith("."):
                    self.used.add(prefix)
                    return f"{prefix}:{local}"
        return f"<{text}>"

    def literal(self, lit: Literal) -> str:
        lex = str(lit)
        if lit.datatype in _PLAIN_LITERAL and _PLAIN_LITERAL[lit.datatype].fullmatch(lex):
            return lex
        quoted = '"' + "".join(_escape(ch) for ch in lex) + '"'
        if lit.language:
            return f"{quoted}@{lit.language}"
        if lit.datatype and lit.datatype != XSD.string:
            return f"{quoted}^^{self.iri(lit.datatype)}"
        return quoted

    def term(self, term, depth: int) -> str:
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, Literal):
            return self.literal(term)
        if term in self._stack:
            raise UnsupportedGraph("a cycle of blank nodes cannot be written inline")
        items = self._list_items(term)
        if items is not None:
            return "( " + " ".join(self.term(x, depth) for x in items) + " )" if items else "()"
        self._stack.add(term)
        try:
            body = self.predicates(term, depth + 1)
        finally:
            self._stack.discard(term)
        pad = INDENT * depth
        return "[\n" + body + "\n" + pad + "]" if body else "[]"

    def _list_items(self, node: BNode) -> list | None:
        """The members of a well-formed RDF list starting at node (each cell used once), else None."""
        items, cell, seen = [], node, set()
        while cell != RDF.nil:
            if not isinstance(cell, BNode) or cell in seen or cell not in self.inline and cell != node:
                return None
            props = set(self.graph.predicates(cell))
            if props != {RDF.first, RDF.rest}:
                return None
            firsts = list(self.graph.objects(cell, RDF.first))
            rests = list(self.graph.objects(cell, RDF.rest))
            if len(firsts) != 1 or len(rests) != 1:
                return None
            seen.add(cell)
            items.append(firsts[0])
            cell = rests[0]
        return items

    def predicates(self, subject, depth: int) -> str:
        pad = INDENT * depth
        lines = []
        for p in sorted(set(self.graph.predicates(subject)), key=self._predicate_key):
            objects = sorted((self.term(o, depth) for o in self.graph.objects(subject, p)), key=_object_key)
            name = "a" if p == RDF.type else self.iri(p)
            line = f"{pad}{name} {' , '.join(objects)}"
            if len(objects) > 1 and (len(line) > WIDTH or "\n" in line):
                line = f"{pad}{name}\n{pad}{INDENT}" + f" ,\n{pad}{INDENT}".join(objects)
            lines.append(line)
        return " ;\n".join(lines)

    def _predicate_key(self, p: URIRef) -> tuple:
        if p in FIRST:
            return (0, FIRST.index(p), "")
        if p in LAST:
            return (2, LAST.index(p), "")
        return (1, 0, self.iri(p))

    def subjects(self) -> list:
        def key(s):
            text = str(s)
            kind = text[len(str(ID)) :].split("/", 1)[0] if text.startswith(str(ID)) else ""
            return (1 if kind in RECORD_KINDS else 0, self.iri(s) if isinstance(s, URIRef) else text)

        top = {s for s in self.graph.subjects() if not (isinstance(s, BNode) and s in self.inline)}
        named = sorted((s for s in top if isinstance(s, URIRef)), key=key)
        blank = [s for s in top if isinstance(s, BNode)]  # never referenced: written as [ ... ] statements
        blank.sort(key=lambda b: self.predicates(b, 1))
        return named + blank


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\u{ord(ch):04X}" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch


def _object_key(text: str) -> tuple:
    # IRIs and prefixed names first, then literals, then blank nodes; each group by its text
    if text.startswith(("[", "(")):
        return (2, text)
    return (1 if text[:1] in "\"'0123456789+-" or text in ("true", "false") else 0, text)


def serialize(header: list[str], graph: Graph) -> str:
    """The canonical text of a graph with a header comment block."""
    writer = _Writer(graph)
    blocks = []
    for s in writer.subjects():
        body = writer.predicates(s, 1)
        if isinstance(s, BNode):
            blocks.append("[\n" + body + "\n] .")
        else:
            blocks.append(writer.iri(s) + "\n" + body + " .")
    prefixes = [f"@prefix {p}: <{TURTLE_PREFIXES[p]}> ." for p in sorted(writer.used)]
    parts = []
    if header:
        parts.append("\n".join(header))
    if prefixes:
        parts.append("\n".join(prefixes))
    parts.extend(blocks)
    return "\n\n".join(parts) + "\n"


def format_text(text: str, *, path: str = "<text>") -> str:
    """The canonical form of a Turtle text.

    Raises LoadError (syntax), CommentOutsideHeader or UnsupportedGraph.
    """
    header, graph = parse(text, path=path)
    return serialize(header, graph)


def format_file(path: Path, *, write: bool) -> FormatResult:
    """Format one file; with write=True the canonical text replaces it when it differs."""
    text = path.read_text(encoding="utf-8")
    canonical = format_text(text, path=str(path))
    same = canonical == text
    if write and not same:
        path.write_text(canonical, encoding="utf-8")
    return FormatResult(path=path, canonical=same, text=canonical)


def turtle_files(paths: list[Path]) -> list[Path]:
    """Every .ttl file named or under the folders named, sorted."""
    found: list[Path] = []
    for p in paths:
        found.extend(sorted(p.rglob("*.ttl")) if p.is_dir() else [p])
    return found


__all__ = [
    "CommentOutsideHeader",
    "FormatResult",
    "UnsupportedGraph",
    "find_comment",
    "format_file",
    "format_text",
    "parse",
    "serialize",
    "split_header",
    "turtle_files",
]
