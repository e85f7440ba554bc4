"""Organizations and bodies: GET /organizations and /organizations/{id}."""

from __future__ import annotations

from kg.answers.common import ListAnswer, best_evidence, find, kind_of, query_text, ref, run, split
from kg.answers.dates import date_fields, intervals
from kg.answers.intervals import Interval
from kg.querying import Row, Store


def organization_item(row: Row, spans: dict[str, Interval] | None = None) -> dict:
    """One organization row as the contract's organization fields; spans: the intervals of its dates."""
    return {
        "id": row["id"],
        "iri": row["organization"],
        "label": row["label"],
        "alt_labels": split(row["alt_labels"]),
        "kind": kind_of(row["kind"]),
        **date_fields("founded", (spans or {}).get("founded"), row["founded"]),
        "evidence": best_evidence(row["evidence_levels"]),
        "parent": ref(row["parent"], row["parent_id"], row["parent_label"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
        "coverage_note": row["coverage_note"],
    }


def list_organizations(store: Store, *, q: str | None = None) -> ListAnswer:
    """Organizations and bodies whose label or acronym contains q (case-insensitive)."""
    return ListAnswer(items_of(store, run(store, "organizations", q=query_text(q))), echo={"q": q})


def items_of(store: Store, rows: list[Row]) -> list[dict]:
    """Organization rows as items, with the intervals of their dates."""
    spans = intervals(store, [r["organization"] for r in rows])
    return [organization_item(r, spans.get(r["organization"])) for r in rows]


def find_organization(store: Store, ident: str) -> Row:
    """The organizations.rq row of one organization id (case-insensitive).

    Raises:
        NotFound: unknown id; carries close ids.
    """
    return find(run(store, "organizations"), ident, kind="organization")


def get_organization(store: Store, ident: str) -> dict:
    """One organization with its sub-organizations.

    Raises:
        NotFound: unknown id; carries close ids.
    """
    rows = run(store, "organizations")
    item = items_of(store, [find(rows, ident, kind="organization")])[0]
    item["sub_organizations"] = [
        ref(r["organization"], r["id"], r["label"]) for r in rows if r["parent"] == item["iri"]
    ]
    return item
