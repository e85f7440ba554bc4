"""GET /organizations, /organizations/{id} and /organizations/{id}/members (on a date, by role)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.representation import DEFAULT_LIMIT, AsOf, Limit, Offset, Q, detail_answer, list_answer, sparql_doc
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES, RECORDS_RESPONSES
from api.schemas import MembershipList, OrganizationDetail, OrganizationList
from kg.service import graphs, memberships, organizations
from kg.service.common import as_of_date

router = APIRouter(tags=["organizations"])

Role = Annotated[str | None, Query(
    description="member (default), observer, partner, sponsoring-nation, contributing-participant, "
                "candidate, associate-member, supporter, or all (any case).",
    json_schema_extra={"enum": [*memberships.ROLE_VALUES, "all"]})]

MEMBER_DOC = """Members on `as_of` (default today): the membership started on or before the date, and its end (the
first day it no longer held, e.g. expulsion or withdrawal taking effect) is after the date or absent. `role`
defaults to full member. Memberships without the date needed to answer are listed in `unknown` with a `note`.
`Accept: text/csv` gives a table, `Accept: application/ld+json` the membership records of the page."""


@router.get("/organizations", response_model=OrganizationList, responses=LIST_RESPONSES,
            summary="Organizations and bodies",
            description=sparql_doc("organizations", intro="`q` filters by label or acronym (case-insensitive)."))
def list_organizations(request: Request, store: StoreDep, q: Q = None, limit: Limit = DEFAULT_LIMIT,
                       offset: Offset = 0):
    return list_answer(request, organizations.list_organizations(store, q=q), OrganizationList,
                       limit=limit, offset=offset)


@router.get("/organizations/{id}", response_model=OrganizationDetail, responses=DETAIL_RESPONSES,
            summary="One organization",
            description=sparql_doc("organizations", intro="`Accept: application/ld+json` gives its graph."))
def get_organization(id: str, request: Request, store: StoreDep):
    item = organizations.get_organization(store, id)
    return detail_answer(request, item, OrganizationDetail, graph=lambda: graphs.resource_graph(store, item["iri"]))


@router.get("/organizations/{id}/members", response_model=MembershipList, responses=RECORDS_RESPONSES,
            summary="Members of an organization on a date", description=sparql_doc("memberships", intro=MEMBER_DOC))
def organization_members(id: str, request: Request, store: StoreDep, as_of: AsOf = None, role: Role = None,
                         limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    on = as_of_date(as_of)
    organization = organizations.find_organization(store, id)
    answer = memberships.members(store, organization["organization"], on=on, role=role)
    answer.echo["coverage_note"] = organization["coverage_note"]
    return list_answer(request, answer, MembershipList, limit=limit, offset=offset,
                       graph=lambda items: graphs.records_graph(store, [i["iri"] for i in items]))
