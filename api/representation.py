"""How the REST routes answer: JSON by default, a flat CSV table for lists, the graph as JSON-LD; paging; docs.

Routes call `list_answer` / `detail_answer`; the negotiation, CSV flattening and JSON-LD serialization
live here, once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api import linked_data, negotiation
from api.list_json import ListJson
from kg import named_queries
from kg.answers import graphs
from kg.answers.common import ISO_DATE_PATTERN, ListAnswer
from kg.errors import BadParameter

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
CSV = "text/csv"
JSONLD = "application/ld+json"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (default {DEFAULT_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
AsOf = Annotated[
    str | None,
    Query(
        description="The date asked about, YYYY-MM-DD (default: today).",
        examples=["2020-01-01"],
        json_schema_extra={"pattern": ISO_DATE_PATTERN, "format": "date"},
    ),
]
Evidence = Annotated[
    str | None,
    Query(
        description="The lowest evidence level counted: depositary, official or secondary (depositary > official > "
        "secondary; records below it are left out of items, unknown and total). Default: every record.",
        examples=["official"],
        json_schema_extra={"enum": ["depositary", "official", "secondary"]},
    ),
]
Q = Annotated[
    str | None, Query(description="Case-insensitive substring of a label, alternative label or number.")
]


def sparql_doc(*names: str, intro: str = "") -> str:
    """A route description that shows the SPARQL of its named queries, so any answer can be reproduced."""
    parts = [intro.strip()] if intro else []
    for name in names:
        query = named_queries.get(name)
        parts.append(
            f"**SPARQL** (`kg/queries/{name}.rq`; parameters are bound by a `VALUES` block "
            f"at the start of the `WHERE` group):\n\n```sparql\n{query.text.strip()}\n```"
        )
    return "\n\n".join(parts)


FORMATS = {"json": "application/json", "csv": CSV, "jsonld": JSONLD}
_FORMAT_DOC = (
    "The representation, for a link that cannot set `Accept`: {values}. Wins over `Accept`; "
    "any other value is a 422 naming `format`."
)


def _format_param(*values: str):
    return Annotated[
        str | None,
        Query(
            description=_FORMAT_DOC.format(values=", ".join(f"`{v}`" for v in values)),
            examples=[values[-1]],
            json_schema_extra={"enum": list(values)},
        ),
    ]


ListFormat = _format_param("json", "csv")  # lists of resources
RecordsFormat = _format_param("json", "csv", "jsonld")  # dated records, with their graph
DetailFormat = _format_param("json", "jsonld")  # one resource


def wanted(
    request: Request, fmt: str | None = None, *, offered: tuple[str, ...] = ("json", "csv", "jsonld")
) -> str:
    """'csv', 'jsonld' or 'json': the `format` parameter if given, else the first acceptable representation in
    the Accept header (JSON otherwise).

    Raises:
        BadParameter: `format` is not one of `offered`.
    """
    if fmt is not None:
        key = fmt.strip().lower()
        if key not in offered:
            raise BadParameter(
                "format", f"'{fmt}' is not offered here; expected one of: {', '.join(offered)}"
            )
        return key
    for media, _q in negotiation.parse_accept(request.headers.get("accept")):
        if media == CSV:
            return "csv"
        if media == JSONLD:
            return "jsonld"
        if media in ("application/json", "application/problem+json", "*/*", "application/*"):
            return "json"
    return "json"


def cite(request: Request) -> dict:
    """How to cite the answer to this request: graph version, the day asked, the URL."""
    version = request.app.state.store.version
    asked = date.today().isoformat()
    url = str(request.url)
    return {
        "text": f"cybergov-kg, graph version {version}, asked {asked}, {url}",
        "graph_version": version,
        "asked": asked,
        "url": url,
    }


def context_url(request: Request) -> str:
    """The URL of the published JSON-LD context on this server."""
    return str(request.base_url).rstrip("/") + linked_data.CONTEXT_PATH


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if "id" in value or "iri" in value:
            return str(value.get("id") or value.get("iri") or "")
        return "; ".join(f"{k} {_cell(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return " | ".join(_cell(v) for v in value)
    return str(value)


def flatten(item: dict) -> dict[str, str]:
    """One item as a flat row: references become {key}_id, {key}_label, {key}_iri; lists join with ' | '."""
    row: dict[str, str] = {}
    for key, value in item.items():
        if isinstance(value, dict) and "iri" in value:
            for part in ("id", "label", "iri"):
                row[f"{key}_{part}"] = _cell(value.get(part))
        else:
            row[key] = _cell(value)
    return row


def csv_body(items: list[dict], unknown: list[dict] | None = None) -> str:
    """A CSV table (header row first) a spreadsheet opens.

    With `unknown` (an answer that has that list), the undecidable records follow the items as rows of their
    own, and a last column `list` says which list each row is from: `items` or `unknown` (their `note` says why).
    """
    rows = [flatten(i) for i in items]
    if unknown is not None:
        rows = [{**r, "list": "items"} for r in rows] + [{**flatten(i), "list": "unknown"} for i in unknown]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    if unknown is not None:  # last, whatever the rows hold
        columns.pop("list", None)
        columns["list"] = None
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _header_text(value: str) -> str:
    """A header value: Latin-1 only (HTTP), so other characters are percent-encoded."""
    return quote(value, safe=" !#$&'()*+,-./:;=?@[]_~") if not value.isascii() or "\n" in value else value


def csv_headers(request: Request, body: dict, *, filename: str) -> dict[str, str]:
    """What the JSON answer says beside its items, as response headers of its CSV: counts, the published total,
    the coverage note, and how to cite it."""
    cited = cite(request)
    headers = {
        "X-Total-Count": str(body["total"]),
        "X-Graph-Version": cited["graph_version"],
        "X-Asked": cited["asked"],
        "Link": f'<{_header_text(cited["url"])}>; rel="cite-as"',
        "X-Cite": _header_text(cited["text"]),
        "Content-Disposition": f'attachment; filename="{filename}"',
    }
    if body.get("unknown") is not None:
        headers["X-Unknown-Count"] = str(len(body["unknown"]))
    total = body.get("reported_total")
    if total:
        headers["X-Reported-Total"] = f"{total['count']}; date={total['date']}; status={total['status']}"
        if total.get("sources"):
            headers["X-Reported-Total-Source"] = _header_text(total["sources"][0])
    if body.get("coverage_note"):
        headers["X-Coverage-Note"] = _header_text(body["coverage_note"])
    return headers


def download_name(request: Request, extension: str) -> str:
    """A file name for a download: the path and the parameters that chose the answer."""
    parts = [p for p in request.url.path.split("/") if p]
    parts += [
        v for k, v in sorted(request.query_params.items()) if k not in ("format", "limit", "offset") and v
    ]
    name = "-".join(parts) or "answer"
    return (
        "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "_" for c in name)[:120]
        + "."
        + extension
    )


def jsonld_response(document: dict) -> Response:
    return Response(json.dumps(document, ensure_ascii=False).encode(), media_type=JSONLD)


def list_answer(
    request: Request,
    answer: ListAnswer,
    model: type[BaseModel],
    *,
    limit: int,
    offset: int,
    fmt: str | None = None,
    graph: Callable[[list[dict]], list] | None = None,
    written: tuple[ListJson, str] | None = None,
) -> BaseModel | Response:
    """A list answer in the representation asked for (`format` or `Accept`).

    Args:
        fmt: the `format` parameter (json, csv, or jsonld where `graph` is given).
        graph: given the page's items, the triples behind them (offers application/ld+json).
        written: the JSON writer of the date routes' lists (api.list_json) and the graph version.
    """
    form = wanted(request, fmt, offered=("json", "csv", "jsonld") if graph is not None else ("json", "csv"))
    body = answer.page(limit=limit, offset=offset)
    if form == "json" and written is not None:
        writer, version = written
        return Response(writer.body(version, {**body, "cite": cite(request)}), media_type="application/json")
    if form == "csv":
        return Response(
            csv_body(body["items"], body.get("unknown")),
            media_type="text/csv; charset=utf-8",
            headers=csv_headers(request, body, filename=download_name(request, "csv")),
        )
    if form == "jsonld" and graph is not None:
        return jsonld_response(linked_data.compacted(graph(body["items"]), context_url=context_url(request)))
    return model.model_validate({**body, "cite": cite(request)})


def records_answer(
    request: Request,
    store,
    answer: ListAnswer,
    model: type[BaseModel],
    writer: ListJson,
    *,
    limit: int,
    offset: int,
    fmt: str | None = None,
) -> BaseModel | Response:
    """The list of a date route (a treaty's parties, an organization's members, a state's treaties or memberships):
    list_answer with the route's JSON writer and, for JSON-LD, the graph of the page's records."""
    return list_answer(
        request,
        answer,
        model,
        limit=limit,
        offset=offset,
        fmt=fmt,
        graph=lambda items: graphs.records_graph(store, [i["iri"] for i in items]),
        written=(writer, store.version),
    )


def detail_answer(
    request: Request,
    item: dict,
    model: type[BaseModel],
    *,
    fmt: str | None = None,
    graph: Callable[[], list] | None = None,
) -> BaseModel | Response:
    """One resource as JSON, or its graph framed on it as JSON-LD when asked for (`format` or `Accept`)."""
    form = wanted(request, fmt, offered=("json", "jsonld") if graph is not None else ("json",))
    if form == "jsonld" and graph is not None:
        return jsonld_response(linked_data.framed(graph(), item["iri"], context_url=context_url(request)))
    return model.model_validate({**item, "cite": cite(request)})
