"""Organizations and bodies: GET /organizations and /organizations/{id}."""
from __future__ import annotations

from kg.service.common import ListAnswer, find, kind_of, query_text, ref, run, split
from kg.store.base import Row, Store


def organization_item(row: Row) -> dict:
    """One organization row as the contract's organization fields."""
    return {
        "id": row["id"], "iri": row["organization"], "label": row["label"],
        "alt_labels": split(row["alt_labels"]), "kind": kind_of(row["kind"]), "founded": row["founded"],
        "parent": ref(row["parent"], row["parent_id"], row["parent_label"]),
        "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
        "coverage_note": row["coverage_note"],
    }


def list_organizations(store: Store, *, q: str | None = None) -> ListAnswer:
    """Organizations and bodies whose label or acronym contains q (case-insensitive)."""
    rows = run(store, "organizations", q=query_text(q))
    return ListAnswer([organization_item(r) for r in rows], echo={"q": q})


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
    item = organization_item(find(rows, ident, kind="organization"))
    item["sub_organizations"] = [ref(r["organization"], r["id"], r["label"]) for r in rows
                                 if r["parent"] == item["iri"]]
    return item
