"""GET /mechanisms and /mechanisms/{id}: networks, exercises, certification schemes, capacity-building programmes."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep
from api.memory_first import answers_from_memory
from api.representation import DEFAULT_LIMIT, Limit, Offset, detail_answer, list_answer, sparql_doc
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES
from api.schemas import Mechanism, MechanismList
from kg.answers import graphs, mechanisms

router = APIRouter(tags=["mechanisms"])


@router.get(
    "/mechanisms",
    response_model=MechanismList,
    responses=LIST_RESPONSES,
    summary="Mechanisms",
    description=sparql_doc(
        "mechanisms",
        "mechanism-links",
        intro=(
            "Standing arrangements: information-sharing and incident-response networks, exercises, "
            "certification schemes and capacity-building programmes, each with the instruments that set it up, "
            "who runs it and who takes part (where the source lists them)."
        ),
    ),
)
@answers_from_memory
def list_mechanisms(request: Request, store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    return list_answer(request, mechanisms.list_mechanisms(store), MechanismList, limit=limit, offset=offset)


@router.get(
    "/mechanisms/{id}",
    response_model=Mechanism,
    responses=DETAIL_RESPONSES,
    summary="One mechanism",
    description=sparql_doc(
        "mechanisms",
        "mechanism-links",
        intro=("One mechanism. `Accept: application/ld+json` gives its graph."),
    ),
)
@answers_from_memory
def get_mechanism(id: str, request: Request, store: StoreDep):
    item = mechanisms.get_mechanism(store, id)
    return detail_answer(request, item, Mechanism, graph=lambda: graphs.resource_graph(store, item["iri"]))
