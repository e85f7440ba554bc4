"""Instruments and treaties: GET /instruments, /instruments/{id}, /treaties, /treaties/{id}."""

from __future__ import annotations

import pyoxigraph as ox

from kg.answers.common import ListAnswer, best_evidence, find, kind_of, query_text, ref, run, split
from kg.answers.dates import date_fields, intervals
from kg.answers.intervals import Interval
from kg.errors import BadParameter
from kg.namespaces import CGO
from kg.querying import Row, Store
from kg.suggest import close_ids

# The `kind` values of GET /instruments (cgo:Instrument and its subclasses in the ontology, kebab-cased);
# OpenAPI lists them, and a test checks them against the ontology.
INSTRUMENT_KINDS = (
    "decision",
    "declaration",
    "directive",
    "eu-legislative-act",
    "instrument",
    "legal-instrument",
    "non-binding-instrument",
    "policy",
    "protocol",
    "regulation",
    "report",
    "resolution",
    "strategy",
    "treaty",
)


def instrument_kinds(store: Store) -> dict[str, str]:
    """The `kind` values the filter accepts ('treaty', 'protocol', 'regulation', ...) -> class IRI."""
    return {kind_of(r["class"]): r["class"] for r in run(store, "instrument-classes")}


# item field -> date property
DATES = {
    "adopted": "adoptionDate",
    "opened_for_signature": "openingForSignatureDate",
    "entry_into_force": "entryIntoForceDate",
    "application_date": "applicationDate",
}


def instrument_item(row: Row, spans: dict[str, Interval] | None = None) -> dict:
    """One instrument row as the contract's instrument fields (plus a few more); spans: its date intervals."""
    item = {
        "id": row["id"],
        "iri": row["instrument"],
        "label": row["label"],
        "alt_labels": split(row["alt_labels"]),
        "kind": kind_of(row["kind"]),
        "depositary": ref(row["depositary"], row["depositary_id"], row["depositary_label"]),
        "adoption_place": row["adoption_place"],
        "status": row["status"].rsplit("/", 1)[-1] if row["status"] else None,
        "adopted_by": split(row["adopted_by"]),
        "official_texts": split(row["official_texts"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
        "coverage_note": row["coverage_note"],
        "evidence": best_evidence(row["evidence_levels"]),
    }
    for name, prop in DATES.items():
        item.update(date_fields(name, (spans or {}).get(prop), row[name]))
    return item


def items_of(store: Store, rows: list[Row]) -> list[dict]:
    """Instrument rows as items, with the intervals of their dates."""
    spans = intervals(store, [r["instrument"] for r in rows])
    return [instrument_item(r, spans.get(r["instrument"])) for r in rows]


def list_instruments(
    store: Store, *, q: str | None = None, kind: str | None = None, treaties_only: bool = False
) -> ListAnswer:
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
    return ListAnswer(items_of(store, rows), echo=echo)


def get_instrument(store: Store, ident: str, *, treaties_only: bool = False) -> dict:
    """One instrument with its related instruments (supplements, amends, repeals, endorses and inverses).

    Raises:
        NotFound: no instrument (or treaty) with that id; carries close ids.
    """
    of_class = ox.NamedNode(str(CGO["Treaty"])) if treaties_only else None
    row = find(
        run(store, "instruments", of_class=of_class), ident, kind="treaty" if treaties_only else "instrument"
    )
    item = items_of(store, [row])[0]
    item["related"] = [
        {
            "relation": r["relation"],
            "direction": r["direction"],
            "instrument": ref(r["other"], r["other_id"], r["other_label"]),
        }
        for r in run(store, "instrument-relations", instrument=ox.NamedNode(row["instrument"]))
    ]
    return item


def instrument_param(store: Store, value: str | None) -> ox.NamedNode | None:
    """An `instrument` parameter (an instrument id, any case) as the instrument's IRI; None when absent.

    Raises:
        BadParameter: no instrument has that id (the message suggests close ones).
    """
    if not value:
        return None
    rows = run(store, "instruments")
    match = [r for r in rows if r["id"].lower() == value.strip().lower()]
    if not match:
        close = close_ids(value, [r["id"] for r in rows])
        raise BadParameter(
            "instrument",
            f"no instrument '{value}'" + (f"; did you mean {', '.join(close)}?" if close else ""),
        )
    return ox.NamedNode(match[0]["instrument"])


def known_treaty(store: Store, ident: str) -> dict:
    """get_instrument(store, ident, treaties_only=True), kept for the graph version on a store that derives
    per version (kg.store.cached.CachedStore.derived): GET /treaties/{id}/parties asks it on every request.
    The item is shared between requests: read it, do not change it.

    Raises:
        NotFound: no treaty with that id (never kept); carries close ids.
    """
    derived = getattr(store, "derived", None)
    if derived is None:
        return get_instrument(store, ident, treaties_only=True)
    # through the store's own memo, so a stream of unknown ids costs no query either
    return derived(
        f"treaty {ident.strip().lower()}", lambda _inner: get_instrument(store, ident, treaties_only=True)
    )
