"""Provisions (articles and paragraphs of instruments) and the obligations that arise from them."""

from __future__ import annotations

import pyoxigraph as ox

from kg.answers import norms
from kg.answers.common import ListAnswer, best_evidence, find, ref, run, split
from kg.answers.instruments import instrument_param
from kg.querying import Row, Store


def provision_item(row: Row) -> dict:
    """One provisions.rq row: the provision, its instrument, official texts, sources and evidence."""
    return {
        "id": row["id"],
        "iri": row["provision"],
        "label": row["label"],
        "notation": row["notation"],
        "instrument": ref(row["instrument"], row["instrument_id"], row["instrument_label"]),
        "official_texts": split(row["official_texts"]),
        "obligation_count": len(split(row["obligations"])),
        "comment": row["comment"],
        "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
    }


def list_provisions(
    store: Store, *, instrument: str | None = None, instrument_iri: str | None = None
) -> ListAnswer:
    """Every provision, or those of one instrument (given by id, or by IRI).

    Raises:
        BadParameter: no instrument has the id `instrument`.
    """
    node = ox.NamedNode(instrument_iri) if instrument_iri else instrument_param(store, instrument)
    return ListAnswer(
        [provision_item(r) for r in run(store, "provisions", instrument=node)],
        echo={"instrument": instrument},
    )


def get_provision(store: Store, ident: str) -> dict:
    """One provision with the obligations that arise from it.

    Raises:
        NotFound: unknown id; carries close ids.
    """
    item = provision_item(find(run(store, "provisions"), ident, kind="provision"))
    item["obligations"] = norms.obligations_of(store, provision_iri=item["iri"])
    return item
