"""The remote store: any SPARQL 1.1 Protocol endpoint (oxigraph serve, Fuseki, QLever, GraphDB, ...).

Dataset semantics are the embedded store's: `cybergov push` (kg.store.push) writes every named graph of
the build AND their union (asserted + ontology + inferred) into the endpoint's default graph, so a
query without FROM / default-graph-uri sees the contract's default graph and GRAPH ?g sees the
named graphs, on any engine that keeps its default graph separate (oxigraph serve without
--union-default-graph, Fuseki without unionDefaultGraph). No dataset parameter is sent unless the
user's request names graphs.

Answers are fetched as SPARQL JSON (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE), parsed with
pyoxigraph and re-serialized by kg.store.engine.serialize_answer, so every format and the result
cap come out byte-for-byte as on the embedded store.

Virtuoso (settings.endpoint_kind "virtuoso") differs in three ways, each handled here:
- a query that names no graph reads the union of all its graphs, system graphs included, with one
  solution per graph a triple is in: every query is sent with its dataset named (default-graph-uri
  the graph kg.store.push fills with the contract's default graph, named-graph-uri each project graph);
  a request that names graphs itself gets them, and an empty named (or default) set where it named
  none, as the SPARQL Protocol says;
- ASK answers come back as a one-row SELECT of ?__ASK_RETVAL (1 or 0), in JSON and XML alike;
- its graph store wants HTTP digest authentication (endpoint_auth).

The version of the data is the one `cybergov push` last wrote (GRAPH_BUILD), re-read at most every
settings.version_check_seconds, so instances over one endpoint follow a new push without a restart.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox

from kg import named_queries
from kg.config import Settings
from kg.errors import KgError, QueryError, QueryTimeout, ResultTooLarge, StoreError
from kg.memory_only import require_store_read
from kg.namespaces import GRAPH_BUILD, GRAPH_DEFAULT, QUERY_BASE_IRI, sparql_prologue
from kg.querying import QueryOutput, Row, bind
from kg.store.engine import serialize_answer
from kg.store.select_star import spelled_out
from kg.store.sparql_parse import parse
from kg.store.sparql_policy import UserQuery, admit

REMOTE_FACTOR = (
    3  # the endpoint's SPARQL JSON may take a few times the bytes of the answer re-serialized here
)
ACCEPT = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5, "
    "application/sparql-results+xml;q=0.3"
)
_POSITION = (
    re.compile(r"at (\d+):(\d+)"),  # oxigraph: "error at 1:8: expected ..."
    re.compile(r"line (\d+), column (\d+)", re.IGNORECASE),  # Jena/Fuseki: "... at line 1, column 8."
)


_NO_GRAPH = "urn:cybergov:no-graph"  # names an empty graph set where a request names only the other kind
_VIRTUOSO_ASK = "__ASK_RETVAL"


def endpoint_auth(settings: Settings) -> httpx.Auth | None:
    """The credentials for the endpoint: basic auth, or digest auth on Virtuoso."""
    if not settings.endpoint_user:
        return None
    if settings.endpoint_kind == "virtuoso":
        return httpx.DigestAuth(settings.endpoint_user, settings.endpoint_password or "")
    return httpx.BasicAuth(settings.endpoint_user, settings.endpoint_password or "")


_DURATIONS = {"http://www.w3.org/2001/XMLSchema#duration", "http://www.w3.org/2001/XMLSchema#dayTimeDuration"}


def _seconds_as_duration(value: str) -> str | None:
    """Virtuoso keeps an xsd:duration as its number of seconds ("86400.0"): the canonical
    xsd:dayTimeDuration of that many seconds ("P1D"), as oxigraph writes it; None if not a number."""
    try:
        total = float(value)
    except ValueError:
        return None
    sign, total = ("-" if total < 0 else ""), abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    time_part = "".join(f"{int(n)}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n)
    if seconds:
        time_part += f"{seconds:g}S"
    text = f"{sign}P" + (f"{int(days)}D" if days else "") + (f"T{time_part}" if time_part else "")
    return text if text not in ("P", "-P") else "PT0S"


def _virtuoso_json(body: bytes) -> bytes:
    """Virtuoso's SPARQL JSON made standard, parsed once: its ASK answers (a SELECT of ?__ASK_RETVAL: one row
    holding 1 when true, no row when false) as a boolean, its blank node labels ("nodeID://b1000", not a valid
    label) relabelled, its durations kept as seconds written back as durations."""
    try:
        answer = json.loads(body)
        rows = answer["results"]["bindings"]
        if answer["head"]["vars"] == [_VIRTUOSO_ASK]:
            true = bool(rows) and rows[0][_VIRTUOSO_ASK]["value"] not in ("0", "false")
            return json.dumps({"head": {}, "boolean": true}).encode()
    except (ValueError, KeyError, IndexError, TypeError):
        return body
    for row in rows:
        for term in row.values():
            if term.get("type") == "bnode":
                term["value"] = re.sub(r"[^A-Za-z0-9_]", "_", term["value"])
            elif term.get("datatype") in _DURATIONS and (duration := _seconds_as_duration(term["value"])):
                term["value"] = duration
    return json.dumps(answer).encode()


def _query_error(status: int, text: str, *, lines_before: int = 0) -> QueryError:
    message = text.strip() or f"the endpoint answered {status}"
    for pattern in _POSITION:
        match = pattern.search(message)
        if match:
            return QueryError(message, max(1, int(match.group(1)) - lines_before), int(match.group(2)))
    return QueryError(message)


# Users' queries get the embedded store's base (kg.namespaces.QUERY_BASE_IRI) as a BASE line of
# their own: a BASE the query declares comes after it and wins, as with pyoxigraph's base_iri.
_USER_BASE = f"BASE <{QUERY_BASE_IRI}>\n"


class RemoteStore:
    """A Store over a SPARQL 1.1 Protocol endpoint (settings.endpoint), read through httpx.

    Thread-safe: one pooled httpx.Client shared by the server's worker threads.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        version: str,
        client: httpx.Client | None = None,
        recorded: dict[str, int] | None = None,
    ) -> None:
        if not settings.endpoint:
            raise StoreError("the remote store needs CYBERGOV_ENDPOINT (the SPARQL query endpoint URL)")
        self.endpoint = settings.endpoint
        self.kind = settings.endpoint_kind
        self.max_results = settings.max_results
        self.max_bytes = settings.max_result_bytes
        self._recorded = recorded  # the local build's own counts (kg.store.recorded_counts), for /health
        self._timeout = settings.query_timeout
        self._client = client or httpx.Client(
            auth=endpoint_auth(settings),
            timeout=httpx.Timeout(settings.query_timeout, connect=5.0),
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )
        self._built_version = version
        self._check_every = settings.version_check_seconds
        self._lock = threading.Lock()
        self._version: str | None = None
        self._watcher: threading.Thread | None = None
        self._closed = threading.Event()
        self._counts: dict[str, int] | None = None
        self._default_count: int | None = None
        self._graphs: list[str] | None = None

    @property
    def version(self) -> str:
        """The version pushed last (GRAPH_BUILD), as a background thread re-reads it every
        version_check_seconds (requests never wait for the endpoint to learn it); the local build's when
        the endpoint holds none (loaded by other means than `cybergov push`)."""
        if self._watcher is None:
            with self._lock:
                if self._watcher is None:
                    self._read_version()
                    self._watcher = threading.Thread(
                        target=self._watch_version, daemon=True, name="cybergov-version-watch"
                    )
                    self._watcher.start()
        return self._version or self._built_version

    def _read_version(self) -> None:
        try:
            rows = self._answer(
                self._post(named_queries.get("pushed-version", "build/pipeline_queries").text, dataset=False)
            )
            pushed = next((sol["version"].value for sol in rows), None)
        except KgError:  # the endpoint is busy or away: keep answering with the version known last
            return
        if pushed != self._version:  # a new push: what was derived from the old data goes
            self._counts, self._graphs, self._default_count = None, None, None
            self._version = pushed

    def _watch_version(self) -> None:
        while not self._closed.wait(self._check_every or 1.0):
            self._read_version()

    def _dataset(self, default_graphs: list[str] | None, named_graphs: list[str] | None):
        """The dataset to name in the request: as asked, or on Virtuoso the contract's own (see the module)."""
        if self.kind != "virtuoso":
            return default_graphs, named_graphs
        if not default_graphs and not named_graphs:
            return [GRAPH_DEFAULT], self.named_graphs() or [_NO_GRAPH]
        return default_graphs or [_NO_GRAPH], named_graphs or [_NO_GRAPH]

    def named_graphs(self) -> list[str]:
        """The project's named graphs on the endpoint (as the last push recorded them)."""
        if self._graphs is None:
            rows = self._answer(
                self._post(named_queries.get("named-graphs", "build/pipeline_queries").text, dataset=False)
            )
            self._graphs = [sol["g"].value for sol in rows]
        return list(self._graphs)

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
                    "or download the whole dataset from /dump",
                    limit=cap,
                    setting="CYBERGOV_MAX_RESULT_BYTES",
                )
        return bytes(body)

    def _post(
        self,
        query: str,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        dataset: bool = True,
        graph: bool | None = None,
        lines_before: int = 0,
        cap: int | None = None,
    ) -> httpx.Response:
        """POST the query (form-encoded) and return a 2xx response, its body read (see _read_capped).

        dataset=False sends the graphs as given (the service's own dataset when none), for the queries
        that look at the endpoint's graphs themselves. graph says whether the query is a CONSTRUCT or
        DESCRIBE (None: unknown); Virtuoso answers every form in the first type Accept names, so it is
        asked for the one type that fits.

        Raises:
            QueryError: the endpoint rejected the query (400), with line and column when it says them.
            QueryTimeout: no answer within the query timeout (or the endpoint reports its own timeout).
            StoreError: the endpoint is unreachable or failed.
            ResultTooLarge: the body is over REMOTE_FACTOR * cap.
            NotInMemory: called inside kg.memory_only.memory_only().
        """
        require_store_read()
        if dataset:
            default_graphs, named_graphs = self._dataset(default_graphs, named_graphs)
        form: list[tuple[str, str]] = [("query", query)]
        form += [("default-graph-uri", g) for g in default_graphs or []]
        form += [("named-graph-uri", g) for g in named_graphs or []]
        try:
            accept = ACCEPT
            if self.kind == "virtuoso" and graph is not None:
                accept = "application/n-triples" if graph else "application/sparql-results+json"
            request = self._client.build_request(
                "POST",
                self.endpoint,
                content=urlencode(form).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            )
            streamed = self._client.send(request, stream=True)
            try:
                content = self._read_capped(streamed, cap)  # decoded: drop the headers about the encoding
                headers = [  # raw bytes: an engine may echo a non-ASCII value (a graph IRI) in a header
                    (k, v)
                    for k, v in streamed.headers.raw
                    if k.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
                ]
                response = httpx.Response(
                    streamed.status_code, headers=headers, content=content, request=request
                )
            finally:
                streamed.close()
        except httpx.TimeoutException:
            raise QueryTimeout(
                f"query stopped after {self._timeout:g} s (the limit; CYBERGOV_QUERY_TIMEOUT)"
            ) from None
        except httpx.HTTPError as exc:
            raise StoreError(f"SPARQL endpoint {self.endpoint} unreachable: {exc}") from None
        if response.status_code in (400, 422):
            raise _query_error(response.status_code, response.text, lines_before=lines_before)
        timed_out = response.status_code in (408, 504) or (
            response.is_error and "timeout" in response.text[:300].lower()
        )
        if timed_out:
            raise QueryTimeout(f"the endpoint stopped the query: {response.text.strip()[:200]}")
        if response.is_error:
            raise StoreError(
                f"SPARQL endpoint answered {response.status_code}: {response.text.strip()[:300]}"
            )
        return response

    def _answer(self, response: httpx.Response):
        """The response as a pyoxigraph answer (QueryBoolean, QuerySolutions or an iterator of triples)."""
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        body = response.content
        try:
            if media == "application/sparql-results+json" or media == "application/json":
                if self.kind == "virtuoso":
                    body = _virtuoso_json(body)
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if media == "application/sparql-results+xml":
                return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            rdf_format = ox.RdfFormat.from_media_type(media)
            if rdf_format is None:
                raise StoreError(f"the endpoint answered in an unexpected format {media!r}")
            return (quad.triple for quad in ox.parse(body, format=rdf_format))
        except SyntaxError as exc:
            raise StoreError(f"the endpoint's answer does not parse as {media}: {exc}") from None

    def _query(self, query: str, bindings, *, graph: bool = False):
        return self._answer(self._post(sparql_prologue() + bind(query, bindings), graph=graph))

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
        answer = self._query(query, bindings, graph=True)
        if isinstance(answer, (ox.QueryBoolean, ox.QuerySolutions)):
            raise StoreError("the endpoint did not answer a CONSTRUCT with triples")
        return list(answer)

    def execute(
        self,
        query: str,
        *,
        fmt: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryOutput:
        parsed = parse(query)
        # the default base goes first only where the query has none of its own (Virtuoso takes a second BASE badly)
        own_base = getattr(parsed, "has_base", False)
        response = self._post(
            query if own_base else _USER_BASE + query,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            graph=getattr(parsed, "family", None) == "graph",
            lines_before=0 if own_base else 1,
            cap=self.max_bytes,
        )
        return serialize_answer(
            self._answer(response), fmt=fmt, max_results=self.max_results, max_bytes=self.max_bytes
        )

    def execute_user(
        self,
        query: UserQuery,
        *,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryOutput:
        """Check a user's query against the read-only policy (here, in the server's process: a remote store has
        no query workers) and answer it; the output's fmt is the format chosen for its form.

        Raises:
            QueryError, QueryRefused, NotAcceptable: as kg.store.sparql_policy.admit.
            QueryTimeout, ResultTooLarge, StoreError: as execute.
        """
        _parsed, fmt = admit(query)
        out = self.execute(
            spelled_out(query.text), fmt=fmt, default_graphs=default_graphs, named_graphs=named_graphs
        )
        return replace(out, fmt=fmt)

    def quads(self):
        """Every quad of the endpoint (named graphs and the default graph).

        The answer is fetched whole (SPARQL JSON) and read lazily; a Graph Store Protocol download
        would stream, but not every engine offers one.
        """
        for row in self._answer(self._post(named_queries.get("all-quads", "build/pipeline_queries").text)):
            graph = row["g"] if row["g"] is not None else ox.DefaultGraph()
            yield ox.Quad(row["s"], row["p"], row["o"], graph)

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            rows = self._answer(self._post(named_queries.get("graph-counts", "build/pipeline_queries").text))
            self._counts = {
                sol["g"].value: int(sol["n"].value) for sol in rows if sol["g"].value != GRAPH_BUILD
            }  # the push's record, not the build's data
        return dict(self._counts)

    def default_count(self) -> int:
        """Triples in the endpoint's default graph (kg.store.push writes the union there)."""
        if self._default_count is None:
            rows = self._answer(self._post(named_queries.get("default-count", "build/pipeline_queries").text))
            self._default_count = int(next(iter(rows))["n"].value)
        return self._default_count

    @property
    def recorded(self) -> dict[str, int] | None:
        """The local build's counts, when the endpoint serves that build (None after a push of another)."""
        return self._recorded if self.version == self._built_version else None

    def close(self) -> None:
        self._closed.set()
        self._client.close()


__all__ = ["RemoteStore", "endpoint_auth"]
