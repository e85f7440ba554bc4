"""GET /states and /states/{id}: ids in alpha-3, alpha-2, numeric, any case; 404 with suggestions; the profile."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("ident", ["FRA", "fra", "FR", "fr", "Fr", "250"])
def test_state_accepts_alpha3_alpha2_numeric_any_case(client, ident):
    response = client.get(f"/states/{ident}")
    assert response.status_code == 200
    state = response.json()
    assert (state["id"], state["alpha2"], state["numeric"], state["label"]) == ("FRA", "FR", "250", "France")
    assert state["iri"] == "https://w3id.org/cybergov/id/state/FRA"


def test_unknown_state_is_404_with_close_ids(client):
    response = client.get("/states/FRQ")
    assert response.status_code == 404
    body = response.json()
    assert "FRQ" in body["detail"] and "FRA" in body["suggestions"]
    assert response.headers["content-type"].startswith("application/problem+json")


def test_state_name_typo_suggests_its_code(client):
    assert "FIN" in client.get("/states/Finlandd").json()["suggestions"]


def test_a_name_s_initials_suggest_that_state_first(client):
    """/states/uk: UK is no ISO code (GB is), but it is the initials of the label "United Kingdom"."""
    response = client.get("/states/uk")
    assert response.status_code == 404
    assert response.json()["suggestions"][0] == "GBR"


def test_the_start_of_a_name_suggests_the_states_it_starts(client):
    assert client.get("/states/united").json()["suggestions"][:2] == ["GBR", "USA"]


def test_profile_lists_memberships_and_treaties_judged_on_as_of(client):
    profile = client.get("/states/GB", params={"as_of": "2019-06-01"}).json()
    assert profile["as_of"] == "2019-06-01"
    assert [(m["organization"]["id"], m["member_on_date"]) for m in profile["memberships"]] == [
        ("fixture-alliance", True)
    ]
    assert [(t["treaty"]["id"], t["status_on_date"]) for t in profile["treaties"]] == [
        ("fixture-convention", "party")
    ]
    later = client.get("/states/GB", params={"as_of": "2021-01-01"}).json()
    assert (
        later["memberships"][0]["member_on_date"] is False
        and later["treaties"][0]["status_on_date"] == "none"
    )
    assert client.get("/states/GB", params={"as_of": "2021-1-1"}).json()["parameter"] == "as_of"


def test_states_list_filter_pagination_and_csv(client):
    answer = client.get("/states", params={"q": "land"}).json()
    assert {s["id"] for s in answer["items"]} == {"FIN", "CHE"}  # Finland, Switzerland
    assert answer["q"] == "land" and answer["total"] == 2
    page = client.get("/states", params={"limit": 2, "offset": 1}).json()
    assert len(page["items"]) == 2 and page["total"] == 12
    table = client.get("/states", headers={"Accept": "text/csv"}).text.strip().splitlines()
    assert table[0].startswith("id,iri,label,alpha2,numeric") and len(table) == 13


def test_state_profile_jsonld_is_its_graph(client):
    response = client.get("/states/fi", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "membership/fixture-alliance/FIN" in response.text and response.json()["alpha2"] == "FI"
