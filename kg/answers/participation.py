"""Treaty participation on a date: GET /treaties/{id}/parties and /states/{id}/treaties.

The records (participations.rq) and the intervals of their dates (date-intervals.rq, date-bounds.rq) are
read once per treaty or state (memoized by the store); the rules of kg.answers.temporal then judge them for
any day. kg/queries/participations-on.rq gives the same answer in SPARQL.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from kg.errors import BadParameter
from kg.answers.intervals import Interval
from kg.answers.common import ListAnswer, best_evidence, last_segment, meets, record_id, ref, run, split
from kg.answers.dates import date_fields, intervals
from kg.answers.totals import reported_total
from kg.querying import Row, Store
from kg.answers.temporal import RULES, ParticipationDates, status_on, why_unknown_participation

STATUS_VALUES = ("party", "contracting", "signatory", "all")
# item field -> date property of the record
DATES = {"signed": "signatureDate", "consented": "consentDate", "in_force": "entryIntoForceDate",
         "denounced": "denunciationEffectiveDate", "denunciation_notified": "denunciationNotifiedDate"}


def check_status(status: str | None) -> str:
    """The `status` parameter (default 'party').

    Raises:
        BadParameter: not one of party, contracting, signatory, all.
    """
    status = (status or "party").lower()
    if status not in STATUS_VALUES:
        raise BadParameter("status", f"unknown status '{status}'; expected one of: {', '.join(STATUS_VALUES)}")
    return status


@dataclass(frozen=True)
class Record:
    """One participation row with the intervals of its dates and its evidence level."""

    row: Row
    spans: dict[str, Interval]  # item field -> interval
    evidence: str | None

    @property
    def dates(self) -> ParticipationDates:
        return ParticipationDates(consent_kind=last_segment(self.row["consent_kind"]), **{
            name: self.spans.get(name) for name in DATES})


def records(store: Store, *, treaty: str | None = None, participant: str | None = None) -> list[Record]:
    """The participation records of a treaty or a participant (IRIs), with their date intervals."""
    rows = run(store, "participations", treaty=ox.NamedNode(treaty) if treaty else None,
               participant=ox.NamedNode(participant) if participant else None)
    spans = intervals(store, [r["record"] for r in rows])
    return [Record(row, {name: spans.get(row["record"], {}).get(prop) for name, prop in DATES.items()},
                   best_evidence(row["evidence_levels"])) for row in rows]


def participation_item(record: Record, on: date) -> dict:
    """One participation record as the contract's participation item, with its status on `on`."""
    row = record.row
    state = ref(row["participant"], row["participant_id"], row["participant_label"])
    treaty = ref(row["treaty"], row["treaty_id"], row["treaty_label"])
    status = status_on(record.dates, on)
    item = {
        "id": record_id(row["record"], "participation"), "iri": row["record"],
        "label": f"{state['label'] or state['id']} in {treaty['label'] or treaty['id']}",
        "state": state, "treaty": treaty, "consent_kind": last_segment(row["consent_kind"]),
        "status_on_date": status, "note": None if status is not None else _first_note(record.dates, on),
        "reservations": row["reservations"], "evidence": record.evidence,
        "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
    }
    for name in DATES:
        item.update(date_fields(name, record.spans.get(name), row[name]))
    return item


def _first_note(dates: ParticipationDates, on: date) -> str | None:
    for status in ("party", "contracting", "signatory"):
        note = why_unknown_participation(dates, on, status)
        if note:
            return note
    return None


def select_on(found: list[Record], on: date, status: str, *,
              evidence: str | None = None) -> tuple[list[dict], list[dict]]:
    """The items whose `status` holds on `on`, and those the dates cannot decide (with a note).

    status 'all' keeps every record (each with its status_on_date, None plus a note when undecidable).
    Records below the `evidence` level are not counted.
    """
    found = [r for r in found if meets(r.evidence, evidence)]
    if status == "all":
        return [participation_item(r, on) for r in found], []
    items, unknown = [], []
    for record in found:
        verdict = RULES[status](record.dates, on)
        if verdict:
            items.append(participation_item(record, on))
        elif verdict is None:
            item = participation_item(record, on)
            item["note"] = why_unknown_participation(record.dates, on, status)
            unknown.append(item)
    return items, unknown


def treaty_parties(store: Store, treaty_iri: str, *, on: date, status: str,
                   evidence: str | None = None) -> ListAnswer:
    """The states with `status` on `on` for one treaty (see kg.answers.temporal for the rules)."""
    items, unknown = select_on(records(store, treaty=treaty_iri), on, status, evidence=evidence)
    total = None if status == "all" else reported_total(store, treaty_iri, status=status, on=on)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "status": status, "evidence": evidence,
                                   "reported_total": total}, unknown=unknown)


def state_treaties(store: Store, state_iri: str, *, on: date, status: str,
                   evidence: str | None = None) -> ListAnswer:
    """The treaties for which one state has `status` on `on`."""
    items, unknown = select_on(records(store, participant=state_iri), on, status, evidence=evidence)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "status": status, "evidence": evidence},
                      unknown=unknown)
