"""GET /states, /states/{id}, /states/{id}/memberships and /states/{id}/treaties (alpha-3, alpha-2, any case)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.deps import StoreDep
from api.memory_first import answers_from_memory
from api.representation import (
    DEFAULT_LIMIT,
    AsOf,
    DetailFormat,
    Evidence,
    Limit,
    ListFormat,
    Offset,
    Q,
    RecordsFormat,
    detail_answer,
    list_answer,
    records_answer,
    sparql_doc,
)
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES, RECORDS_RESPONSES
from api.routes.organizations import MEMBER_DOC, MEMBERSHIP_QUERIES, MEMBERSHIPS_JSON, Role
from api.routes.treaties import PARTICIPATION_QUERIES, PARTICIPATIONS_JSON, RULES_DOC, Status
from api.schemas import MembershipList, ParticipationList, StateList, StateProfile
from kg.answers import graphs, memberships, participation, states
from kg.answers.common import as_of_date, evidence_param

router = APIRouter(tags=["states"])

ID_DOC = "`{id}` is the ISO 3166-1 alpha-3 code (`FRA`); alpha-2 (`FR`) and the numeric code work too, in any case."


@router.get(
    "/states",
    response_model=StateList,
    responses=LIST_RESPONSES,
    summary="States",
    description=sparql_doc("states", intro="`q` filters by name or code (case-insensitive)."),
)
@answers_from_memory
def list_states(
    request: Request,
    store: StoreDep,
    q: Q = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = states.list_states(store, q=q).at_least(evidence_param(evidence))
    return list_answer(request, answer, StateList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/states/{id}",
    response_model=StateProfile,
    responses=DETAIL_RESPONSES,
    summary="A state's profile",
    description=sparql_doc(
        "states",
        "memberships",
        "participations",
        "date-intervals",
        "date-bounds",
        intro=(
            ID_DOC + " The profile lists every membership and treaty participation record, each judged on "
            "`as_of` (default today): `member_on_date` and `status_on_date`. "
            "`Accept: application/ld+json` gives its graph."
        ),
    ),
)
@answers_from_memory
def get_state(id: str, request: Request, store: StoreDep, as_of: AsOf = None, format: DetailFormat = None):
    item = states.get_state(store, id, on=as_of_date(as_of))
    return detail_answer(
        request, item, StateProfile, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )


@router.get(
    "/states/{id}/memberships",
    response_model=MembershipList,
    responses=RECORDS_RESPONSES,
    summary="A state's memberships on a date",
    description=sparql_doc(*MEMBERSHIP_QUERIES[:-1], intro=ID_DOC + "\n\n" + MEMBER_DOC),
)
@answers_from_memory
def state_memberships(
    id: str,
    request: Request,
    store: StoreDep,
    as_of: AsOf = None,
    role: Role = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: RecordsFormat = None,
):
    on = as_of_date(as_of)
    level = evidence_param(evidence)
    state = states.find_state(store, id)
    found = memberships.memberships_of(store, state["state"], on=on, role=role, evidence=level)
    return records_answer(
        request, store, found, MembershipList, MEMBERSHIPS_JSON, limit=limit, offset=offset, fmt=format
    )


@router.get(
    "/states/{id}/treaties",
    response_model=ParticipationList,
    responses=RECORDS_RESPONSES,
    summary="A state's treaties on a date",
    description=sparql_doc(*PARTICIPATION_QUERIES[:-1], intro=ID_DOC + "\n\n" + RULES_DOC),
)
@answers_from_memory
def state_treaties(
    id: str,
    request: Request,
    store: StoreDep,
    as_of: AsOf = None,
    status: Status = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: RecordsFormat = None,
):
    on = as_of_date(as_of)
    checked = participation.check_status(status)
    level = evidence_param(evidence)
    state = states.find_state(store, id)
    found = participation.state_treaties(store, state["state"], on=on, status=checked, evidence=level)
    return records_answer(
        request,
        store,
        found,
        ParticipationList,
        PARTICIPATIONS_JSON,
        limit=limit,
        offset=offset,
        fmt=format,
    )
