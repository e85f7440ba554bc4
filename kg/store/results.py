"""SPARQL result serialization under a cap.

Formats: SPARQL 1.1 Query Results JSON, XML, CSV and TSV for SELECT and ASK; any RDF syntax
pyoxigraph writes for CONSTRUCT and DESCRIBE.

SELECT answers are written by pyoxigraph's own writers (write_solutions: in Rust, several times faster
than writing terms from Python) into a buffer that refuses to grow past the byte cap, and their rows are
counted on the written body (count_rows).
"""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "nquads": ("application/n-quads", ox.RdfFormat.N_QUADS),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}


def ask_body(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{str(value).lower()}</boolean></sparql>\n"
        ).encode()
    if fmt == "csv":
        return f"_askResult\r\n{str(value).lower()}\r\n".encode()
    return f"?_askResult\n{str(value).lower()}\n".encode()


RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


class OverCap(Exception):
    """A written answer grew past its byte cap (the writer stopped there)."""


class _CappedBuffer:
    """A binary sink for pyoxigraph's writers that refuses to hold more than `cap` bytes."""

    def __init__(self, cap: float) -> None:
        self._buffer = io.BytesIO()
        self._cap = cap
        self.over = False

    def write(self, chunk) -> int:
        if self._buffer.tell() + len(chunk) > self._cap:
            self.over = True
            raise OSError("over the byte cap")  # stops the writer; pyoxigraph raises it back as an OSError
        return self._buffer.write(chunk)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return self._buffer.getvalue()


def write_solutions(solutions: ox.QuerySolutions, fmt: str, *, max_bytes: float) -> bytes:
    """A SELECT answer written by pyoxigraph in fmt (a key of SELECT_FORMATS), at most max_bytes long.

    Raises:
        OverCap: the answer is longer than max_bytes (writing stopped there, so memory stays bounded).
    """
    sink = _CappedBuffer(max_bytes)
    try:
        solutions.serialize(sink, format=RESULTS_FORMATS[fmt])
    except OSError:
        if sink.over:
            raise OverCap() from None
        raise
    body = sink.getvalue()
    if fmt == "xml":
        # as in graph_body: the writer leaves a value's carriage return raw, which an XML reader turns into a
        # line feed; it writes none of its own
        body = body.replace(b"\r", b"&#13;")
    return body


def count_rows(body: bytes, fmt: str) -> int:
    """The number of rows in a SELECT answer that pyoxigraph's writer wrote in fmt (write_solutions).

    Exact, from the writers' fixed layout: TSV escapes line breaks inside terms, so each row is one line
    after the header; XML escapes '<' in text, so each row is one '<result>' tag. In JSON every '"' inside a
    string is escaped, so '},{"' occurs only where one non-empty row follows another; an answer holding '{}'
    (an empty row, or those characters in a value) is read whole instead, as is CSV (which quotes line breaks).
    """
    if fmt == "tsv":
        return body.count(b"\n") - 1
    if fmt == "xml":
        return body.count(b"<result>")
    if fmt == "json" and b"{}" not in body:
        return 0 if body.endswith(b'"bindings":[]}}') else body.count(b'},{"') + 1
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    return sum(1 for _ in csv.reader(io.StringIO(body.decode(), newline=""))) - 1


def graph_body(triples: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Serialize triples in one of GRAPH_FORMATS."""
    _media, rdf_format = GRAPH_FORMATS[fmt]
    kwargs = (
        {"prefixes": prefixes} if prefixes and rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    )
    body = ox.serialize(triples, format=rdf_format, **kwargs)
    if rdf_format == ox.RdfFormat.RDF_XML:
        # pyoxigraph writes a literal's carriage return raw, and an XML reader turns it into a line
        # feed (or drops it); the writer puts none of its own in its output, so each one is a value's
        body = body.replace(b"\r", b"&#13;")
    return body
