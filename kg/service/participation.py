"""Treaty participation on a date: GET /treaties/{id}/parties and /states/{id}/treaties."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.errors import BadParameter
from kg.service.common import ListAnswer, last_segment, parse_date, record_id, ref, run, split
from kg.store.base import Row, Store
from kg.temporal import RULES, ParticipationDates, status_on, why_unknown_participation

STATUS_VALUES = ("party", "contracting", "signatory", "all")


def check_status(status: str | None) -> str:
    """The `status` parameter (default 'party').

    Raises:
        BadParameter: not one of party, contracting, signatory, all.
    """
    status = (status or "party").lower()
    if status not in STATUS_VALUES:
        raise BadParameter("status", f"unknown status '{status}'; expected one of: {', '.join(STATUS_VALUES)}")
    return status


def dates_of(row: Row) -> ParticipationDates:
    """The temporal part of a participation row."""
    return ParticipationDates(
        signed=parse_date(row["signed"]), consent_kind=last_segment(row["consent_kind"]),
        consented=parse_date(row["consented"]), in_force=parse_date(row["in_force"]),
        denounced=parse_date(row["denounced"]), denunciation_notified=parse_date(row["denunciation_notified"]))


def participation_item(row: Row, on: date) -> dict:
    """One participation record as the contract's participation item, with its status on `on`."""
    state = ref(row["participant"], row["participant_id"], row["participant_label"])
    treaty = ref(row["treaty"], row["treaty_id"], row["treaty_label"])
    status = status_on(dates_of(row), on)
    return {
        "id": record_id(row["record"], "participation"), "iri": row["record"],
        "label": f"{state['label'] or state['id']} in {treaty['label'] or treaty['id']}",
        "state": state, "treaty": treaty,
        "signed": row["signed"], "consent_kind": last_segment(row["consent_kind"]), "consented": row["consented"],
        "in_force": row["in_force"], "denounced": row["denounced"],
        "denunciation_notified": row["denunciation_notified"], "status_on_date": status,
        "note": None if status is not None else _first_note(dates_of(row), on),
        "reservations": row["reservations"], "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
    }


def _first_note(dates: ParticipationDates, on: date) -> str | None:
    for status in ("party", "contracting", "signatory"):
        note = why_unknown_participation(dates, on, status)
        if note:
            return note
    return None


def select_on(rows: list[Row], on: date, status: str) -> tuple[list[dict], list[dict]]:
    """The items whose `status` holds on `on`, and those the dates cannot decide (with a note).

    status 'all' keeps every record (each with its status_on_date, None plus a note when undecidable).
    """
    if status == "all":
        return [participation_item(r, on) for r in rows], []
    items, unknown = [], []
    for row in rows:
        verdict = RULES[status](dates_of(row), on)
        if verdict:
            items.append(participation_item(row, on))
        elif verdict is None:
            item = participation_item(row, on)
            item["note"] = why_unknown_participation(dates_of(row), on, status)
            unknown.append(item)
    return items, unknown


def treaty_parties(store: Store, treaty_iri: str, *, on: date, status: str) -> ListAnswer:
    """The states with `status` on `on` for one treaty (see kg.temporal for the rules)."""
    rows = run(store, "participations", treaty=ox.NamedNode(treaty_iri))
    items, unknown = select_on(rows, on, status)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "status": status}, unknown=unknown)


def state_treaties(store: Store, state_iri: str, *, on: date, status: str) -> ListAnswer:
    """The treaties for which one state has `status` on `on`."""
    rows = run(store, "participations", participant=ox.NamedNode(state_iri))
    items, unknown = select_on(rows, on, status)
    return ListAnswer(items, echo={"as_of": on.isoformat(), "status": status}, unknown=unknown)
