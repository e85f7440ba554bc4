"""The Store protocol every backend implements, and the types it speaks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql_tokens import where_group_start


@dataclass
class QueryOutput:
    """A serialized SPARQL answer."""

    body: bytes
    media_type: str
    form: str  # "select", "ask" or "graph"
    count: int | None = None
    truncated: bool = False
    fmt: str | None = None  # the format key it is written in (set when the store chose it: execute_user)


Row = dict[str, str | None]

_SAFE_IRI = re.compile(r"^[^\s<>\"{}|^`\\]+$")


def term_syntax(value) -> str:
    """SPARQL syntax of a parameter value (pyoxigraph term): escaped, so it cannot inject query text."""
    if isinstance(value, ox.NamedNode):
        if not _SAFE_IRI.match(value.value):
            raise QueryError(f"not a valid IRI: {value.value!r}")
        return f"<{value.value}>"
    if isinstance(value, ox.Literal):
        return str(value)
    raise TypeError(f"unsupported parameter {value!r}")


def bind(query: str, bindings: dict[str, object] | None) -> str:
    """Bind parameters by a VALUES block at the start of the query's WHERE group.

    A VALUES block inside the group joins with every pattern and FILTER of that group, so the
    named queries behave the same on every backend (pyoxigraph substitutions are engine-specific).
    """
    if not bindings:
        return query
    start = where_group_start(query)
    names = list(bindings)
    values = " ".join(term_syntax(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }} "
    return query[:start] + block + query[start:]


def bind_values(query: str, variable: str, terms: list) -> str:
    """Bind one variable to several values by a VALUES block at the start of the query's WHERE group.

    Args:
        terms: pyoxigraph NamedNodes or Literals (escaped by term_syntax; blank nodes cannot be bound).
    Raises:
        QueryError: the query has no WHERE { ... } group, or an IRI is not valid.
    """
    start = where_group_start(query)
    return query[:start] + " " + values_block(variable, terms) + " " + query[start:]


def values_block(variable: str, terms: list) -> str:
    """`VALUES ?variable { ... }` for pyoxigraph NamedNodes or Literals (escaped by term_syntax).

    Raises:
        QueryError: an IRI is not valid.
    """
    return f"VALUES ?{variable} {{ {' '.join(term_syntax(term) for term in terms)} }}"


class Store(Protocol):
    """What the API and the CLI need from a backend."""

    version: str
    recorded: dict[str, int] | None  # the build's own counts (kg.store.recorded_counts), checked by /health

    def select(self, query: str, *, bindings: dict[str, object] | None = None) -> list[Row]:
        """Run a trusted named SELECT; rows map variable names to lexical values (None if unbound)."""
        ...

    def ask(self, query: str, *, bindings: dict[str, object] | None = None) -> bool: ...

    def construct(self, query: str, *, bindings: dict[str, object] | None = None) -> list:
        """Run a trusted CONSTRUCT/DESCRIBE; returns pyoxigraph Triples."""
        ...

    def execute(
        self,
        query: str,
        *,
        fmt: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryOutput:
        """Run a user's SPARQL query (already checked by kg.store.sparql_policy) under the time and size limits.

        Raises:
            QueryError: malformed query (with line and column).
            QueryTimeout: over the time limit (the work is stopped).
            ResultTooLarge: the answer is over the row or byte cap (refused whole, never cut).
            WorkerMemoryExceeded, WorkerDied: the worker running it ran out of memory or died (503).
            StoreError: the backend failed.
        """
        ...

    def quads(self):
        """Every quad of the dataset (named graphs and the default graph), as an iterator of pyoxigraph Quads."""
        ...

    def counts(self) -> dict[str, int]:
        """Triples per named graph."""
        ...

    def default_count(self) -> int:
        """Triples in the default graph (the union asserted + ontology + inferred)."""
        ...

    def close(self) -> None: ...
