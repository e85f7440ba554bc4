"""Memberships on a date: GET /organizations/{id}/members and /states/{id}/memberships.

The records (memberships.rq) and the intervals of their dates (date-intervals.rq, date-bounds.rq) are read
once per organization or member; kg.answers.temporal judges them for any day. kg/queries/memberships-on.rq gives
the same answer in SPARQL.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from kg.answers.intervals import Interval
from kg.answers.common import (ListAnswer, best_evidence, concept_param, last_segment, meets, record_id, ref, run,
                               split)
from kg.answers.dates import date_fields, intervals
from kg.answers.totals import reported_total
from kg.querying import Row, Store
from kg.answers.temporal import MembershipDates, is_member, why_unknown_membership

DATES = {"start": "startDate", "end": "endDate"}


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


@dataclass(frozen=True)
class Record:
    """One membership row with the intervals of its dates and its evidence level."""

    row: Row
    spans: dict[str, Interval]
    evidence: str | None

    @property
    def dates(self) -> MembershipDates:
        return MembershipDates(start=self.spans.get("start"), end=self.spans.get("end"))


def records(store: Store, *, organization: str | None = None, member: str | None = None,
            role: ox.NamedNode | None = None) -> list[Record]:
    """The membership records of an organization or a member (IRIs) in a role (None: every role)."""
    rows = run(store, "memberships", organization=ox.NamedNode(organization) if organization else None,
               member=ox.NamedNode(member) if member else None, role=role)
    spans = intervals(store, [r["record"] for r in rows])
    return [Record(row, {name: spans.get(row["record"], {}).get(prop) for name, prop in DATES.items()},
                   best_evidence(row["evidence_levels"])) for row in rows]


def membership_item(record: Record, on: date) -> dict:
    """One membership record as the contract's membership item, with whether it held on `on`."""
    row = record.row
    member = ref(row["member"], row["member_id"], row["member_label"])
    organization = ref(row["organization"], row["organization_id"], row["organization_label"])
    role = last_segment(row["role"])
    item = {
        "id": record_id(row["record"], "membership"), "iri": row["record"],
        "label": f"{member['label'] or member['id']} in {organization['label'] or organization['id']} ({role})",
        "member": member, "organization": organization, "role": role, "end_reason": row["end_reason"],
        "member_on_date": is_member(record.dates, on), "note": why_unknown_membership(record.dates, on),
        "evidence": record.evidence, "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
    }
    for name in DATES:
        item.update(date_fields(name, record.spans.get(name), row[name]))
    return item


def select_on(found: list[Record], on: date, *, evidence: str | None = None) -> tuple[list[dict], list[dict]]:
    """The memberships that held on `on`, and those the dates cannot decide (with a note).

    Records below the `evidence` level are not counted.
    """
    items, unknown = [], []
    for record in found:
        if not meets(record.evidence, evidence):
            continue
        held = is_member(record.dates, on)
        if held:
            items.append(membership_item(record, on))
        elif held is None:
            unknown.append(membership_item(record, on))
    return items, unknown


def members(store: Store, organization_iri: str, *, on: date, role: str | None,
            evidence: str | None = None) -> ListAnswer:
    """The members of one organization on `on` in `role` (default full member; 'all' for every role)."""
    role_slug = (role or "member").lower()
    found = records(store, organization=organization_iri, role=role_param(store, role))
    items, unknown = select_on(found, on, evidence=evidence)
    total = reported_total(store, organization_iri, status="member", on=on) if role_slug == "member" else None
    return ListAnswer(items, echo={"as_of": on.isoformat(), "role": role_slug, "evidence": evidence,
                                   "reported_total": total}, unknown=unknown)


def memberships_of(store: Store, member_iri: str, *, on: date, role: str | None,
                   evidence: str | None = None) -> ListAnswer:
    """The organizations one state (or body) belonged to on `on` in `role`."""
    found = records(store, member=member_iri, role=role_param(store, role))
    items, unknown = select_on(found, on, evidence=evidence)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "role": (role or "member").lower(),
                                   "evidence": evidence}, unknown=unknown)
