"""States: GET /states, /states/{id} (alpha-3, alpha-2 or numeric code, any case), and the state profile."""

from __future__ import annotations

from datetime import date

import pycountry

from kg.answers import memberships, participation
from kg.answers.common import ListAnswer, best_evidence, query_text, run, split
from kg.errors import NotFound
from kg.querying import Row, Store
from kg.suggest import by_initials, close_ids, starting_with


def state_item(row: Row) -> dict:
    """One state row as the contract's state fields."""
    return {
        "id": row["id"],
        "iri": row["state"],
        "label": row["label"],
        "alpha2": row["alpha2"],
        "numeric": row["numeric"],
        "alt_labels": split(row["alt_labels"]),
        "evidence": best_evidence(row["evidence_levels"]),
        "sources": split(row["sources"]),
        "source_as_of": row["source_as_of"],
    }


def list_states(store: Store, *, q: str | None = None) -> ListAnswer:
    """States whose name or code contains q (case-insensitive)."""
    return ListAnswer([state_item(r) for r in run(store, "states", q=query_text(q))], echo={"q": q})


def _alpha3_by_pycountry(code: str) -> str | None:
    country = None
    if len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
    elif code.isdigit():
        country = pycountry.countries.get(numeric=code.zfill(3))
    return country.alpha_3 if country else None


def find_state(store: Store, ident: str) -> Row:
    """The states.rq row of a state given by alpha-3, alpha-2 or numeric code, in any case.

    Raises:
        NotFound: no such state; suggestions are the states ident may stand for (as alpha-3 ids, _suggestions).
    """
    rows = run(store, "states")
    code = ident.strip().upper()
    for keys in (("id",), ("alpha2",), ("numeric",)):
        for row in rows:
            if any((row.get(k) or "").upper() == code for k in keys):
                return row
    alpha3 = _alpha3_by_pycountry(code)
    for row in rows:
        if alpha3 and row["id"] == alpha3:
            return row
    raise NotFound("state", ident, _suggestions(ident, rows))


def _suggestions(ident: str, rows: list[Row]) -> list[str]:
    """Up to five alpha-3 ids a person who typed ident probably meant, from what the data holds of each state:
    first the states whose label or alternative label has ident as its initials ("uk": the alternative label
    "United Kingdom"), then those whose alpha-3 or alpha-2 code starts with it, then those whose names start
    with it, then close codes and names (kg.suggest.close_ids)."""
    code = ident.strip().upper()
    names = {r["id"]: [r["label"] or "", *split(r["alt_labels"])] for r in rows}
    codes = {r["id"]: [r["id"], r["alpha2"] or ""] for r in rows}
    by_name = {(r["label"] or r["id"]): r["id"] for r in rows}
    suggestions = (
        by_initials(code, names)
        + starting_with(code, codes)
        + starting_with(ident, names)
        + close_ids(code, [r["id"] for r in rows])
        + [by_name[n] for n in close_ids(ident.strip(), list(by_name))]
    )
    return list(dict.fromkeys(suggestions))[:5]


def get_state(store: Store, ident: str, *, on: date) -> dict:
    """A state's profile: its codes, every membership and treaty participation, each judged on `on`.

    Raises:
        NotFound: no such state.
    """
    row = find_state(store, ident)
    item = state_item(row)
    item["as_of"] = on.isoformat()
    item["memberships"] = [
        memberships.membership_item(r, on) for r in memberships.records(store, member=row["state"])
    ]
    item["treaties"] = [
        participation.participation_item(r, on)
        for r in participation.records(store, participant=row["state"])
    ]
    return item
