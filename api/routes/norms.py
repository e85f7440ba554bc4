"""GET /norms and /norms/{id}: voluntary norms, their instrument, endorsements."""

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
    RecordsFormat,
    detail_answer,
    list_answer,
    sparql_doc,
)
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES, RECORDS_RESPONSES
from api.schemas import EndorsementList, NormDetail, NormList
from kg.answers import graphs, norms
from kg.answers.common import ListAnswer, evidence_param

router = APIRouter(tags=["norms"])


@router.get(
    "/norms",
    response_model=NormList,
    responses=LIST_RESPONSES,
    summary="Voluntary norms",
    description=sparql_doc(
        "norms",
        intro="`q` filters by label, alternative label or notation; `instrument` by the instrument that states them.",
    ),
)
@answers_from_memory
def list_norms(
    request: Request,
    store: StoreDep,
    q: Q = None,
    instrument: Annotated[
        str | None, Query(description="Instrument id: only the norms it states.", examples=["a-70-174"])
    ] = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = norms.list_norms(store, q=q, instrument=instrument).at_least(evidence_param(evidence))
    return list_answer(request, answer, NormList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/norms/{id}",
    response_model=NormDetail,
    responses=DETAIL_RESPONSES,
    summary="One norm",
    description=sparql_doc(
        "norms",
        "endorsements",
        intro=(
            "One norm with its instrument and the endorsements of the norm or of that instrument. "
            "`Accept: application/ld+json` gives its graph."
        ),
    ),
)
@answers_from_memory
def get_norm(id: str, request: Request, store: StoreDep, format: DetailFormat = None):
    item = norms.get_norm(store, id)
    return detail_answer(
        request, item, NormDetail, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )


@router.get(
    "/norms/{id}/endorsements",
    response_model=EndorsementList,
    responses=RECORDS_RESPONSES,
    summary="Who endorses a norm",
    description=sparql_doc(
        "norms",
        "endorsements",
        intro=(
            "The endorsement records of a norm or of the instrument that states it (the table of its page), "
            "as a list: JSON, a CSV table (`format=csv` or `Accept: text/csv`), or the records' graph as "
            "JSON-LD."
        ),
    ),
)
@answers_from_memory
def norm_endorsements(
    id: str,
    request: Request,
    store: StoreDep,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: RecordsFormat = None,
):
    item = norms.get_norm(store, id)
    answer = ListAnswer(
        item["endorsements"], echo={"norm": {"id": item["id"], "label": item["label"], "iri": item["iri"]}}
    )
    return list_answer(
        request,
        answer,
        EndorsementList,
        limit=limit,
        offset=offset,
        fmt=format,
        graph=lambda items: graphs.records_graph(store, [i["iri"] for i in items if i["iri"]]),
    )
