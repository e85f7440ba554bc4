"""How the REST routes answer: JSON by default, a flat CSV table for lists, the graph as JSON-LD; paging; docs.

Routes call `list_answer` / `detail_answer`; the negotiation, CSV flattening and JSON-LD serialization
live here, once.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from api import negotiation
from kg import named_queries
from kg.namespaces import PREFIXES
from kg.store.results import graph_body
from kg.answers.common import ISO_DATE_PATTERN, ListAnswer

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
CSV = "text/csv"
JSONLD = "application/ld+json"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (default {DEFAULT_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
AsOf = Annotated[str | None, Query(description="The date asked about, YYYY-MM-DD (default: today).",
                                   examples=["2020-01-01"],
                                   json_schema_extra={"pattern": ISO_DATE_PATTERN, "format": "date"})]
Evidence = Annotated[str | None, Query(
    description="The lowest evidence level counted: depositary, official or secondary (depositary > official > "
                "secondary; records below it are left out of items, unknown and total). Default: every record.",
    examples=["official"], json_schema_extra={"enum": ["depositary", "official", "secondary"]})]
Q = Annotated[str | None, Query(description="Case-insensitive substring of a label, alternative label or number.")]


def sparql_doc(*names: str, intro: str = "") -> str:
    """A route description that shows the SPARQL of its named queries, so any answer can be reproduced."""
    parts = [intro.strip()] if intro else []
    for name in names:
        query = named_queries.get(name)
        parts.append(f"**SPARQL** (`kg/queries/{name}.rq`; parameters are bound by a `VALUES` block "
                     f"at the start of the `WHERE` group):\n\n```sparql\n{query.text.strip()}\n```")
    return "\n\n".join(parts)


def wanted(request: Request) -> str:
    """'csv', 'jsonld' or 'json': the first acceptable representation in the Accept header (JSON otherwise)."""
    for media, _q in negotiation.parse_accept(request.headers.get("accept")):
        if media == CSV:
            return "csv"
        if media == JSONLD:
            return "jsonld"
        if media in ("application/json", "application/problem+json", "*/*", "application/*"):
            return "json"
    return "json"


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


def csv_body(items: list[dict]) -> str:
    """A CSV table (header row first) a spreadsheet opens."""
    rows = [flatten(i) for i in items]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def jsonld_response(triples: list) -> Response:
    return Response(graph_body(triples, "jsonld", PREFIXES), media_type=JSONLD)


def list_answer(request: Request, answer: ListAnswer, model: type[BaseModel], *, limit: int, offset: int,
                graph: Callable[[list[dict]], list] | None = None) -> BaseModel | Response:
    """A list answer in the representation asked for.

    Args:
        graph: given the page's items, the triples behind them (offers application/ld+json).
    """
    body = answer.page(limit=limit, offset=offset)
    form = wanted(request)
    if form == "csv":
        return Response(csv_body(body["items"]), media_type="text/csv; charset=utf-8",
                        headers={"X-Total-Count": str(body["total"])})
    if form == "jsonld" and graph is not None:
        return jsonld_response(graph(body["items"]))
    return model.model_validate(body)


def detail_answer(request: Request, item: dict, model: type[BaseModel],
                  graph: Callable[[], list] | None = None) -> BaseModel | Response:
    """One resource as JSON, or its graph as JSON-LD when asked for."""
    if graph is not None and wanted(request) == "jsonld":
        return jsonld_response(graph())
    return model.model_validate(item)
