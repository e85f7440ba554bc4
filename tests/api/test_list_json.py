"""The date routes' JSON written from encoded items (api.list_json) is the list model's own JSON (issue 13, item 3).

For each of the four routes, on days where records change status (and fixed days), the answer is compared
with what pydantic gives for the same page through the route's response model: same fields in the same
order, same values. Then the pieces of an item are shown to follow the day, not the first request.
"""

from __future__ import annotations

from datetime import date

import pytest

from api.list_json import ListJson
from api.schemas import MembershipList, ParticipationList
from kg.answers import memberships, participation
from kg.answers.common import run
from kg.namespaces import ID

DAYS = [
    "1990-01-01",
    "2001-06-15",
    "2003-05-15",
    "2005-01-10",
    "2012-05-15",
    "2015-12-02",
    "2020-01-01",
    "2022-07-15",
    "2024-06-20",
    "2030-01-01",
]


def _expected(model, answer, *, limit: int = 500, offset: int = 0) -> dict:
    return model.model_validate(answer.page(limit=limit, offset=offset)).model_dump(mode="json")


def _same(got: dict, expected: dict) -> None:
    cite = got.pop("cite", None)  # the route adds how to cite it (issue 14); the model's own JSON has none
    expected.pop("cite", None)
    assert cite is None or cite["graph_version"] and cite["url"].startswith("http")
    assert got == expected
    assert list(got) == list(expected)
    for key in ("items", "unknown"):
        for mine, theirs in zip(got[key], expected[key], strict=False):
            assert list(mine) == list(theirs)


def _scopes(store, query: str, column: str) -> list[tuple[str, str]]:
    """(IRI, id) of every treaty, organization or member with records."""
    return sorted({(r[column], r[f"{column}_id"]) for r in run(store, query)})


def _treaties(store) -> list[tuple[str, str]]:
    return _scopes(store, "participations", "treaty")


@pytest.mark.parametrize("status", ["party", "contracting", "signatory", "all"])
def test_parties_json_is_the_models_json(client, fixture_store, status):
    treaties = _treaties(fixture_store)
    assert treaties
    for iri, ident in treaties:
        for day in DAYS:
            response = client.get(f"/treaties/{ident}/parties", params={"as_of": day, "status": status})
            assert response.status_code == 200 and response.headers["content-type"] == "application/json"
            answer = participation.treaty_parties(
                fixture_store, iri, on=date.fromisoformat(day), status=status
            )
            got = response.json()
            answer.echo["coverage_note"] = got["coverage_note"]
            _same(got, _expected(ParticipationList, answer))


def test_members_and_state_lists_json_is_the_models_json(client, fixture_store):
    checked = 0
    for organization, ident in _scopes(fixture_store, "memberships", "organization"):
        for day in DAYS:
            got = client.get(f"/organizations/{ident}/members", params={"as_of": day, "role": "all"}).json()
            answer = memberships.members(fixture_store, organization, on=date.fromisoformat(day), role="all")
            answer.echo["coverage_note"] = got["coverage_note"]
            _same(got, _expected(MembershipList, answer))
            checked += len(got["items"]) + len(got["unknown"])
    for member, ident in _scopes(fixture_store, "memberships", "member")[:5]:
        for day in DAYS:
            got = client.get(f"/states/{ident}/memberships", params={"as_of": day, "role": "all"}).json()
            _same(
                got,
                _expected(
                    MembershipList,
                    memberships.memberships_of(fixture_store, member, on=date.fromisoformat(day), role="all"),
                ),
            )
            got = client.get(f"/states/{ident}/treaties", params={"as_of": day, "status": "all"}).json()
            _same(
                got,
                _expected(
                    ParticipationList,
                    participation.state_treaties(
                        fixture_store, member, on=date.fromisoformat(day), status="all"
                    ),
                ),
            )
    assert checked > 0


def test_paging_and_evidence_go_through_the_writer_too(client, fixture_store):
    iri, ident = _treaties(fixture_store)[0]
    got = client.get(
        f"/treaties/{ident}/parties", params={"as_of": "2030-01-01", "status": "all", "limit": 1, "offset": 1}
    ).json()
    answer = participation.treaty_parties(fixture_store, iri, on=date(2030, 1, 1), status="all")
    answer.echo["coverage_note"] = got["coverage_note"]
    _same(got, _expected(ParticipationList, answer, limit=1, offset=1))


def test_an_items_pieces_keep_only_what_does_not_change_with_the_day():
    writer = ListJson(ParticipationList, dynamic=("status_on_date", "note"))
    item = {
        "id": "t/AAA",
        "iri": str(ID["participation/t/AAA"]),
        "label": "A in T",
        "state": {"id": "AAA", "label": "A", "iri": str(ID["state/AAA"])},
        "treaty": {"id": "t", "label": "T", "iri": str(ID["treaty/t"])},
        "status_on_date": "party",
        "note": None,
        "sources": [],
        "evidence": None,
    }
    page = {
        "items": [item],
        "total": 1,
        "as_of": "2020-01-01",
        "status": "all",
        "limit": 500,
        "offset": 0,
        "unknown": [],
    }
    first = writer.body("v1", page)
    later = {**item, "status_on_date": None, "note": 'straddles "2001"'}
    second = writer.body("v1", {**page, "items": [later]})
    assert ParticipationList.model_validate_json(first).items[0].status_on_date == "party"
    parsed = ParticipationList.model_validate_json(second).items[0]
    assert (parsed.status_on_date, parsed.note) == (None, 'straddles "2001"')
