"""GET /obligations: binding obligations with their provisions."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.representation import DEFAULT_LIMIT, Limit, Offset, list_answer, sparql_doc
from api.responses import LIST_RESPONSES
from api.schemas import ObligationList
from kg.answers import norms

router = APIRouter(tags=["obligations"])


@router.get("/obligations", response_model=ObligationList, responses=LIST_RESPONSES, summary="Binding obligations",
            description=sparql_doc("obligations", intro=(
                "Obligations, prohibitions and permissions with the provision they arise from. Filters: `instrument` "
                "(an instrument id such as `nis2-directive`), `addressee` (`parties`, `member-states`, ...), "
                "`topic` (`cybercrime` also matches its narrower topics).")))
def list_obligations(request: Request, store: StoreDep,
                     instrument: Annotated[str | None, Query(description="Instrument id.")] = None,
                     addressee: Annotated[str | None, Query(description="Addressee slug, e.g. parties.")] = None,
                     topic: Annotated[str | None, Query(description="Topic slug, e.g. cybercrime.")] = None,
                     limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    answer = norms.list_obligations(store, instrument=instrument, addressee=addressee, topic=topic)
    return list_answer(request, answer, ObligationList, limit=limit, offset=offset)
