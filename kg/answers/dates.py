"""Dates with their precision in answers: the intervals of kg/queries/date-intervals.rq and date-bounds.rq,
and how an item shows each date.

Every date field `X` of an item (`start`, `consented`, `in_force`, ...) comes with
`X_precision` ('day', 'month', 'year', 'bounded' or 'derived'), `X_earliest` and `X_latest` (the days it
stands for, ISO), `X_bounds` (the sourced bounds, if any) and `X_derived` (the rule and provision, when
derived). `X` itself is the date as stated ('1949', '1949-04', '1949-04-04'), or for a derived date the
day, month or year it covers exactly; null when only bounded.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg import named_queries
from kg.answers.common import last_segment, split
from kg.answers.intervals import Bound, Derivation, Interval
from kg.querying import Store, bind_values

BATCH = 400  # records per query (keeps the VALUES block small on the remote backend)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _select_for(store: Store, name: str, records: list[str]) -> list[dict]:
    text = named_queries.get(name).text
    rows: list[dict] = []
    for start in range(0, len(records), BATCH):
        chunk = [ox.NamedNode(iri) for iri in records[start : start + BATCH]]
        rows += store.select(bind_values(text, "record", chunk))
    return rows


def intervals(store: Store, records: list[str]) -> dict[str, dict[str, Interval]]:
    """The interval of every date of the given records: record IRI -> property local name -> Interval."""
    records = sorted(set(records))
    if not records:
        return {}
    return _intervals(
        _select_for(store, "date-bounds", records), _select_for(store, "date-intervals", records)
    )


def _intervals(bound_rows: list[dict], interval_rows: list[dict]) -> dict[str, dict[str, Interval]]:
    bounds: dict[tuple[str, str], list[Bound]] = {}
    for row in bound_rows:
        key = (row["record"], last_segment(row["property"]))
        bounds.setdefault(key, []).append(
            Bound(
                not_before=_day(row["not_before"]),
                not_after=_day(row["not_after"]),
                source=" ".join(split(row["sources"])) or None,
                comment=row["comment"],
            )
        )
    found: dict[str, dict[str, Interval]] = {}
    for row in interval_rows:
        prop = last_segment(row["property"])
        derived = Derivation(row["rule"], row["provision"]) if row["rule"] else None
        found.setdefault(row["record"], {})[prop] = Interval(
            earliest=_day(row["earliest"]),
            latest=_day(row["latest"]),
            precision=row["precision"] or ("derived" if derived else "day"),
            stated=row["value"],
            bounds=tuple(sorted(bounds.get((row["record"], prop), []), key=repr)),
            derived=derived,
        )
    return found


def date_fields(name: str, interval: Interval | None, stated: str | None = None) -> dict:
    """The fields of one date of an item: X, X_precision, X_earliest, X_latest, X_bounds, X_derived.

    `stated` is the value from the record itself, shown when no interval is known for it.
    """
    if interval is None:
        return {
            name: stated,
            f"{name}_precision": None,
            f"{name}_earliest": None,
            f"{name}_latest": None,
            f"{name}_bounds": [],
            f"{name}_derived": None,
        }
    return {
        name: interval.value(),
        f"{name}_precision": interval.precision,
        f"{name}_earliest": interval.earliest.isoformat() if interval.earliest else None,
        f"{name}_latest": interval.latest.isoformat() if interval.latest else None,
        f"{name}_bounds": [
            {
                "not_before": b.not_before.isoformat() if b.not_before else None,
                "not_after": b.not_after.isoformat() if b.not_after else None,
                "source": b.source,
                "comment": b.comment,
            }
            for b in interval.bounds
        ],
        f"{name}_derived": (
            {"rule": interval.derived.rule, "provision": interval.derived.provision}
            if interval.derived
            else None
        ),
    }
