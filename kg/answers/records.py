"""The curated records the date routes judge: a treaty participation or a membership, as the index holds it.

Each record keeps its row (participations.rq, memberships.rq), the intervals of its dates
(date-intervals.rq, date-bounds.rq) and its evidence level, and derives once, for the life of the
graph version, what does not depend on the day asked: its item without the day's verdict (`base`)
and its verdicts on every day (`verdicts`, a kg.answers.timeline.Timeline judged by kg.answers.temporal).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from kg.answers.common import last_segment, record_id, ref, split
from kg.answers.dates import date_fields
from kg.answers.intervals import Interval
from kg.answers.temporal import (
    MembershipDates,
    ParticipationDates,
    is_contracting,
    is_member,
    is_party,
    is_signatory,
    status_on,
)
from kg.answers.timeline import Timeline, timeline
from kg.querying import Row

# item field -> date property of the record
PARTICIPATION_DATES = {
    "signed": "signatureDate",
    "consented": "consentDate",
    "in_force": "entryIntoForceDate",
    "denounced": "denunciationEffectiveDate",
    "denunciation_notified": "denunciationNotifiedDate",
}
MEMBERSHIP_DATES = {"start": "startDate", "end": "endDate"}


class Standing(NamedTuple):
    """A participation's verdicts on one day: its status, and each rule of kg.answers.temporal.RULES."""

    status: str | None  # status_on: 'party', 'contracting', 'signatory', 'none'; None when undecidable
    party: bool | None
    contracting: bool | None
    signatory: bool | None


@dataclass(frozen=True)
class Participation:
    """One participation row with the intervals of its dates and its evidence level."""

    row: Row
    spans: dict[str, Interval]  # item field -> interval
    evidence: str | None

    @cached_property
    def dates(self) -> ParticipationDates:
        return ParticipationDates(
            consent_kind=last_segment(self.row["consent_kind"]),
            **{name: self.spans.get(name) for name in PARTICIPATION_DATES},
        )

    @cached_property
    def verdicts(self) -> Timeline[Standing]:
        p = self.dates
        return timeline(
            self.spans.values(),
            lambda d: Standing(status_on(p, d), is_party(p, d), is_contracting(p, d), is_signatory(p, d)),
        )

    @cached_property
    def base(self) -> dict:
        """The contract's participation item without the day's verdict (status_on_date and note are None)."""
        row = self.row
        state = ref(row["participant"], row["participant_id"], row["participant_label"])
        treaty = ref(row["treaty"], row["treaty_id"], row["treaty_label"])
        item = {
            "id": record_id(row["record"], "participation"),
            "iri": row["record"],
            "label": f"{state['label'] or state['id']} in {treaty['label'] or treaty['id']}",
            "state": state,
            "treaty": treaty,
            "consent_kind": last_segment(row["consent_kind"]),
            "status_on_date": None,
            "note": None,
            "reservations": row["reservations"],
            "evidence": self.evidence,
            "sources": split(row["sources"]),
            "source_as_of": row["source_as_of"],
        }
        for name in PARTICIPATION_DATES:
            item.update(date_fields(name, self.spans.get(name), row[name]))
        return item


@dataclass(frozen=True)
class Membership:
    """One membership row with the intervals of its dates and its evidence level."""

    row: Row
    spans: dict[str, Interval]
    evidence: str | None

    @cached_property
    def dates(self) -> MembershipDates:
        return MembershipDates(start=self.spans.get("start"), end=self.spans.get("end"))

    @cached_property
    def verdicts(self) -> Timeline[bool | None]:
        m = self.dates
        return timeline(self.spans.values(), lambda d: is_member(m, d))

    @cached_property
    def base(self) -> dict:
        """The contract's membership item without the day's verdict (member_on_date and note are None)."""
        row = self.row
        member = ref(row["member"], row["member_id"], row["member_label"])
        organization = ref(row["organization"], row["organization_id"], row["organization_label"])
        role = last_segment(row["role"])
        item = {
            "id": record_id(row["record"], "membership"),
            "iri": row["record"],
            "label": f"{member['label'] or member['id']} in {organization['label'] or organization['id']} ({role})",
            "member": member,
            "organization": organization,
            "role": role,
            "end_reason": row["end_reason"],
            "member_on_date": None,
            "note": None,
            "evidence": self.evidence,
            "sources": split(row["sources"]),
            "source_as_of": row["source_as_of"],
        }
        for name in MEMBERSHIP_DATES:
            item.update(date_fields(name, self.spans.get(name), row[name]))
        return item


def spans_of(
    record: str, fields: dict[str, str], found: dict[str, dict[str, Interval]]
) -> dict[str, Interval]:
    """A record's intervals by item field (fields: item field -> date property), from kg.answers.dates."""
    mine = found.get(record, {})
    return {name: mine[prop] for name, prop in fields.items() if prop in mine}
