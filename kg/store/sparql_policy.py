"""What the read-only SPARQL service accepts: queries only, and SERVICE only to allow-listed hosts.

pyoxigraph would happily call any SERVICE IRI over HTTP, so the check happens before a query
reaches an engine, on a parse of the query (kg.store.sparql_parse), never on a pattern: what the parser
cannot read is refused (400), an update is refused (403), and every SERVICE clause anywhere in the
query (subqueries, EXISTS, OPTIONAL, ...) must name, as an absolute http(s) IRI, a host on the
allow-list (403 otherwise; a variable endpoint is always refused).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import NotAcceptable, QueryError, QueryRefused
from kg.store.sparql_parse import ParsedQuery, ParsedUpdate, ServiceCall, parse


@dataclass(frozen=True)
class UserQuery:
    """A user's query as the SPARQL endpoint received it, with what is needed to check and answer it anywhere
    (in a query worker process, which parses it once for both; kg.store.sandbox).

    formats: the format key to answer each form in ('select', 'ask', 'graph'), None where the request accepts
    none (the endpoint's content negotiation decides them before the query's form is known).
    """

    text: str
    formats: dict[str, str | None]
    allowlist: tuple[str, ...] = ()
    max_bytes: int | None = None


def _refuse_service(call: ServiceCall, allowlist: tuple[str, ...]) -> None:
    allowed = {host.lower() for host in allowlist}
    hint = (
        f"federated queries may only call hosts on the allow-list (CYBERGOV_SERVICE_ALLOWLIST; "
        f"now {list(allowlist) or 'empty'})"
    )
    if call.iri is None:
        raise QueryRefused(
            f"{call.written} is not allowed: a SERVICE endpoint must be a fixed IRI "
            f"(not a variable or an undeclared prefix); {hint}"
        )
    if not call.absolute:
        raise QueryRefused(
            f"SERVICE <{call.iri}> is not allowed: a SERVICE endpoint must be an absolute http(s) IRI; {hint}"
        )
    if call.host not in allowed:
        raise QueryRefused(f"SERVICE <{call.iri}> is not allowed: {hint}")


def check_query(
    query: str, *, allowlist: list[str] | tuple[str, ...] = (), max_bytes: int | None = None
) -> ParsedQuery:
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
        raise QueryRefused(
            f"SPARQL Update ({', '.join(parsed.operations)}) is not allowed: this endpoint is read-only"
        )
    for call in parsed.services:
        _refuse_service(call, tuple(allowlist))
    return parsed


def admit(query: UserQuery) -> tuple[ParsedQuery, str]:
    """check_query, then the format to answer the query's form in.

    Raises:
        QueryError, QueryRefused: as check_query.
        NotAcceptable: the request accepts no format of the query's form.
    """
    parsed = check_query(query.text, allowlist=query.allowlist, max_bytes=query.max_bytes)
    form = "graph" if parsed.family == "graph" else parsed.form
    key = query.formats.get(form)
    if key is None:
        raise NotAcceptable(form)
    return parsed, key


__all__ = ["ParsedQuery", "UserQuery", "admit", "check_query"]
