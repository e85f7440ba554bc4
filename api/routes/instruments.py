"""GET /instruments and /instruments/{id}: every instrument, binding or not."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.memory_first import answers_from_memory
from api.representation import (
    DEFAULT_LIMIT,
    DetailFormat,
    Evidence,
    Limit,
    ListFormat,
    Offset,
    Q,
    detail_answer,
    list_answer,
    sparql_doc,
)
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES
from api.schemas import InstrumentDetail, InstrumentList
from kg.answers import graphs, instruments
from kg.answers.common import evidence_param

router = APIRouter(tags=["instruments"])

Kind = Annotated[
    str | None,
    Query(
        description="Instrument kind, e.g. treaty, regulation (any case).",
        json_schema_extra={"enum": list(instruments.INSTRUMENT_KINDS)},
    ),
]


@router.get(
    "/instruments",
    response_model=InstrumentList,
    responses=LIST_RESPONSES,
    summary="Instruments",
    description=sparql_doc(
        "instruments",
        "date-intervals",
        "date-bounds",
        intro=(
            "Every instrument, binding or not: treaties, protocols, EU regulations and directives, resolutions, "
            "reports, policies. `q` filters by label, alternative label or official number (case-insensitive "
            "substring); `kind` by class (`treaty` includes protocols; `legal-instrument`, `resolution`, ...). "
            "`Accept: text/csv` gives a table."
        ),
    ),
)
@answers_from_memory
def list_instruments(
    request: Request,
    store: StoreDep,
    q: Q = None,
    kind: Kind = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = instruments.list_instruments(store, q=q, kind=kind).at_least(evidence_param(evidence))
    return list_answer(request, answer, InstrumentList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/instruments/{id}",
    response_model=InstrumentDetail,
    responses=DETAIL_RESPONSES,
    summary="One instrument",
    description=sparql_doc(
        "instruments",
        "instrument-relations",
        "date-intervals",
        "date-bounds",
        intro=(
            "One instrument: labels, dates, depositary, related instruments, sources. "
            "`Accept: application/ld+json` gives its graph (`describe-resource.rq`)."
        ),
    ),
)
@answers_from_memory
def get_instrument(id: str, request: Request, store: StoreDep, format: DetailFormat = None):
    item = instruments.get_instrument(store, id)
    return detail_answer(
        request, item, InstrumentDetail, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )
