"""Treaty participation on a date: GET /treaties/{id}/parties and /states/{id}/treaties.

The records (participations.rq) and the intervals of their dates (date-intervals.rq, date-bounds.rq) are
read once per graph version into kg.answers.record_index, each with its verdicts on every day under the
rules of kg.answers.temporal; a request looks its day up. kg/queries/participations-on.rq gives the same
answer in SPARQL.
"""

from __future__ import annotations

from datetime import date

from kg.answers import record_index
from kg.answers.common import ListAnswer, meets
from kg.answers.records import PARTICIPATION_DATES as DATES
from kg.answers.records import Participation as Record
from kg.answers.records import Standing
from kg.answers.temporal import ParticipationDates, why_unknown_participation
from kg.answers.totals import reported_total
from kg.errors import BadParameter
from kg.querying import Store

STATUS_VALUES = ("party", "contracting", "signatory", "all")
__all__ = [
    "DATES",
    "STATUS_VALUES",
    "Record",
    "check_status",
    "participation_item",
    "records",
    "select_on",
    "state_treaties",
    "treaty_parties",
]


def check_status(status: str | None) -> str:
    """The `status` parameter (default 'party').

    Raises:
        BadParameter: not one of party, contracting, signatory, all.
    """
    status = (status or "party").lower()
    if status not in STATUS_VALUES:
        raise BadParameter(
            "status", f"unknown status '{status}'; expected one of: {', '.join(STATUS_VALUES)}"
        )
    return status


def records(store: Store, *, treaty: str | None = None, participant: str | None = None) -> list[Record]:
    """The participation records of a treaty or a participant (IRIs), from the graph version's index."""
    return record_index.of(store).participations(treaty=treaty, participant=participant)


def participation_item(record: Record, on: date, standing: Standing | None = None) -> dict:
    """One participation record as the contract's participation item, with its status on `on`."""
    status = (standing or record.verdicts.at(on)).status
    note = None if status is not None else _first_note(record.dates, on)
    return {**record.base, "status_on_date": status, "note": note}


def _first_note(dates: ParticipationDates, on: date) -> str | None:
    for status in ("party", "contracting", "signatory"):
        note = why_unknown_participation(dates, on, status)
        if note:
            return note
    return None


def select_on(
    found: list[Record], on: date, status: str, *, evidence: str | None = None
) -> tuple[list[dict], list[dict]]:
    """The items whose `status` holds on `on`, and those the dates cannot decide (with a note).

    status 'all' keeps every record (each with its status_on_date, None plus a note when undecidable).
    Records below the `evidence` level are not counted.
    """
    found = [r for r in found if meets(r.evidence, evidence)]
    if status == "all":
        return [participation_item(r, on) for r in found], []
    items, unknown = [], []
    for record in found:
        standing = record.verdicts.at(on)
        verdict = getattr(standing, status)  # the rule kg.answers.temporal.RULES[status], judged on this day
        if verdict:
            items.append(participation_item(record, on, standing))
        elif verdict is None:
            item = participation_item(record, on, standing)
            item["note"] = why_unknown_participation(record.dates, on, status)
            unknown.append(item)
    return items, unknown


def treaty_parties(
    store: Store, treaty_iri: str, *, on: date, status: str, evidence: str | None = None
) -> ListAnswer:
    """The states with `status` on `on` for one treaty (see kg.answers.temporal for the rules)."""
    items, unknown = select_on(records(store, treaty=treaty_iri), on, status, evidence=evidence)
    total = None if status == "all" else reported_total(store, treaty_iri, status=status, on=on)
    return ListAnswer(
        items,
        echo={"as_of": on.isoformat(), "status": status, "evidence": evidence, "reported_total": total},
        unknown=unknown,
    )


def state_treaties(
    store: Store, state_iri: str, *, on: date, status: str, evidence: str | None = None
) -> ListAnswer:
    """The treaties for which one state has `status` on `on`."""
    items, unknown = select_on(records(store, participant=state_iri), on, status, evidence=evidence)
    return ListAnswer(
        items, echo={"as_of": on.isoformat(), "status": status, "evidence": evidence}, unknown=unknown
    )
