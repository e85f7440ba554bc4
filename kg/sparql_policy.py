"""What the read-only SPARQL service accepts: queries only, and SERVICE only to allow-listed hosts.

pyoxigraph would happily call any SERVICE IRI over HTTP, so the check happens before a query
reaches an engine. Comments, strings and IRIs are masked first so that a keyword inside a
literal or a comment does not count.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from kg.errors import QueryError, QueryRefused

_MASK = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                     re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|\?\w+|\$\w+|\S+)", re.IGNORECASE)


def masked(query: str) -> str:
    """The query with strings, comments and IRIs blanked out (same length), so keywords can be searched."""
    return _IRI.sub(lambda m: " " * len(m.group(0)), _MASK.sub(lambda m: " " * len(m.group(0)), query))


def _masked(query: str) -> str:
    return _MASK.sub(lambda m: " " * len(m.group(0)), query)


def check_query(query: str, *, allowlist: list[str] | tuple[str, ...] = (), max_bytes: int | None = None) -> None:
    """Refuse what a read-only, no-outbound-traffic endpoint must not run.

    Raises:
        QueryError: the query is empty or too long.
        QueryRefused: an update (INSERT, DELETE, LOAD, CLEAR, ...) or a SERVICE to a host not allowed.
    """
    if not query or not query.strip():
        raise QueryError("empty query")
    if max_bytes is not None and len(query.encode()) > max_bytes:
        raise QueryError(f"query is {len(query.encode())} bytes; the limit is {max_bytes}")
    masked = _masked(query)
    update = _UPDATE.search(_IRI.sub(lambda m: m.group(0), masked))
    if update:
        raise QueryRefused(
            f"SPARQL Update ({update.group(1).upper()}) is not allowed: this endpoint is read-only"
        )
    for match in _SERVICE.finditer(masked):
        target = match.group(1)
        if not target.startswith("<"):
            raise QueryRefused("SERVICE with a variable endpoint is not allowed")
        host = urlparse(target[1:-1]).hostname or ""
        if host not in allowlist:
            raise QueryRefused(
                f"SERVICE {target} is not allowed: federated queries may only call hosts on the allow-list "
                f"(CYBERGOV_SERVICE_ALLOWLIST; now {list(allowlist) or 'empty'})"
            )
