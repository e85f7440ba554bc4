"""What the read-only SPARQL service accepts: queries only, and SERVICE only to allow-listed hosts.

pyoxigraph would happily call any SERVICE IRI over HTTP, so the check happens before a query
reaches an engine, on a parse of the query (kg.store.sparql_parse), never on a pattern: what the parser
cannot read is refused (400), an update is refused (403), and every SERVICE clause anywhere in the
query (subqueries, EXISTS, OPTIONAL, ...) must name, as an absolute http(s) IRI, a host on the
allow-list (403 otherwise; a variable endpoint is always refused).
"""
from __future__ import annotations

from kg.errors import QueryError, QueryRefused
from kg.store.sparql_parse import ParsedQuery, ParsedUpdate, ServiceCall, parse

def _refuse_service(call: ServiceCall, allowlist: tuple[str, ...]) -> None:
    allowed = {host.lower() for host in allowlist}
    hint = (f"federated queries may only call hosts on the allow-list (CYBERGOV_SERVICE_ALLOWLIST; "
            f"now {list(allowlist) or 'empty'})")
    if call.iri is None:
        raise QueryRefused(f"{call.written} is not allowed: a SERVICE endpoint must be a fixed IRI "
                           f"(not a variable or an undeclared prefix); {hint}")
    if not call.absolute:
        raise QueryRefused(f"SERVICE <{call.iri}> is not allowed: a SERVICE endpoint must be an absolute "
                           f"http(s) IRI; {hint}")
    if call.host not in allowed:
        raise QueryRefused(f"SERVICE <{call.iri}> is not allowed: {hint}")


def check_query(query: str, *, allowlist: list[str] | tuple[str, ...] = (), max_bytes: int | None = None) -> ParsedQuery:
    """Parse a user's query and refuse what a read-only, no-outbound-traffic endpoint must not run.

    Returns:
        The parse (form, SERVICE clauses, whether it reads named graphs), for content negotiation.
    Raises:
        QueryError: the query is empty, too long or does not parse (with the parser's line and column).
        QueryRefused: an update (INSERT, DELETE, LOAD, CLEAR, ...) or a SERVICE to a host not allowed.
    """
    if not query or not query.strip():
        raise QueryError("empty query")
    if max_bytes is not None and len(query.encode()) > max_bytes:
        raise QueryError(f"query is {len(query.encode())} bytes; the limit is {max_bytes}")
    parsed = parse(query)
    if isinstance(parsed, ParsedUpdate):
        raise QueryRefused(f"SPARQL Update ({', '.join(parsed.operations)}) is not allowed: this endpoint is read-only")
    for call in parsed.services:
        _refuse_service(call, tuple(allowlist))
    return parsed


__all__ = ["check_query", "ParsedQuery"]
