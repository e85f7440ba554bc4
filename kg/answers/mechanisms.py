"""Mechanisms: information-sharing and incident-response networks, exercises, certification schemes and
capacity-building programmes, with the instruments that established them, who runs them and who takes part."""

from __future__ import annotations

import pyoxigraph as ox

from kg.answers.common import (
    ListAnswer,
    best_evidence,
    concept_labels,
    concept_list,
    find,
    kind_of,
    ref,
    run,
    split,
)
from kg.answers.dates import date_fields, intervals
from kg.querying import Row, Store

RELATIONS = ("established_by", "operated_by", "participant")


def mechanism_item(row: Row, labels: dict[str, str | None], spans: dict | None = None) -> dict:
    """One mechanisms.rq row: names, kind, definition, start, topics, sources and evidence."""
    return {
        "id": row["id"],
        "iri": row["mechanism"],
        "label": row["label"],
        "alt_labels": split(row["alt_labels"]),
        "kind": kind_of(row["kind"]),
        "kind_label": row["kind_label"],
        "definition": row["definition"],
        **date_fields("start", (spans or {}).get("startDate"), row["start_date"]),
        "topics": concept_list(labels, split(row["topics"])),
        "comment": row["comment"],
        "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
    }


def _items(store: Store, rows: list[Row]) -> list[dict]:
    labels = concept_labels(store)
    spans = intervals(store, [r["mechanism"] for r in rows])
    items = [mechanism_item(r, labels, spans.get(r["mechanism"])) for r in rows]
    links = (
        run(store, "mechanism-links")
        if len(rows) != 1
        else run(store, "mechanism-links", mechanism=ox.NamedNode(rows[0]["mechanism"]))
    )
    by_iri = {i["iri"]: i for i in items}
    for item in items:
        item.update({relation: [] for relation in RELATIONS})
    for link in links:
        if link["mechanism"] in by_iri:
            by_iri[link["mechanism"]][link["relation"]].append(
                ref(link["other"], link["other_id"], link["other_label"])
            )
    return items


def list_mechanisms(store: Store) -> ListAnswer:
    """Every mechanism, each with its instruments, operators and participants."""
    return ListAnswer(_items(store, run(store, "mechanisms")))


def get_mechanism(store: Store, ident: str) -> dict:
    """One mechanism.

    Raises:
        NotFound: unknown id; carries close ids.
    """
    return _items(store, [find(run(store, "mechanisms"), ident, kind="mechanism")])[0]


def mechanisms_of(store: Store, other_iri: str) -> list[dict]:
    """The mechanisms an instrument established, an organization runs or a state takes part in:
    [{"mechanism": ref, "relation"}]."""
    return [
        {"mechanism": ref(r["mechanism"], r["mechanism_id"], r["mechanism_label"]), "relation": r["relation"]}
        for r in run(store, "mechanism-links", other=ox.NamedNode(other_iri))
    ]
