"""Memberships on a date: GET /organizations/{id}/members and /states/{id}/memberships."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.service.common import ListAnswer, concept_param, last_segment, parse_date, record_id, ref, run, split
from kg.store.base import Row, Store
from kg.temporal import MembershipDates, is_member, why_unknown_membership


# The roles of the vocabulary (cgo:MembershipRole in the ontology), as the `role` parameter names them;
# OpenAPI lists them, and a test checks them against the ontology.
ROLE_VALUES = ("member", "observer", "partner", "sponsoring-nation", "contributing-participant", "candidate",
               "associate-member", "supporter")


def role_param(store: Store, role: str | None) -> ox.NamedNode | None:
    """The `role` parameter: a role slug ('member' by default, 'observer', ...) or 'all' (None).

    Raises:
        BadParameter: not a role of the vocabulary.
    """
    role = (role or "member").strip().lower()
    if role == "all":
        return None
    return concept_param(store, "MembershipRole", "role", role)


def dates_of(row: Row) -> MembershipDates:
    return MembershipDates(start=parse_date(row["start"]), end=parse_date(row["end"]))


def membership_item(row: Row, on: date) -> dict:
    """One membership record as the contract's membership item, with whether it held on `on`."""
    member = ref(row["member"], row["member_id"], row["member_label"])
    organization = ref(row["organization"], row["organization_id"], row["organization_label"])
    role = last_segment(row["role"])
    held = is_member(dates_of(row), on)
    return {
        "id": record_id(row["record"], "membership"), "iri": row["record"],
        "label": f"{member['label'] or member['id']} in {organization['label'] or organization['id']} ({role})",
        "member": member, "organization": organization, "role": role,
        "start": row["start"], "end": row["end"], "end_reason": row["end_reason"],
        "member_on_date": held, "note": why_unknown_membership(dates_of(row), on),
        "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
    }


def select_on(rows: list[Row], on: date) -> tuple[list[dict], list[dict]]:
    """The memberships that held on `on`, and those without the date needed to tell (with a note)."""
    items, unknown = [], []
    for row in rows:
        item = membership_item(row, on)
        if item["member_on_date"]:
            items.append(item)
        elif item["member_on_date"] is None:
            unknown.append(item)
    return items, unknown


def members(store: Store, organization_iri: str, *, on: date, role: str | None) -> ListAnswer:
    """The members of one organization on `on` in `role` (default full member; 'all' for every role)."""
    rows = run(store, "memberships", organization=ox.NamedNode(organization_iri), role=role_param(store, role))
    items, unknown = select_on(rows, on)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "role": (role or "member").lower()}, unknown=unknown)


def memberships_of(store: Store, member_iri: str, *, on: date, role: str | None) -> ListAnswer:
    """The organizations one state (or body) belonged to on `on` in `role`."""
    rows = run(store, "memberships", member=ox.NamedNode(member_iri), role=role_param(store, role))
    items, unknown = select_on(rows, on)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "role": (role or "member").lower()}, unknown=unknown)
