"""Norms and obligations: GET /norms, /norms/{id} and /obligations."""

from __future__ import annotations

import pyoxigraph as ox

from kg.answers.common import (
    ListAnswer,
    best_evidence,
    concept_labels,
    concept_list,
    concept_param,
    find,
    query_text,
    record_id,
    ref,
    run,
    split,
)
from kg.answers.instruments import instrument_param
from kg.querying import Row, Store


def norm_item(row: Row, labels: dict[str, str | None]) -> dict:
    """One norm row as the contract's norm fields."""
    return {
        "id": row["id"],
        "iri": row["norm"],
        "label": row["label"],
        "notation": row["notation"],
        "alt_labels": split(row["alt_labels"]),
        "definition": row["definition"],
        "instrument": ref(row["instrument"], row["instrument_id"], row["instrument_label"]),
        "topics": concept_list(labels, split(row["topics"])),
        "addressees": concept_list(labels, split(row["addressees"])),
        "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
    }


def list_norms(store: Store, *, q: str | None = None, instrument: str | None = None) -> ListAnswer:
    """Voluntary norms whose label, alternative label or notation contains q (case-insensitive), and, given
    `instrument` (an instrument id, any case), only those it states."""
    labels = concept_labels(store)
    items = [norm_item(r, labels) for r in run(store, "norms", q=query_text(q))]
    if instrument:
        wanted = instrument.strip().lower()
        items = [i for i in items if i["instrument"] and i["instrument"]["id"].lower() == wanted]
    return ListAnswer(items, echo={"q": q, "instrument": instrument})


def get_norm(store: Store, ident: str) -> dict:
    """One norm with its endorsements (of the norm itself or of the instrument that states it).

    Raises:
        NotFound: unknown id; carries close ids.
    """
    item = norm_item(find(run(store, "norms"), ident, kind="norm"), concept_labels(store))
    item["endorsements"] = [
        {
            "id": record_id(r["record"], "endorsement") if r["record"] else None,
            "iri": r["record"],
            "label": r["record_label"],
            "endorser": ref(r["endorser"], r["endorser_id"], r["endorser_label"]),
            "endorsed": ref(r["endorsed"], r["endorsed_id"], r["endorsed_label"]),
            "date": r["date"],
            "sources": split(r["sources"]),
        }
        for r in run(store, "endorsements", norm=ox.NamedNode(item["iri"]))
    ]
    return item


def obligation_item(row: Row, labels: dict[str, str | None]) -> dict:
    """One obligation row: the obligation, its provision and instrument, kind, addressees, topics, sources."""
    return {
        "id": row["id"],
        "iri": row["obligation"],
        "label": row["label"],
        "definition": row["definition"],
        "deontic_kind": row["deontic_kind"].rsplit("/", 1)[-1] if row["deontic_kind"] else None,
        "deadline": row["deadline"],
        "provision": {
            **ref(row["provision"], row["provision_id"], row["provision_label"]),
            "notation": row["provision_notation"],
        },
        "instrument": ref(row["instrument"], row["instrument_id"], row["instrument_label"]),
        "addressees": concept_list(labels, split(row["addressees"])),
        "topics": concept_list(labels, split(row["topics"])),
        "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
    }


def obligations_of(store: Store, *, provision_iri: str) -> list[dict]:
    """The obligations that arise from one provision (IRI)."""
    labels = concept_labels(store)
    return [
        obligation_item(r, labels) for r in run(store, "obligations", provision=ox.NamedNode(provision_iri))
    ]


def get_obligation(store: Store, ident: str) -> dict:
    """One obligation with its provision and instrument.

    Raises:
        NotFound: unknown id; carries close ids.
    """
    return obligation_item(find(run(store, "obligations"), ident, kind="obligation"), concept_labels(store))


def list_obligations(
    store: Store, *, instrument: str | None = None, addressee: str | None = None, topic: str | None = None
) -> ListAnswer:
    """Binding obligations, filtered by instrument id, addressee and topic slugs (a topic includes narrower ones).

    Raises:
        BadParameter: an unknown instrument, addressee or topic (the message suggests close ones).
    """
    instrument_node = instrument_param(store, instrument)
    rows = run(
        store,
        "obligations",
        instrument=instrument_node,
        addressee=concept_param(store, "Addressee", "addressee", addressee),
        topic=concept_param(store, "Topic", "topic", topic),
    )
    labels = concept_labels(store)
    return ListAnswer(
        [obligation_item(r, labels) for r in rows],
        echo={"instrument": instrument, "addressee": addressee, "topic": topic},
    )
