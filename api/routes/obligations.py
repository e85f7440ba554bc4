"""GET /obligations and /obligations/{id}: binding obligations with their provisions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.memory_first import answers_from_memory
from api.representation import (
    DEFAULT_LIMIT,
    DetailFormat,
    Limit,
    ListFormat,
    Offset,
    detail_answer,
    list_answer,
    sparql_doc,
)
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES
from api.schemas import Obligation, ObligationList
from kg.answers import graphs, norms

router = APIRouter(tags=["obligations"])


@router.get(
    "/obligations",
    response_model=ObligationList,
    responses=LIST_RESPONSES,
    summary="Binding obligations",
    description=sparql_doc(
        "obligations",
        intro=(
            "Obligations, prohibitions and permissions with the provision they arise from. Filters: `instrument` "
            "(an instrument id such as `nis2-directive`), `addressee` (`parties`, `member-states`, ...), "
            "`topic` (`cybercrime` also matches its narrower topics)."
        ),
    ),
)
@answers_from_memory
def list_obligations(
    request: Request,
    store: StoreDep,
    instrument: Annotated[str | None, Query(description="Instrument id.")] = None,
    addressee: Annotated[str | None, Query(description="Addressee slug, e.g. parties.")] = None,
    topic: Annotated[str | None, Query(description="Topic slug, e.g. cybercrime.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = norms.list_obligations(store, instrument=instrument, addressee=addressee, topic=topic)
    return list_answer(request, answer, ObligationList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/obligations/{id}",
    response_model=Obligation,
    responses=DETAIL_RESPONSES,
    summary="One obligation",
    description=sparql_doc(
        "obligations",
        intro=(
            "One obligation with the provision it arises from and its instrument. `Accept: application/ld+json` "
            "gives its graph."
        ),
    ),
)
@answers_from_memory
def get_obligation(id: str, request: Request, store: StoreDep, format: DetailFormat = None):
    item = norms.get_obligation(store, id)
    return detail_answer(
        request, item, Obligation, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )
