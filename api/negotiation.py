"""Content negotiation for SPARQL answers: Accept header matching per query-form family.

The form itself comes from the parse of the query (kg.store.sparql_parse.ParsedQuery.family).
"""

from __future__ import annotations

from kg.store.results import GRAPH_FORMATS, SELECT_FORMATS

# Media types (and common aliases) -> format key, per query-form family.
SELECT_MEDIA = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "text/n3": "turtle",
    "application/n3": "turtle",
    "text/rdf+n3": "turtle",
    "application/x-json+ld": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}
FORMAT_ALIASES = {
    "json": "json",
    "srj": "json",
    "xml": "xml",
    "srx": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "rdfxml": "rdfxml",
    "rdf": "rdfxml",
    "xml-rdf": "rdfxml",
    "nquads": "nquads",
    "trig": "trig",
    "n3": "turtle",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for equal q)."""
    if not header:
        return [("*/*", 1.0)]
    ranges = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((media, q, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def choose_format(form: str, accept: str | None, fmt: str | None) -> str | None:
    """The format key to answer in, or None when nothing acceptable can be produced (406).

    A `format=` parameter wins over Accept when it fits the query form; for a format of the
    other family (e.g. format=turtle on a SELECT) None is returned; an unknown one is ignored.
    """
    family = SELECT_FORMATS if form in ("select", "ask") else GRAPH_FORMATS
    media = SELECT_MEDIA if form in ("select", "ask") else GRAPH_MEDIA
    default = "json" if form in ("select", "ask") else "turtle"
    if fmt:
        key = FORMAT_ALIASES.get(fmt.lower()) or media.get(fmt.lower())
        if key is None:
            key = SELECT_MEDIA.get(fmt.lower()) or GRAPH_MEDIA.get(fmt.lower())
        if key is not None:
            return key if key in family else None
        # an unknown format= value (clients send their own names): fall back to Accept
    for range_, _q in parse_accept(accept):
        if range_ in media:
            return media[range_]
        if range_ in ("*/*", "application/*", "text/*"):
            if range_ == "text/*":
                return "csv" if form != "graph" else "turtle"
            return default
        if range_ == "text/html":  # a browser: show something readable
            return default
    return None


def media_type(form: str, key: str) -> str:
    return SELECT_FORMATS[key] if form in ("select", "ask") else GRAPH_FORMATS[key][0]
