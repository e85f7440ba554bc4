"""The SPARQL 1.1 Protocol endpoint: read-only, negotiated, bounded in time and size, cacheable."""

from __future__ import annotations

import codecs
import hashlib
from typing import Annotated
from urllib.parse import parse_qs

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api import negotiation
from api.body import read_limited
from api.deps import SettingsDep, StoreDep
from api.errors import problem
from api.responses import SPARQL_POST_RESPONSES, SPARQL_RESPONSES
from kg.errors import NotAcceptable, QueryError, QueryTimeout, RequestTooLarge
from kg.namespaces import QUERY_BASE_IRI
from kg.store.results import GRAPH_FORMATS
from kg.store.service_description import describe
from kg.store.sparql_policy import UserQuery

router = APIRouter(tags=["sparql"])

DESCRIPTION = f"""SPARQL 1.1 Protocol, read-only. Default graph: the union of the asserted data, the ontology
and the inferred triples; named graphs `https://w3id.org/cybergov/graph/asserted`, `.../inferred`,
`.../ontology` and one per source file (`.../graph/file/data/...`). Results: SPARQL JSON, XML, CSV, TSV
(SELECT/ASK); Turtle, N-Triples, JSON-LD, RDF/XML (CONSTRUCT/DESCRIBE), by `Accept` or `format=`.
Relative IRIs resolve against `{QUERY_BASE_IRI}` unless the query declares a `BASE`
(`<state/FRA>` is a state). The query is parsed before it runs (SPARQL 1.1 grammar): what does not
parse is a 400 with line and column; updates, LOAD and SERVICE to hosts off the allow-list are
refused (403), so is `update=`. One `query` per request (two are a 400); a POST body is read in
its declared `charset` (UTF-8 by default). Time and result size are bounded
(`CYBERGOV_QUERY_TIMEOUT`, `CYBERGOV_MAX_RESULTS`, `CYBERGOV_MAX_RESULT_BYTES`); an answer over a cap
is refused (413, a problem detail stating the cap and how to page), never cut."""


def _etag(version: str, *parts) -> str:
    digest = hashlib.sha256("\x1f".join([version, *map(str, parts)]).encode()).hexdigest()[:32]
    return f'"{digest}"'


def _cache_headers(etag: str) -> dict[str, str]:
    return {"ETag": etag, "Cache-Control": "public, max-age=300", "Vary": "Accept"}


def _not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    return bool(header) and (header.strip() == "*" or etag in [t.strip() for t in header.split(",")])


def _formats(request: Request, fmt: str | None) -> dict[str, str | None]:
    """The format to answer each query form in, from `format=` and Accept (None: not acceptable, 406)."""
    accept = request.headers.get("accept")
    return {form: negotiation.choose_format(form, accept, fmt) for form in ("select", "ask", "graph")}


def _not_acceptable(request: Request, form: str, fmt: str | None) -> Response:
    wanted = fmt or request.headers.get("accept")
    return problem(
        406,
        "Not Acceptable",
        f"cannot answer a {form.upper() if form != 'graph' else 'CONSTRUCT/DESCRIBE'} query as {wanted!r}",
        acceptable=sorted(negotiation.SELECT_MEDIA if form != "graph" else negotiation.GRAPH_MEDIA),
    )


def _answer(
    request: Request,
    store,
    settings,
    query: str,
    fmt: str | None,
    default_graphs: list[str],
    named_graphs: list[str],
) -> Response:
    """Check the query against the read-only policy, answer it, and write the response.

    The store does both (kg.store.sparql_policy.admit, then the query): the embedded store in a query worker
    process, so the server's own process never spends the parse's CPU time (tens of milliseconds for a
    query text it has not seen) while it serves other requests.
    """
    user_query = UserQuery(
        query, _formats(request, fmt), tuple(settings.service_allowlist), settings.max_query_bytes
    )
    try:
        out = store.execute_user(
            user_query, default_graphs=default_graphs or None, named_graphs=named_graphs or None
        )
    except NotAcceptable as exc:
        return _not_acceptable(request, exc.form, fmt)
    etag = _etag(store.version, query, out.fmt, default_graphs, named_graphs)
    if _not_modified(request, etag):
        return Response(status_code=304, headers=_cache_headers(etag))
    headers = _cache_headers(etag)
    headers["X-Result-Count"] = str(out.count if out.count is not None else "")
    headers["X-Result-Truncated"] = "true" if out.truncated else "false"
    return Response(out.body, media_type=out.media_type, headers=headers)


def _lane(request: Request, store) -> anyio.CapacityLimiter | None:
    """The app's turnstile for user queries: as many places as the store takes queries at once (two per query
    worker, kg.store.embedded; None for a store that does not say, such as a remote engine).

    A request waits for a place here, on the event loop, instead of in a thread of the pool the REST routes
    share: with every worker busy, waiting SPARQL requests hold no thread, so REST requests never queue
    behind them.
    """
    slots = getattr(store, "query_slots", None)
    if not slots:
        return None
    lane = getattr(request.app.state, "sparql_lane", None)
    if lane is None or lane.total_tokens != slots:
        lane = request.app.state.sparql_lane = anyio.CapacityLimiter(slots)
    return lane


async def _answer_in_turn(
    request: Request,
    store,
    settings,
    query: str,
    fmt: str | None,
    default_graphs: list[str],
    named_graphs: list[str],
) -> Response:
    """_answer in a thread once the turnstile lets the query in; waiting longer than CYBERGOV_QUERY_TIMEOUT there
    is a 503 (as is waiting as long again for a worker, kg.workers).

    Raises:
        QueryTimeout: no place within the time limit (as when no worker is free within it), or as _answer.
    """
    args = (request, store, settings, query, fmt, default_graphs, named_graphs)
    lane = _lane(request, store)
    if lane is None:
        return await run_in_threadpool(_answer, *args)
    try:
        with anyio.fail_after(settings.query_timeout):
            await lane.acquire()
    except TimeoutError:
        raise QueryTimeout(
            f"every query worker stayed busy for {settings.query_timeout:g} s; try again (CYBERGOV_QUERY_TIMEOUT)"
        ) from None
    try:
        return await run_in_threadpool(_answer, *args)
    finally:
        lane.release()


def _service_description(request: Request, store, fmt: str | None) -> Response:
    key = negotiation.choose_format("graph", request.headers.get("accept"), fmt) or "turtle"
    graph = describe(str(request.url_for("sparql_get")), store.counts())
    rdflib_format = {
        "turtle": "turtle",
        "ntriples": "nt",
        "jsonld": "json-ld",
        "rdfxml": "xml",
        "nquads": "nquads",
        "trig": "trig",
    }[key]
    etag = _etag(store.version, "service-description", key)
    if _not_modified(request, etag):
        return Response(status_code=304, headers=_cache_headers(etag))
    return Response(
        graph.serialize(format=rdflib_format), media_type=GRAPH_FORMATS[key][0], headers=_cache_headers(etag)
    )


@router.get(
    "/sparql",
    name="sparql_get",
    summary="SPARQL query (GET) or service description",
    description=DESCRIPTION,
    response_class=Response,
    responses=SPARQL_RESPONSES,
)
async def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[
        str | None, Query(description="The SPARQL query; without it, the service description.")
    ] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
    format: Annotated[
        str | None, Query(description="json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml")
    ] = None,
) -> Response:
    if "update" in request.query_params:
        return _refuse_update()
    queries = request.query_params.getlist("query")
    if len(queries) > 1:
        raise QueryError(f"{len(queries)} query parameters; send exactly one")
    if query is None:
        return await run_in_threadpool(_service_description, request, store, format)
    return await _answer_in_turn(
        request, store, settings, query, format, default_graph_uri or [], named_graph_uri or []
    )


def _refuse_update() -> Response:
    return problem(403, "Query refused", "SPARQL Update is not allowed: this endpoint is read-only")


def _charset(content_type: str) -> str | None:
    """The charset a Content-Type declares (None if none); raises LookupError for an unknown one."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return codecs.lookup(value.strip().strip('"')).name
    return None


@router.post(
    "/sparql",
    summary="SPARQL query (POST form or application/sparql-query)",
    description=DESCRIPTION,
    response_class=Response,
    responses=SPARQL_POST_RESPONSES,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}}
                },
            }
        }
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await read_limited(
        request,
        settings.max_query_bytes,
        RequestTooLarge(settings.max_query_bytes, "CYBERGOV_MAX_QUERY_BYTES"),
    )
    if "update" in request.query_params or content_type == "application/sparql-update":
        return _refuse_update()
    raw_type = request.headers.get("content-type", "")
    try:
        charset = _charset(raw_type) or "utf-8"
    except LookupError:
        return problem(
            415, "Unsupported Media Type", f"unknown charset in Content-Type {raw_type!r}; send UTF-8"
        )
    try:
        text = body.decode(charset)
    except UnicodeDecodeError as exc:
        raise QueryError(f"the body is not valid {charset} (byte {exc.start})") from None
    params = {k: v for k, v in request.query_params.multi_items()}
    default_graphs = request.query_params.getlist("default-graph-uri")
    named_graphs = request.query_params.getlist("named-graph-uri")
    queries = request.query_params.getlist("query")
    if content_type == "application/sparql-query":
        queries.append(text)
    elif content_type == "application/x-www-form-urlencoded":
        try:
            form = parse_qs(text, keep_blank_values=True, encoding=charset, errors="strict")
        except UnicodeDecodeError as exc:
            raise QueryError(
                f"a percent-escape in the form is not valid {charset} (byte {exc.start})"
            ) from None
        if "update" in form:
            return _refuse_update()
        queries += form.get("query", [])
        default_graphs += form.get("default-graph-uri", [])
        named_graphs += form.get("named-graph-uri", [])
        params.update({k: v[0] for k, v in form.items() if k == "format"})
    else:
        return problem(
            415,
            "Unsupported Media Type",
            "POST a query as application/sparql-query or application/x-www-form-urlencoded (query=...)",
        )
    if len(queries) > 1:
        raise QueryError(f"{len(queries)} queries in one request (URL and body); send exactly one")
    query = queries[0] if queries else None
    if not query:
        raise QueryError("no query: send query=... or an application/sparql-query body")
    return await _answer_in_turn(
        request, store, settings, query, params.get("format"), default_graphs, named_graphs
    )
