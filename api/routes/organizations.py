"""GET /organizations, /organizations/{id} and /organizations/{id}/members (on a date, by role)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.list_json import ListJson
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
from api.schemas import DATE_DOC, MembershipList, OrganizationDetail, OrganizationList
from kg.answers import graphs, memberships, organizations
from kg.answers.common import as_of_date, evidence_param

router = APIRouter(tags=["organizations"])

Role = Annotated[
    str | None,
    Query(
        description="member (default), observer, partner, sponsoring-nation, contributing-participant, "
        "candidate, associate-member, supporter, or all (any case).",
        json_schema_extra={"enum": [*memberships.ROLE_VALUES, "all"]},
    ),
]

MEMBER_DOC = (
    """Members on `as_of` (default today): the membership started on or before the date, and its end (the
first day it no longer held, e.g. expulsion or withdrawal taking effect) is after the date or absent. `role`
defaults to full member. Each date stands for the interval of days it is known to (a day, a month or a year, or a
sourced bound); membership is decided when the whole interval is on one side of `as_of`. Memberships whose
interval straddles it, or without a start date, are listed in `unknown` with a `note` naming the interval and
where it came from.

"""
    + DATE_DOC
    + """

Each item carries `evidence` (the best level among its sources); `evidence=` keeps only records at that level or
better (depositary > official > secondary). `reported_total` (role member) is the organization's own count of its
members (the latest dated on or before `as_of`), beside `total`, the count of the records.
`Accept: text/csv` gives a table, `Accept: application/ld+json` the membership records of the page.

**Reproduce the answer in SPARQL** with `memberships-on.rq` (first below): bind `?organization` (or `?member`),
`?on` (an `xsd:date`), `?role` (`role:member` by default; leave it unbound for every role) and optionally
`?min_evidence` by a `VALUES` block; each row's `?list` says whether it is in `items` or `unknown`. The route
computes the same rule from the records (`memberships.rq`, `date-intervals.rq`, `date-bounds.rq`) and the
published totals (`reported-totals.rq`)."""
)

# the JSON of the membership lists (GET /organizations/{id}/members, /states/{id}/memberships): items encoded once
MEMBERSHIPS_JSON = ListJson(MembershipList, dynamic=("member_on_date", "note"))
MEMBERSHIP_QUERIES = ("memberships-on", "memberships", "date-intervals", "date-bounds", "reported-totals")


@router.get(
    "/organizations",
    response_model=OrganizationList,
    responses=LIST_RESPONSES,
    summary="Organizations and bodies",
    description=sparql_doc(
        "organizations",
        "date-intervals",
        "date-bounds",
        intro="`q` filters by label or acronym (case-insensitive).",
    ),
)
@answers_from_memory
def list_organizations(
    request: Request,
    store: StoreDep,
    q: Q = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = organizations.list_organizations(store, q=q).at_least(evidence_param(evidence))
    return list_answer(request, answer, OrganizationList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/organizations/{id}",
    response_model=OrganizationDetail,
    responses=DETAIL_RESPONSES,
    summary="One organization",
    description=sparql_doc(
        "organizations",
        "date-intervals",
        "date-bounds",
        intro="`Accept: application/ld+json` gives its graph.",
    ),
)
@answers_from_memory
def get_organization(id: str, request: Request, store: StoreDep, format: DetailFormat = None):
    item = organizations.get_organization(store, id)
    return detail_answer(
        request, item, OrganizationDetail, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )


@router.get(
    "/organizations/{id}/members",
    response_model=MembershipList,
    responses=RECORDS_RESPONSES,
    summary="Members of an organization on a date",
    description=sparql_doc(*MEMBERSHIP_QUERIES, intro=MEMBER_DOC),
)
@answers_from_memory
def organization_members(
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
    organization = organizations.find_organization(store, id)
    found = memberships.members(store, organization["organization"], on=on, role=role, evidence=level)
    found.echo["coverage_note"] = organization["coverage_note"]
    return records_answer(
        request, store, found, MembershipList, MEMBERSHIPS_JSON, limit=limit, offset=offset, fmt=format
    )
