"""Provisions (articles and paragraphs of instruments) and the obligations that arise from them."""
from __future__ import annotations

import pyoxigraph as ox

from kg.answers import norms
from kg.answers.common import ListAnswer, best_evidence, find, ref, run, split
from kg.querying import Row, Store


def provision_item(row: Row) -> dict:
    """One provisions.rq row: the provision, its instrument, official texts, sources and evidence."""
    return {
        "id": row["id"], "iri": row["provision"], "label": row["label"], "notation": row["notation"],
        "instrument": ref(row["instrument"], row["instrument_id"], row["instrument_label"]),
        "official_texts": split(row["official_texts"]), "obligation_count": len(split(row["obligations"])),
        "comment": row["comment"], "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]), "source_as_of": row["source_as_of"],
    }


def list_provisions(store: Store, *, instrument_iri: str | None = None) -> ListAnswer:
    """Every provision, or those of one instrument (IRI)."""
    rows = run(store, "provisions", instrument=ox.NamedNode(instrument_iri) if instrument_iri else None)
    return ListAnswer([provision_item(r) for r in rows])


def get_provision(store: Store, ident: str) -> dict:
    """One provision with the obligations that arise from it.

    Raises:
        NotFound: unknown id; carries close ids.
    """
    item = provision_item(find(run(store, "provisions"), ident, kind="provision"))
    item["obligations"] = norms.obligations_of(store, provision_iri=item["iri"])
    return item
