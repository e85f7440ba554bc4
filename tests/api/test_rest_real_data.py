"""The REST routes on the repository's curated data (repo_store): facts that a curated source states."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app


@pytest.fixture(scope="module")
def real(repo_settings, repo_store):
    with TestClient(create_app(repo_settings, store=repo_store)) as test_client:
        yield test_client


def ids(answer: dict, key: str, *, field: str = "state") -> set[str]:
    return {item[field]["id"] for item in answer[key]}


def test_france_is_party_to_the_budapest_convention_on_2020_01_01(real):
    answer = real.get("/treaties/budapest-convention/parties", params={"as_of": "2020-01-01"}).json()
    assert "FRA" in ids(answer, "items")
    fra = next(i for i in answer["items"] if i["state"]["id"] == "FRA")
    assert fra["consented"] == "2006-01-10" and fra["in_force"] == "2006-05-01" and fra["sources"]


def test_france_was_contracting_not_yet_party_before_entry_into_force_for_it(real):
    url = "/treaties/budapest-convention/parties"
    assert "FRA" not in ids(real.get(url, params={"as_of": "2006-04-30"}).json(), "items")
    assert "FRA" in ids(
        real.get(url, params={"as_of": "2006-04-30", "status": "contracting"}).json(), "items"
    )
    assert "FRA" in ids(real.get(url, params={"as_of": "2005-01-01", "status": "signatory"}).json(), "items")


def test_finland_joins_nato_on_2023_04_04(real):
    url = "/organizations/nato/members"
    before = real.get(url, params={"as_of": "2023-04-03"}).json()
    after = real.get(url, params={"as_of": "2023-04-04"}).json()
    assert "FIN" not in ids(before, "items", field="member") and "FIN" in ids(after, "items", field="member")
    assert "SWE" not in ids(after, "items", field="member")  # Sweden joined on 2024-03-07
    assert after["total"] == before["total"] + 1


def test_united_kingdom_left_the_eu_on_2020_02_01(real):
    url = "/states/gb/memberships"
    assert "eu" in ids(real.get(url, params={"as_of": "2020-01-31"}).json(), "items", field="organization")
    assert "eu" not in ids(
        real.get(url, params={"as_of": "2020-02-01"}).json(), "items", field="organization"
    )


def test_russia_expelled_from_the_council_of_europe_on_2022_03_16(real):
    url = "/organizations/coe/members"
    assert "RUS" in ids(real.get(url, params={"as_of": "2022-03-15"}).json(), "items", field="member")
    assert "RUS" not in ids(real.get(url, params={"as_of": "2022-03-16"}).json(), "items", field="member")


def test_budapest_convention_found_by_its_official_number(real):
    found = real.get("/instruments", params={"q": "ETS No. 185"}).json()["items"]
    assert [i["id"] for i in found] == ["budapest-convention"]
    treaty = real.get("/treaties/budapest-convention").json()
    assert treaty["depositary"]["id"] == "coe" and treaty["entry_into_force"] == "2004-07-01"
    assert "budapest-first-protocol" in {r["instrument"]["id"] for r in treaty["related"]}


def test_state_profile_by_alpha2(real):
    profile = real.get("/states/fr", params={"as_of": "2024-01-01"}).json()
    assert profile["id"] == "FRA" and profile["alpha2"] == "FR"
    assert {"eu", "un"} <= {m["organization"]["id"] for m in profile["memberships"] if m["member_on_date"]}
    assert "budapest-convention" in {
        t["treaty"]["id"] for t in profile["treaties"] if t["status_on_date"] == "party"
    }


def test_partial_participation_lists_say_so(real):
    answer = real.get("/treaties/budapest-convention/parties", params={"as_of": "2020-01-01"}).json()
    assert answer["coverage_note"] and answer["coverage_note"].startswith("Partial")
    treaty = real.get("/treaties/budapest-convention").json()
    assert treaty["coverage_note"] == answer["coverage_note"]
    nato = real.get("/organizations/nato/members").json()
    assert "the 12 founders with the year 1949" in nato["coverage_note"]
    assert real.get("/treaties/budapest-second-protocol").json()["coverage_note"]


def test_uk_suggests_the_united_kingdom_before_ukraine(real):
    """/states/uk is a 404 (the United Kingdom's alpha-2 code is GB); the curated alternative label "United
    Kingdom" has UK as its initials, so GBR comes first, then UKR (whose code starts with UK)."""
    response = real.get("/states/uk")
    assert response.status_code == 404
    assert response.json()["suggestions"][:2] == ["GBR", "UKR"]
    page = real.get("/ui/states/uk", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.text.index('href="/ui/states/GBR"') < page.text.index('href="/ui/states/UKR"')
