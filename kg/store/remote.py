"""The remote store: any SPARQL 1.1 Protocol endpoint (oxigraph serve, Fuseki, QLever, GraphDB, ...).

Dataset semantics are the embedded store's: `cybergov push` (kg.push) writes every named graph of
the build AND their union (asserted + ontology + inferred) into the endpoint's default graph, so a
query without FROM / default-graph-uri sees the contract's default graph and GRAPH ?g sees the
named graphs, on any engine that keeps its default graph separate (oxigraph serve without
--union-default-graph, Fuseki without unionDefaultGraph). No dataset parameter is sent unless the
user's request names graphs.

Answers are fetched as SPARQL JSON (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE), parsed with
pyoxigraph and re-serialized by kg.store.engine.serialize_answer, so every format and the result
cap come out byte-for-byte as on the embedded store.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from kg import named_queries
from kg.config import Settings
from kg.errors import QueryError, QueryTimeout, ResultTooLarge, StoreError
from kg.namespaces import sparql_prologue
from kg.store.base import QueryOutput, Row, bind
from kg.store.engine import serialize_answer

REMOTE_FACTOR = 3  # the endpoint's SPARQL JSON may take a few times the bytes of the answer re-serialized here
ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5, "
          "application/sparql-results+xml;q=0.3")
_POSITION = (
    re.compile(r"at (\d+):(\d+)"),                               # oxigraph: "error at 1:8: expected ..."
    re.compile(r"line (\d+), column (\d+)", re.IGNORECASE),      # Jena/Fuseki: "... at line 1, column 8."
)


def _query_error(status: int, text: str) -> QueryError:
    message = text.strip() or f"the endpoint answered {status}"
    for pattern in _POSITION:
        match = pattern.search(message)
        if match:
            return QueryError(message, int(match.group(1)), int(match.group(2)))
    return QueryError(message)


class RemoteStore:
    """A Store over a SPARQL 1.1 Protocol endpoint (settings.endpoint), read through httpx.

    Thread-safe: one pooled httpx.Client shared by the server's worker threads.
    """

    def __init__(self, settings: Settings, *, version: str, client: httpx.Client | None = None,
                 recorded: dict[str, int] | None = None) -> None:
        if not settings.endpoint:
            raise StoreError("the remote store needs CYBERGOV_ENDPOINT (the SPARQL query endpoint URL)")
        self.endpoint = settings.endpoint
        self.version = version
        self.max_results = settings.max_results
        self.max_bytes = settings.max_result_bytes
        self.recorded = recorded  # the build's own counts (kg.store.recorded_counts), for /health
        self._timeout = settings.query_timeout
        auth = (settings.endpoint_user, settings.endpoint_password or "") if settings.endpoint_user else None
        self._client = client or httpx.Client(auth=auth, timeout=httpx.Timeout(settings.query_timeout, connect=5.0),
                                              limits=httpx.Limits(max_connections=32, max_keepalive_connections=16))
        self._counts: dict[str, int] | None = None

    @staticmethod
    def _read_capped(response: httpx.Response, cap: int | None) -> bytes:
        """The response body, read chunk by chunk and abandoned past REMOTE_FACTOR * cap bytes (None: no cap)."""
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if cap is not None and len(body) > REMOTE_FACTOR * cap:
                raise ResultTooLarge(
                    f"the endpoint's answer is larger than {REMOTE_FACTOR * cap} bytes ({REMOTE_FACTOR} times the "
                    f"limit of {cap}; CYBERGOV_MAX_RESULT_BYTES): ask for less: page with ORDER BY, LIMIT and OFFSET, "
                    "or download the whole dataset from /dump", limit=cap, setting="CYBERGOV_MAX_RESULT_BYTES")
        return bytes(body)

    def _post(self, query: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, cap: int | None = None) -> httpx.Response:
        """POST the query (form-encoded) and return a 2xx response, its body read (see _read_capped).

        Raises:
            QueryError: the endpoint rejected the query (400), with line and column when it says them.
            QueryTimeout: no answer within the query timeout (or the endpoint reports its own timeout).
            StoreError: the endpoint is unreachable or failed.
            ResultTooLarge: the body is over REMOTE_FACTOR * cap.
        """
        form: list[tuple[str, str]] = [("query", query)]
        form += [("default-graph-uri", g) for g in default_graphs or []]
        form += [("named-graph-uri", g) for g in named_graphs or []]
        try:
            request = self._client.build_request("POST", self.endpoint, content=urlencode(form).encode(), headers={
                "Accept": ACCEPT, "Content-Type": "application/x-www-form-urlencoded"})
            streamed = self._client.send(request, stream=True)
            try:
                content = self._read_capped(streamed, cap)  # decoded: drop the headers about the encoding
                headers = [(k, v) for k, v in streamed.headers.multi_items()
                           if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
                response = httpx.Response(streamed.status_code, headers=headers, content=content, request=request)
            finally:
                streamed.close()
        except httpx.TimeoutException:
            raise QueryTimeout(f"query stopped after {self._timeout:g} s (the limit; CYBERGOV_QUERY_TIMEOUT)") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"SPARQL endpoint {self.endpoint} unreachable: {exc}") from None
        if response.status_code in (400, 422):
            raise _query_error(response.status_code, response.text)
        timed_out = response.status_code in (408, 504) or (
            response.is_error and "timeout" in response.text[:300].lower())
        if timed_out:
            raise QueryTimeout(f"the endpoint stopped the query: {response.text.strip()[:200]}")
        if response.is_error:
            raise StoreError(f"SPARQL endpoint answered {response.status_code}: {response.text.strip()[:300]}")
        return response

    def _answer(self, response: httpx.Response):
        """The response as a pyoxigraph answer (QueryBoolean, QuerySolutions or an iterator of triples)."""
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        body = response.content
        try:
            if media == "application/sparql-results+json" or media == "application/json":
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if media == "application/sparql-results+xml":
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            rdf_format = ox.RdfFormat.from_media_type(media)
            if rdf_format is None:
                raise StoreError(f"the endpoint answered in an unexpected format {media!r}")
            return (quad.triple for quad in ox.parse(body, format=rdf_format))
        except SyntaxError as exc:
            raise StoreError(f"the endpoint's answer does not parse as {media}: {exc}") from None

    def _query(self, query: str, bindings):
        return self._answer(self._post(sparql_prologue() + bind(query, bindings)))

    def select(self, query: str, *, bindings: dict[str, object] | None = None) -> list[Row]:
        answer = self._query(query, bindings)
        if not isinstance(answer, ox.QuerySolutions):
            raise StoreError("the endpoint did not answer a SELECT with solutions")
        names = [v.value for v in answer.variables]
        return [{n: (None if (t := sol[n]) is None else t.value) for n in names} for sol in answer]

    def ask(self, query: str, *, bindings: dict[str, object] | None = None) -> bool:
        answer = self._query(query, bindings)
        if not isinstance(answer, ox.QueryBoolean):
            raise StoreError("the endpoint did not answer an ASK with a boolean")
        return bool(answer)

    def construct(self, query: str, *, bindings: dict[str, object] | None = None) -> list:
        answer = self._query(query, bindings)
        if isinstance(answer, (ox.QueryBoolean, ox.QuerySolutions)):
            raise StoreError("the endpoint did not answer a CONSTRUCT with triples")
        return list(answer)

    def execute(self, query: str, *, fmt: str, default_graphs: list[str] | None = None,
                named_graphs: list[str] | None = None) -> QueryOutput:
        response = self._post(query, default_graphs=default_graphs, named_graphs=named_graphs,
                              cap=self.max_bytes)
        return serialize_answer(self._answer(response), fmt=fmt, max_results=self.max_results,
                                max_bytes=self.max_bytes)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            rows = self._answer(self._post(named_queries.get("graph-counts", "pipeline").text))
            self._counts = {sol["g"].value: int(sol["n"].value) for sol in rows}
        return dict(self._counts)

    def default_count(self) -> int:
        """Triples in the endpoint's default graph (kg.push writes the union there)."""
        rows = self._answer(self._post(named_queries.get("default-count", "pipeline").text))
        return int(next(iter(rows))["n"].value)

    def close(self) -> None:
        self._client.close()


__all__ = ["RemoteStore"]
