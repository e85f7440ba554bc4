"""Running one SPARQL query on a pyoxigraph store and serializing it under a result cap.

Shared by the embedded store (in process) and its sandbox workers (in a child process).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import QueryError, ResultTooLarge
from kg.namespaces import PREFIXES, QUERY_BASE_IRI
from kg.querying import QueryOutput
from kg.store import results
from kg.store.sparql_parse import ParsedQuery, ParsedUpdate, parse

_POS = re.compile(r"at (\d+):(\d+)")


def query_error(exc: SyntaxError) -> QueryError:
    """A QueryError carrying the line and column pyoxigraph reports ('error at 1:27: expected ...')."""
    message = str(exc)
    match = _POS.search(message)
    if match:
        return QueryError(message, int(match.group(1)), int(match.group(2)))
    return QueryError(message)


def dataset_args(
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
    *,
    apart: tuple[str, ...] = (),
    own_dataset: bool = False,
) -> dict:
    """The contract's dataset unless the request names one: default = asserted + ontology + inferred.

    The embedded store the build loads keeps the asserted and inferred graphs only once, as named graphs, and in its
    own default graph only the ontology's triples that are not asserted (apart: the graphs kept out of it,
    kg.build.store_dir.apart_graphs; the files' default graph and a store loaded from the published dataset hold the
    whole union): there the default graph is the store's own plus those graphs, which share no triple
    (kg.build.in_store, kg.build.inferred), so their union repeats none. A request's default-graph-uri list replaces
    it, and so does a query's own FROM / FROM NAMED (own_dataset), which pyoxigraph's default_graph would override.
    """
    args: dict = {}
    if default_graphs:
        args["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    elif apart and not own_dataset:
        args["default_graph"] = [ox.DefaultGraph(), *(ox.NamedNode(g) for g in apart)]
    if named_graphs:
        args["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return args


def parse_quietly(query: str) -> ParsedQuery | ParsedUpdate | None:
    """The query's parse (kg.store.sparql_parse), or None for a text that does not parse (pyoxigraph then reports the
    error when it is run)."""
    try:
        return parse(query)
    except QueryError:
        return None


def has_own_dataset(query: str, parsed: ParsedQuery | ParsedUpdate | None = None) -> bool:
    """Whether a query gives its own dataset (FROM / FROM NAMED), from its parse (parsed when the caller holds it)."""
    parsed = parsed or parse_quietly(query)
    return isinstance(parsed, ParsedQuery) and parsed.has_dataset


def default_graph_only(
    query: str,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
    *,
    parsed: ParsedQuery | ParsedUpdate | None = None,
) -> bool:
    """Whether a query reads only the default graph: no dataset in the request, and no GRAPH pattern
    or FROM clause in its parse (kg.store.sparql_parse; `parsed` when the caller holds it already). Such a
    query gets the same answer from a store that holds only the default graph; a text that does not parse is
    sent to the full store."""
    if default_graphs or named_graphs:
        return False
    parsed = parsed or parse_quietly(query)
    return isinstance(parsed, ParsedQuery) and not parsed.names_graphs


def run(
    store: ox.Store,
    query: str,
    *,
    fmt: str,
    max_results: int,
    max_bytes: int | None = None,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    apart: tuple[str, ...] = (),
    parsed: ParsedQuery | ParsedUpdate | None = None,
) -> QueryOutput:
    """Evaluate a query and serialize its answer, refusing one over max_results rows/triples or max_bytes.

    fmt is a key of results.SELECT_FORMATS (for SELECT/ASK) or results.GRAPH_FORMATS (CONSTRUCT/DESCRIBE);
    the caller maps a format of the wrong family to its family's default.

    Relative IRIs resolve against kg.namespaces.QUERY_BASE_IRI unless the query declares a BASE. On a store that keeps
    graphs apart from its default graph (apart), the default graph is its own and those (dataset_args),
    unless the query has its own FROM (parsed: its parse when the caller holds one, else it is parsed here).

    Raises:
        QueryError: syntax error, or a format that does not fit the query form.
        ResultTooLarge: the answer is over a cap (see serialize_answer).
    """
    try:
        own = bool(apart) and not default_graphs and has_own_dataset(query, parsed)
        dataset = dataset_args(default_graphs, named_graphs, apart=apart, own_dataset=own)
        answer = store.query(query, base_iri=QUERY_BASE_IRI, **dataset)
    except SyntaxError as exc:
        raise query_error(exc) from None
    except ValueError as exc:
        raise QueryError(str(exc)) from None
    return serialize_answer(answer, fmt=fmt, max_results=max_results, max_bytes=max_bytes)


_PAGING = (
    "ask for less: page with ORDER BY, LIMIT and OFFSET, select fewer or shorter values, "
    "or download the whole dataset from /dump"
)


def _too_many(max_results: int) -> ResultTooLarge:
    return ResultTooLarge(
        f"the answer has more than {max_results} rows or triples (the limit; "
        f"CYBERGOV_MAX_RESULTS): {_PAGING}",
        limit=max_results,
        setting="CYBERGOV_MAX_RESULTS",
    )


def _too_big(max_bytes: int) -> ResultTooLarge:
    return ResultTooLarge(
        f"the answer is larger than {max_bytes} bytes (the limit; CYBERGOV_MAX_RESULT_BYTES): {_PAGING}",
        limit=max_bytes,
        setting="CYBERGOV_MAX_RESULT_BYTES",
    )


def _size(term) -> int:
    """About the bytes a term takes in any result format (its N-Triples form); 0 when unbound."""
    return 0 if term is None else len(str(term))


def _solutions_body(answer: ox.QuerySolutions, sel: str, limit: float) -> bytes | None:
    """The solutions written in format sel, or None when they pass limit bytes (serialize_answer)."""
    try:
        return results.write_solutions(answer, sel, max_bytes=limit)
    except results.OverCap:
        return None


def _collected(answer, *, max_results: int, limit: float) -> tuple[list, str | None]:
    """The triples of a graph answer, and what they passed if they pass a cap ("rows" or "bytes", counted as they
    come: a huge answer stops early), for serialize_answer."""
    triples = []
    size = 0
    for triple in answer:
        if len(triples) >= max_results:
            return [], "rows"
        size += _size(triple.subject) + _size(triple.predicate) + _size(triple.object)
        if size > limit:
            return [], "bytes"
        triples.append(triple)
    return triples, None


def serialize_answer(answer, *, fmt: str, max_results: int, max_bytes: int | None = None) -> QueryOutput:
    """Serialize a pyoxigraph answer (QueryBoolean, QuerySolutions or QueryTriples, from a store or
    parsed from a remote endpoint's response) the same way on every backend.

    An answer is never cut: with more than max_results rows (or triples), or more than max_bytes, it is
    refused. A SELECT answer is written by pyoxigraph into a buffer that stops at max_bytes, then its rows
    are counted (kg.store.results.write_solutions, count_rows); triples are counted while they are
    collected (their N-Triples size term by term, so a huge answer stops early) and the body checked again.

    Raises:
        ResultTooLarge: over a cap; the message states the cap, its setting and how to page.
    """
    limit = max_bytes if max_bytes is not None else float("inf")
    if isinstance(answer, ox.QueryBoolean):
        sel = fmt if fmt in results.SELECT_FORMATS else "json"
        return QueryOutput(results.ask_body(bool(answer), sel), results.SELECT_FORMATS[sel], "ask", 1)
    # A remote endpoint's answer is parsed by pyoxigraph into objects that must be dropped on the thread that made
    # them (pyo3 "unsendable"): no exception raised here may keep the answer alive in its traceback, which the API
    # reads on another thread. So the answer is read by helpers that return instead of raising, and let go first.
    if isinstance(answer, ox.QuerySolutions):
        sel = fmt if fmt in results.SELECT_FORMATS else "json"
        body = _solutions_body(answer, sel, limit)
        del answer
        if body is None:
            raise _too_big(max_bytes)
        count = results.count_rows(body, sel)
        if count > max_results:
            raise _too_many(max_results)
        return QueryOutput(body, results.SELECT_FORMATS[sel], "select", count)
    gfmt = fmt if fmt in results.GRAPH_FORMATS else "turtle"
    triples, over = _collected(answer, max_results=max_results, limit=limit)
    del answer
    if over == "rows":
        raise _too_many(max_results)
    if over == "bytes":
        raise _too_big(max_bytes)
    body = results.graph_body(triples, gfmt, PREFIXES)
    if len(body) > limit:
        raise _too_big(max_bytes)
    return QueryOutput(body, results.GRAPH_FORMATS[gfmt][0], "graph", len(triples))
