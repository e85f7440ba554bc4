"""GET /norms and /norms/{id}: voluntary norms, their instrument, endorsements."""
from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep
from api.representation import DEFAULT_LIMIT, Evidence, Limit, Offset, Q, detail_answer, list_answer, \
    sparql_doc
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES
from api.schemas import NormDetail, NormList
from kg.answers import graphs, norms
from kg.answers.common import evidence_param

router = APIRouter(tags=["norms"])


@router.get("/norms", response_model=NormList, responses=LIST_RESPONSES, summary="Voluntary norms",
            description=sparql_doc("norms", intro="`q` filters by label, alternative label or notation."))
def list_norms(request: Request, store: StoreDep, q: Q = None, evidence: Evidence = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    answer = norms.list_norms(store, q=q).at_least(evidence_param(evidence))
    return list_answer(request, answer, NormList, limit=limit, offset=offset)


@router.get("/norms/{id}", response_model=NormDetail, responses=DETAIL_RESPONSES, summary="One norm",
            description=sparql_doc("norms", "endorsements", intro=(
                "One norm with its instrument and the endorsements of the norm or of that instrument. "
                "`Accept: application/ld+json` gives its graph.")))
def get_norm(id: str, request: Request, store: StoreDep):
    item = norms.get_norm(store, id)
    return detail_answer(request, item, NormDetail, graph=lambda: graphs.resource_graph(store, item["iri"]))
