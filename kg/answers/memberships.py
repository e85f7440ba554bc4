"""Memberships on a date: GET /organizations/{id}/members and /states/{id}/memberships.

The records (memberships.rq) and the intervals of their dates (date-intervals.rq, date-bounds.rq) are read
once per graph version into kg.answers.record_index, each with its verdicts on every day under the rule of
kg.answers.temporal; a request looks its day up. kg/queries/memberships-on.rq gives the same answer in SPARQL.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.answers import record_index
from kg.answers.common import ListAnswer, concept_param, meets
from kg.answers.records import MEMBERSHIP_DATES as DATES
from kg.answers.records import Membership as Record
from kg.answers.temporal import why_unknown_membership
from kg.answers.totals import reported_total
from kg.querying import Store

__all__ = [
    "DATES",
    "ROLE_VALUES",
    "Record",
    "members",
    "membership_item",
    "memberships_of",
    "records",
    "role_param",
    "select_on",
]


# The roles of the vocabulary (cgo:MembershipRole in the ontology), as the `role` parameter names them;
# OpenAPI lists them, and a test checks them against the ontology.
ROLE_VALUES = (
    "member",
    "observer",
    "partner",
    "sponsoring-nation",
    "contributing-participant",
    "candidate",
    "associate-member",
    "supporter",
)


def role_param(store: Store, role: str | None) -> ox.NamedNode | None:
    """The `role` parameter: a role slug ('member' by default, 'observer', ...) or 'all' (None).

    Raises:
        BadParameter: not a role of the vocabulary.
    """
    role = (role or "member").strip().lower()
    if role == "all":
        return None
    return concept_param(store, "MembershipRole", "role", role)


def records(
    store: Store,
    *,
    organization: str | None = None,
    member: str | None = None,
    role: ox.NamedNode | None = None,
) -> list[Record]:
    """The membership records of an organization or a member (IRIs) in a role (None: every role)."""
    return record_index.of(store).memberships(
        organization=organization, member=member, role=role.value if role is not None else None
    )


def membership_item(record: Record, on: date) -> dict:
    """One membership record as the contract's membership item, with whether it held on `on`."""
    held = record.verdicts.at(on)
    note = why_unknown_membership(record.dates, on) if held is None else None
    return {**record.base, "member_on_date": held, "note": note}


def select_on(found: list[Record], on: date, *, evidence: str | None = None) -> tuple[list[dict], list[dict]]:
    """The memberships that held on `on`, and those the dates cannot decide (with a note).

    Records below the `evidence` level are not counted.
    """
    items, unknown = [], []
    for record in found:
        if not meets(record.evidence, evidence):
            continue
        held = record.verdicts.at(on)  # kg.answers.temporal.is_member, judged on this day
        if held:
            items.append(membership_item(record, on))
        elif held is None:
            unknown.append(membership_item(record, on))
    return items, unknown


def members(
    store: Store, organization_iri: str, *, on: date, role: str | None, evidence: str | None = None
) -> ListAnswer:
    """The members of one organization on `on` in `role` (default full member; 'all' for every role)."""
    role_slug = (role or "member").lower()
    found = records(store, organization=organization_iri, role=role_param(store, role))
    items, unknown = select_on(found, on, evidence=evidence)
    total = reported_total(store, organization_iri, status="member", on=on) if role_slug == "member" else None
    return ListAnswer(
        items,
        echo={"as_of": on.isoformat(), "role": role_slug, "evidence": evidence, "reported_total": total},
        unknown=unknown,
    )


def memberships_of(
    store: Store, member_iri: str, *, on: date, role: str | None, evidence: str | None = None
) -> ListAnswer:
    """The organizations one state (or body) belonged to on `on` in `role`."""
    found = records(store, member=member_iri, role=role_param(store, role))
    items, unknown = select_on(found, on, evidence=evidence)
    return ListAnswer(
        items,
        echo={"as_of": on.isoformat(), "role": (role or "member").lower(), "evidence": evidence},
        unknown=unknown,
    )
