"""Totals published by a depositary or organization (cgo:ReportedTotal), shown beside an answer's `total`."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.answers.common import best_evidence, run, split
from kg.querying import Store


def reported_total(store: Store, of_iri: str, *, status: str, on: date) -> dict | None:
    """The latest published total of `status` for the instrument or organization, dated on or before `on`.

    A total known to the month or year counts from the first day of that month or year. None when no
    total of that status is dated on or before `on`.
    """
    rows = run(store, "reported-totals", of=ox.NamedNode(of_iri), status=ox.Literal(status))
    iso = on.isoformat()
    dated = [r for r in rows if r["date"] and r["date"] <= iso[: len(r["date"])]]
    if not dated:
        return None
    row = max(dated, key=lambda r: (r["date"], r["total"]))
    return {
        "count": int(row["count"]),
        "date": row["date"],
        "status": status,
        "iri": row["total"],
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
        "evidence": best_evidence(row["evidence_levels"]),
    }
