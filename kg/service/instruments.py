"""Instruments and treaties: GET /instruments, /instruments/{id}, /treaties, /treaties/{id}."""
from __future__ import annotations

import pyoxigraph as ox

from kg.errors import BadParameter
from kg.namespaces import CGO
from kg.service.common import ListAnswer, find, kind_of, query_text, ref, run, split
from kg.store.base import Row, Store


# The `kind` values of GET /instruments (cgo:Instrument and its subclasses in the ontology, kebab-cased);
# OpenAPI lists them, and a test checks them against the ontology.
INSTRUMENT_KINDS = ("decision", "declaration", "directive", "eu-legislative-act", "instrument",
                    "legal-instrument", "non-binding-instrument", "policy", "protocol", "regulation",
                    "report", "resolution", "strategy", "treaty")


def instrument_kinds(store: Store) -> dict[str, str]:
    """The `kind` values the filter accepts ('treaty', 'protocol', 'regulation', ...) -> class IRI."""
    return {kind_of(r["class"]): r["class"] for r in run(store, "instrument-classes")}


def instrument_item(row: Row) -> dict:
    """One instrument row as the contract's instrument fields (plus a few more)."""
    return {
        "id": row["id"], "iri": row["instrument"], "label": row["label"],
        "alt_labels": split(row["alt_labels"]), "kind": kind_of(row["kind"]),
        "adopted": row["adopted"], "opened_for_signature": row["opened_for_signature"],
        "entry_into_force": row["entry_into_force"], "application_date": row["application_date"],
        "depositary": ref(row["depositary"], row["depositary_id"], row["depositary_label"]),
        "adoption_place": row["adoption_place"],
        "status": row["status"].rsplit("/", 1)[-1] if row["status"] else None,
        "adopted_by": split(row["adopted_by"]), "official_texts": split(row["official_texts"]),
        "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
        "coverage_note": row["coverage_note"],
    }


def list_instruments(store: Store, *, q: str | None = None, kind: str | None = None,
                     treaties_only: bool = False) -> ListAnswer:
    """Instruments whose label, alternative label or official number contains q (case-insensitive).

    Args:
        kind: an instrument kind ('treaty' includes protocols; 'legal-instrument', 'resolution', ...).
        treaties_only: only what states sign and become party to (cgo:Treaty and its subclasses).
    Raises:
        BadParameter: unknown kind.
    """
    of_class = None
    if treaties_only:
        of_class = ox.NamedNode(str(CGO["Treaty"]))
    elif kind:
        kinds = instrument_kinds(store)
        if kind.lower() not in kinds:
            raise BadParameter("kind", f"unknown kind '{kind}'; expected one of: {', '.join(sorted(kinds))}")
        of_class = ox.NamedNode(kinds[kind.lower()])
    rows = run(store, "instruments", of_class=of_class, q=query_text(q))
    echo = {"q": q} if treaties_only else {"q": q, "kind": kind}
    return ListAnswer([instrument_item(r) for r in rows], echo=echo)


def get_instrument(store: Store, ident: str, *, treaties_only: bool = False) -> dict:
    """One instrument with its related instruments (supplements, amends, repeals, endorses and inverses).

    Raises:
        NotFound: no instrument (or treaty) with that id; carries close ids.
    """
    of_class = ox.NamedNode(str(CGO["Treaty"])) if treaties_only else None
    row = find(run(store, "instruments", of_class=of_class), ident, kind="treaty" if treaties_only else "instrument")
    item = instrument_item(row)
    item["related"] = [
        {"relation": r["relation"], "direction": r["direction"],
         "instrument": ref(r["other"], r["other_id"], r["other_label"])}
        for r in run(store, "instrument-relations", instrument=ox.NamedNode(row["instrument"]))]
    return item
