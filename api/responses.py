"""What each route documents in OpenAPI beside its 200 model: media types, and errors as problem details.

Every error the API sends is RFC 9457 `application/problem+json` (api.errors); the routes list here
which statuses they can answer, so the OpenAPI document (and schemathesis over it) knows them all.
"""

from __future__ import annotations

from fastapi import FastAPI

from api.errors import PROBLEM
from api.representation import CSV, JSONLD
from api.schemas import ParameterError, Problem
from kg.store.results import GRAPH_FORMATS, SELECT_FORMATS

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
GRAPH_MEDIA = [media_type for media_type, _format in GRAPH_FORMATS.values()]
RESULTS_MEDIA = list(SELECT_FORMATS.values())

WHY = {
    400: "Malformed: the SPARQL or RDF parser's message, with `line` and `column`.",
    403: "Refused: SPARQL Update, LOAD, or SERVICE to a host off the allow-list.",
    404: "No resource with that id; `suggestions` lists close ids.",
    406: "Nothing acceptable: no representation matches `Accept` (or `format=`); "
    "`acceptable` lists those offered.",
    413: "Too large: the request body, or an answer over the result cap (CYBERGOV_MAX_RESULTS).",
    415: "The request body's Content-Type is not one this route reads.",
    422: "Invalid parameter: `parameter` names it, `detail` says why.",
    502: "The store did not answer (a remote store that is down or failing).",
    503: "Over a time limit (CYBERGOV_QUERY_TIMEOUT), or every worker stayed busy: "
    "the work was stopped; try again.",
}


def problems(*statuses: int) -> dict[int, dict]:
    """OpenAPI responses for these error statuses, each an application/problem+json Problem."""
    return {
        status: {"description": WHY[status], "content": {PROBLEM: {"schema": PROBLEM_REF}}}
        for status in statuses
    }


def _schema(media_type: str) -> dict:
    """What a body of this media type is: JSON (SPARQL results: an object; JSON-LD: an object or an array
    of nodes), else text."""
    if media_type == JSONLD:
        return {"type": ["object", "array"]}
    if media_type.endswith("+json") or media_type == "application/json":
        return {"type": "object"}
    return {"type": "string"}


def media(*types: str, description: str) -> dict:
    """An OpenAPI 200 response offering these media types (beside the route's JSON model, if it has one)."""
    return {"description": description, "content": {t: {"schema": _schema(t)} for t in types}}


# The errors every route backed by the store can answer (a failing remote store, a time limit).
STORE_ERRORS = (502, 503)
NOT_MODIFIED = {304: {"description": "Not modified: `If-None-Match` named the current ETag."}}


def _header(description: str) -> dict:
    return {"description": description, "required": False, "schema": {"type": "string"}}


# What the JSON answer says beside its items, as headers of the CSV (a table has no room for it).
CSV_HEADERS = {
    "X-Total-Count": _header("CSV: `total`, the items matching before limit and offset."),
    "X-Unknown-Count": _header(
        "CSV: how many rows come from `unknown` (their last column `list` is `unknown`)."
    ),
    "X-Reported-Total": _header("CSV: the published `reported_total`: `count; date=...; status=...`."),
    "X-Reported-Total-Source": _header("CSV: the source of the published total."),
    "X-Coverage-Note": _header("CSV: `coverage_note` (percent-encoded where not ASCII)."),
    "X-Graph-Version": _header("CSV: the graph version the answer was computed from (`cite.graph_version`)."),
    "X-Asked": _header("CSV: the day it was asked (`cite.asked`)."),
    "X-Cite": _header("CSV: `cite.text`, how to cite the answer."),
    "Link": _header('CSV: `<URL>; rel="cite-as"`, the URL to cite.'),
    "Content-Disposition": _header("CSV: `attachment` with a file name made of the path and parameters."),
}
_CSV_DOC = (
    "a CSV table with `format=csv` or `Accept: text/csv` (what JSON says beside the items is in the "
    "`X-` headers; in a list with `unknown`, those records follow as rows whose last column `list` says "
    "`unknown`)"
)
LIST_RESPONSES = {
    200: {**media(CSV, description=f"JSON (with `cite`); {_CSV_DOC}."), "headers": CSV_HEADERS},
    **problems(422, *STORE_ERRORS),
}
RECORDS_RESPONSES = {
    200: {
        **media(
            CSV,
            JSONLD,
            description=(
                f"JSON (with `cite`); {_CSV_DOC}; the records of the page as JSON-LD (compacted with `/context.jsonld`) "
                "with `format=jsonld` or `Accept: application/ld+json`."
            ),
        ),
        "headers": CSV_HEADERS,
    },
    **problems(404, 422, *STORE_ERRORS),
}
DETAIL_RESPONSES = {
    200: media(
        JSONLD,
        description="JSON (with `cite`); the resource's graph as JSON-LD framed on it, with the "
        "context `/context.jsonld`, with `format=jsonld` or `Accept: application/ld+json`.",
    ),
    **problems(404, 422, *STORE_ERRORS),
}
SPARQL_RESPONSES = {
    200: media(
        *RESULTS_MEDIA,
        *GRAPH_MEDIA,
        description=(
            "SELECT/ASK results (SPARQL JSON, XML, CSV, TSV) or a CONSTRUCT/DESCRIBE graph (Turtle, N-Triples, "
            "JSON-LD, RDF/XML, N-Quads, TriG), by `Accept` or `format=`; without a query, the service "
            "description."
        ),
    ),
    **NOT_MODIFIED,
    **problems(400, 403, 406, 413, 422, *STORE_ERRORS),
}
SPARQL_POST_RESPONSES = {**SPARQL_RESPONSES, **problems(415)}
GRAPH_RESPONSES = {
    200: media(*GRAPH_MEDIA, description="The graph, by `Accept` or `format=`."),
    **NOT_MODIFIED,
}
RESOURCE_RESPONSES = {
    **GRAPH_RESPONSES,
    303: {"description": "A browser (`Accept: text/html`) is sent to the resource's page or JSON view."},
    **problems(404, 406, 422, *STORE_ERRORS),
}
ONTOLOGY_RESPONSES = {**GRAPH_RESPONSES, **problems(422, *STORE_ERRORS)}


def install(app: FastAPI) -> None:
    """Make the app's OpenAPI document also define the Problem schema that the error responses refer to."""
    generate = app.openapi

    def openapi() -> dict:
        document = generate()  # FastAPI's, cached on app.openapi_schema
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        for model in (ParameterError, Problem):
            if model.__name__ not in schemas:
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schema.pop("$defs", None)
                schemas[model.__name__] = schema
        return document

    app.openapi = openapi
