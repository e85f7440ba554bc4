"""GET /provisions and /provisions/{id}: the articles of instruments and the obligations that arise from them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.memory_first import answers_from_memory
from api.representation import DEFAULT_LIMIT, Limit, Offset, detail_answer, list_answer, sparql_doc
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES
from api.schemas import ProvisionDetail, ProvisionList
from kg.answers import graphs, provisions

router = APIRouter(tags=["obligations"])


@router.get(
    "/provisions",
    response_model=ProvisionList,
    responses=LIST_RESPONSES,
    summary="Provisions",
    description=sparql_doc(
        "provisions",
        intro=(
            "Provisions (articles) of instruments with their official text, how many obligations arise from "
            "each, sources and evidence. `instrument` (an instrument id such as `budapest-convention`) keeps "
            "one instrument's."
        ),
    ),
)
@answers_from_memory
def list_provisions(
    request: Request,
    store: StoreDep,
    instrument: Annotated[str | None, Query(description="Instrument id.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
):
    return list_answer(
        request,
        provisions.list_provisions(store, instrument=instrument),
        ProvisionList,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/provisions/{id}",
    response_model=ProvisionDetail,
    responses=DETAIL_RESPONSES,
    summary="One provision",
    description=sparql_doc(
        "provisions",
        "obligations",
        intro=(
            "One provision with the obligations that arise from it. `Accept: application/ld+json` gives its "
            "graph."
        ),
    ),
)
@answers_from_memory
def get_provision(id: str, request: Request, store: StoreDep):
    item = provisions.get_provision(store, id)
    return detail_answer(
        request, item, ProvisionDetail, graph=lambda: graphs.resource_graph(store, item["iri"])
    )
