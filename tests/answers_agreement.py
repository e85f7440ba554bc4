"""REST answers against the SPARQL they show (issue 12, item 3): same items, same status, on every date.

The REST routes judge records from the in-memory index of the graph version (kg.answers.record_index: each
record's verdicts on every day, judged by kg.answers.temporal); kg/queries/participations-on.rq and
memberships-on.rq state the same rules in SPARQL. These helpers run both for one scope (a treaty, a state,
an organization) over a grid of dates - the first and last day of every interval in the scope, the day
before each, and a few fixed days - and return what differs. The REST side goes through the route's own
path: participation.records / memberships.records (the index) and select_on (the index's verdicts).
"""

from __future__ import annotations

from datetime import date, timedelta

import pyoxigraph as ox

from kg import named_queries
from kg.answers import memberships, participation
from kg.namespaces import ID, XSD
from kg.querying import bind_values

FIXED_DAYS = [
    date(1945, 1, 1),
    date(1990, 1, 1),
    date(2004, 7, 1),
    date(2020, 1, 1),
    date(2023, 4, 4),
    date(2024, 6, 20),
    date(2026, 1, 1),
]
EVIDENCE = {
    level: ox.NamedNode(str(ID[f"evidence/{level}"])) for level in ("depositary", "official", "secondary")
}


def grid(found) -> list[date]:
    """The days where a record's verdict can change, and the fixed days.

    For an interval [earliest, latest]: the day before it (all after), its first day (straddling, unless one
    day long) and its last day (all on or before); a verdict is the same on every later day until the next edge.
    """
    days = set(FIXED_DAYS)
    for record in found:
        for span in filter(None, record.spans.values()):
            if span.earliest is not None:
                days.update((span.earliest - timedelta(days=1), span.earliest))
            if span.latest is not None:
                days.update((span.latest - timedelta(days=1), span.latest))
    return sorted(days)


def _sparql(store, name: str, days: list[date], bindings: dict) -> list[dict]:
    text = bind_values(
        named_queries.get(name).text,
        "on",
        [ox.Literal(d.isoformat(), datatype=ox.NamedNode(str(XSD.date))) for d in days],
    )
    return store.select(text, bindings={k: v for k, v in bindings.items() if v is not None})


def participation_differences(
    store,
    *,
    treaty: str | None = None,
    participant: str | None = None,
    status: str,
    evidence: str | None = None,
    days: list[date] | None = None,
) -> list:
    """(record, day, REST (list, status), SPARQL (list, status)) wherever the two answers differ."""
    found = participation.records(store, treaty=treaty, participant=participant)
    days = days or grid(found)
    rest: dict[tuple, tuple] = {}
    for day in days:
        items, unknown = participation.select_on(found, day, status, evidence=evidence)
        for where, listed in (("items", items), ("unknown", unknown)):
            for item in listed:
                rest[(item["iri"], day.isoformat())] = (where, item["status_on_date"] or "unknown")
    rows = _sparql(
        store,
        "participations-on",
        days,
        {
            "treaty": ox.NamedNode(treaty) if treaty else None,
            "participant": ox.NamedNode(participant) if participant else None,
            "status": ox.Literal(status),
            "min_evidence": EVIDENCE.get(evidence),
        },
    )
    sparql = {(r["record"], r["on"]): (r["list"], r["status_on_date"]) for r in rows}
    assert len(sparql) == len(rows), "one row per record and day"
    return [
        (key, rest.get(key), sparql.get(key))
        for key in sorted(rest.keys() | sparql.keys())
        if rest.get(key) != sparql.get(key)
    ]


def membership_differences(
    store,
    *,
    organization: str | None = None,
    member: str | None = None,
    role: ox.NamedNode | None,
    evidence: str | None = None,
    days: list[date] | None = None,
) -> list:
    """(record, day, REST list, SPARQL list) wherever the two answers differ (role None: every role)."""
    found = memberships.records(store, organization=organization, member=member, role=role)
    days = days or grid(found)
    rest: dict[tuple, str] = {}
    for day in days:
        items, unknown = memberships.select_on(found, day, evidence=evidence)
        rest.update({(i["iri"], day.isoformat()): "items" for i in items})
        rest.update({(i["iri"], day.isoformat()): "unknown" for i in unknown})
    rows = _sparql(
        store,
        "memberships-on",
        days,
        {
            "organization": ox.NamedNode(organization) if organization else None,
            "member": ox.NamedNode(member) if member else None,
            "role": role,
            "min_evidence": EVIDENCE.get(evidence),
        },
    )
    sparql = {(r["record"], r["on"]): r["list"] for r in rows}
    assert len(sparql) == len(rows), "one row per record and day"
    return [
        (key, rest.get(key), sparql.get(key))
        for key in sorted(rest.keys() | sparql.keys())
        if rest.get(key) != sparql.get(key)
    ]
