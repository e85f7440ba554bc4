"""What the pages show about an entity beyond its own facts: an instrument's related instruments, provisions,
norms and what it established; an organization's mechanisms and instruments; a state's mechanisms; and the
home page's holdings and per-treaty coverage. Shared by api/routes/pages.py and api/routes/entity_pages.py."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pyoxigraph as ox

from api.sorting import name_key, notation_key
from kg.answers import instruments, mechanisms, norms, organizations, participation, provisions, states
from kg.answers.common import last_segment, ref, run
from kg.answers.totals import reported_total
from kg.namespaces import DEFAULT_GRAPHS
from kg.querying import Store

# How an instrument relation reads from the instrument whose page it is on.
RELATION_WORDS = {
    ("supplements", "outgoing"): "supplements",
    ("supplements", "incoming"): "supplemented by",
    ("amends", "outgoing"): "amends",
    ("amends", "incoming"): "amended by",
    ("repeals", "outgoing"): "repeals",
    ("repeals", "incoming"): "repealed by",
    ("endorses", "outgoing"): "endorses",
    ("endorses", "incoming"): "endorsed by",
}
MECHANISM_ROLES = {
    "established_by": "established by it",
    "operated_by": "run by it",
    "participant": "takes part",
}
COVERAGE_STATUSES = ("party", "contracting", "signatory")


def instrument_parts(store: Store, item: dict) -> dict:
    """What an instrument's page shows beside its own facts: related instruments, provisions (with how many
    obligations arise from them), the norms it states, what it established and its adopters, each a reference
    with a page."""
    related = [
        {**r, "words": RELATION_WORDS.get((r["relation"], r["direction"]), r["relation"])}
        for r in item.get("related", [])
    ]
    established = [
        {"kind": r["kind"], "ref": ref(r["thing"], r["id"], r["label"])}
        for r in run(store, "established-by", instrument=ox.NamedNode(item["iri"]))
    ]
    stated = sorted(
        (
            n
            for n in norms.list_norms(store).items
            if n["instrument"] and n["instrument"]["iri"] == item["iri"]
        ),
        key=lambda n: notation_key(n["notation"] or n["id"]),
    )
    parts = sorted(
        provisions.list_provisions(store, instrument_iri=item["iri"]).items,
        key=lambda p: notation_key(p["notation"] or p["id"]),
    )
    return {
        "related": related,
        "established": established,
        "stated_norms": stated,
        "provisions": parts,
        "adopters": references(store, item.get("adopted_by", [])),
    }


def references(store: Store, iris: list[str]) -> list[dict]:
    """IRIs of organizations or states as references with their labels."""
    known = {
        i["iri"]: i for i in organizations.list_organizations(store).items + states.list_states(store).items
    }
    return [
        ref(iri, known[iri]["id"] if iri in known else last_segment(iri), known.get(iri, {}).get("label"))
        for iri in iris
    ]


def organization_parts(store: Store, item: dict) -> dict:
    """What an organization's page shows beside its members: the mechanisms it runs or takes part in, and the
    instruments it adopted or keeps as depositary, and the instruments that established it."""
    adopted = [
        i
        for i in instruments.list_instruments(store).items
        if item["iri"] in i["adopted_by"] or (i["depositary"] or {}).get("iri") == item["iri"]
    ]
    established_by = [
        ref(r["instrument"], r["instrument_id"], r["instrument_label"])
        for r in run(store, "established-by", thing=ox.NamedNode(item["iri"]))
    ]
    return {
        "established_by": established_by,
        "mechanisms": [
            {**m, "words": MECHANISM_ROLES.get(m["relation"], m["relation"])}
            for m in mechanisms.mechanisms_of(store, item["iri"])
        ],
        "instruments": [
            {
                "ref": ref(i["iri"], i["id"], i["label"]),
                "kind": i["kind"],
                "depositary": (i["depositary"] or {}).get("iri") == item["iri"],
                "adopted": item["iri"] in i["adopted_by"],
            }
            for i in sorted(adopted, key=lambda i: name_key(i["label"] or i["id"]))
        ],
    }


def state_parts(store: Store, state_iri: str) -> dict:
    """The mechanisms a state takes part in (shown on its page)."""
    return {"mechanisms": mechanisms.mechanisms_of(store, state_iri)}


def coverage(store: Store, *, on: date) -> list[dict]:
    """How complete each treaty's records are: how many records, how many have a signature and a dated consent
    or entry into force (and how many of those to the day), and the depositary's latest reported totals."""
    rows = []
    for treaty in sorted(
        instruments.list_instruments(store, treaties_only=True).items,
        key=lambda i: name_key(i["label"] or i["id"]),
    ):
        found = participation.records(store, treaty=treaty["iri"])
        dated = [r for r in found if r.spans.get("consented") or r.spans.get("in_force")]
        to_the_day = [
            r
            for r in dated
            if any(
                s is not None and s.precision in ("day", "derived")
                for s in (r.spans.get("consented"), r.spans.get("in_force"))
            )
        ]
        evidence = Counter(r.evidence or "none" for r in found)
        totals = []
        for status in COVERAGE_STATUSES:
            total = reported_total(store, treaty["iri"], status=status, on=on)
            if (
                total
            ):  # the records judged on the day of the count (a count known to the month or year: today)
                day = date.fromisoformat(total["date"]) if len(total["date"]) == 10 else on
                recorded = participation.treaty_parties(store, treaty["iri"], on=day, status=status)
                totals.append({**total, "recorded": len(recorded.items), "recorded_on": day.isoformat()})
        rows.append(
            {
                "treaty": ref(treaty["iri"], treaty["id"], treaty["label"]),
                "records": len(found),
                "signed": sum(1 for r in found if r.spans.get("signed") or r.row["signed"]),
                "dated": len(dated),
                "to_the_day": len(to_the_day),
                "share": round(100 * len(dated) / len(found)) if found else None,
                "evidence": dict(evidence),
                "totals": totals,
            }
        )
    return rows


def holdings(store: Store) -> list[dict]:
    """What the graph holds, kind by kind, each with its list page."""
    every = instruments.list_instruments(store).items
    treaties = instruments.list_instruments(store, treaties_only=True).items
    counts = store.counts()
    return [
        {"kind": "Treaties and protocols", "count": len(treaties), "href": "/ui/treaties"},
        {
            "kind": "Other instruments (EU acts, resolutions, reports, declarations, policies)",
            "count": len(every) - len(treaties),
            "href": "/ui/instruments",
        },
        {
            "kind": "Organizations and bodies",
            "count": len(organizations.list_organizations(store).items),
            "href": "/ui/organizations",
        },
        {"kind": "States", "count": len(states.list_states(store).items), "href": "/ui/states"},
        {"kind": "Norms", "count": len(norms.list_norms(store).items), "href": "/ui/norms"},
        {
            "kind": "Provisions (articles)",
            "count": len(provisions.list_provisions(store).items),
            "href": "/ui/provisions",
        },
        {"kind": "Obligations", "count": len(norms.list_obligations(store).items), "href": "/ui/obligations"},
        {
            "kind": "Mechanisms (networks, exercises, programmes)",
            "count": len(mechanisms.list_mechanisms(store).items),
            "href": "/ui/mechanisms",
        },
        {"kind": "Triples", "count": sum(counts.get(g, 0) for g in DEFAULT_GRAPHS), "href": None},
    ]
