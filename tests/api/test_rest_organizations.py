"""GET /organizations..., /states... memberships: the membership rule (end = first day no longer held), roles, ids.

Fixture: tests/fixtures/data/temporal.ttl, organization `fixture-alliance`.
"""

from __future__ import annotations

MEMBERS = "/organizations/fixture-alliance/members"


def members(answer: dict, key: str = "items") -> set[str]:
    return {item["member"]["id"] for item in answer[key]}


def get(client, url: str, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_member_from_its_start_date(client):
    assert "FIN" not in members(get(client, MEMBERS, as_of="2023-04-03"))
    on = get(client, MEMBERS, as_of="2023-04-04")
    assert "FIN" in members(on)
    fin = next(i for i in on["items"] if i["member"]["id"] == "FIN")
    assert fin["start"] == "2023-04-04" and fin["end"] is None and fin["role"] == "member"
    assert fin["organization"]["id"] == "fixture-alliance" and fin["member_on_date"] is True
    assert fin["sources"] == ["https://example.org/fixture-alliance"]
    assert {"id", "iri", "label"} <= fin.keys()


def test_membership_ended_end_is_first_day_no_longer_held(client):
    assert "GBR" in members(get(client, MEMBERS, as_of="2020-01-31"))
    assert "GBR" not in members(get(client, MEMBERS, as_of="2020-02-01"))
    assert "RUS" in members(get(client, MEMBERS, as_of="2022-03-15"))
    assert "RUS" not in members(get(client, MEMBERS, as_of="2022-03-16"))


def test_membership_without_start_date_is_unknown_with_a_note(client):
    answer = get(client, MEMBERS, as_of="2024-01-01")
    assert "SWE" not in members(answer) and "SWE" in members(answer, "unknown")
    assert "no start date" in answer["unknown"][0]["note"]
    assert members(answer) == {"FRA", "FIN"}


def test_role_defaults_to_member_and_observers_are_separate(client):
    default = get(client, MEMBERS, as_of="2024-01-01")
    assert default["role"] == "member" and "CHE" not in members(default)
    observers = get(client, MEMBERS, as_of="2024-01-01", role="observer")
    assert members(observers) == {"CHE"} and members(observers, "unknown") == {"NOR"}
    everyone = get(client, MEMBERS, as_of="2024-01-01", role="all")
    assert members(everyone) == {"FRA", "FIN", "CHE"}
    assert client.get(MEMBERS, params={"role": "chair"}).json()["parameter"] == "role"
    assert client.get(MEMBERS, params={"role": "chair"}).status_code == 422


def test_unknown_organization_is_404_with_suggestions(client):
    response = client.get("/organizations/fixture-aliance/members")
    assert response.status_code == 404 and "fixture-alliance" in response.json()["suggestions"]


def test_organizations_list_filter_detail_and_parent(client):
    assert [o["id"] for o in get(client, "/organizations", q="fxa")["items"]] == ["fixture-alliance"]
    alliance = get(client, "/organizations/fixture-alliance")
    assert alliance["alt_labels"] == ["FXA"] and alliance["founded"] == "1990-01-01"
    assert alliance["kind"] == "intergovernmental-organization"
    assert [s["id"] for s in alliance["sub_organizations"]] == ["fixture-committee"]
    committee = get(client, "/organizations/fixture-committee")
    assert committee["parent"]["id"] == "fixture-alliance" and committee["kind"] == "committee"


def test_state_memberships_seen_from_the_state(client):
    before = get(client, "/states/GBR/memberships", as_of="2020-01-31")
    assert [i["organization"]["id"] for i in before["items"]] == ["fixture-alliance"]
    assert get(client, "/states/gbr/memberships", as_of="2020-02-01")["items"] == []
    observer = get(client, "/states/ch/memberships", as_of="2024-01-01", role="observer")
    assert [i["organization"]["id"] for i in observer["items"]] == ["fixture-alliance"]


def test_members_csv_and_jsonld(client):
    table = client.get(MEMBERS, params={"as_of": "2024-01-01"}, headers={"Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    header, *rows = table.text.strip().splitlines()
    assert (
        header.split(",")[:3] == ["id", "iri", "label"]
        and "member_id" in header
        and "end" in header.split(",")
    )
    assert [r.rsplit(",", 1)[1] for r in rows] == [
        "items",
        "items",
        "unknown",
    ]  # + the undated record (issue 14)
    graph = client.get(MEMBERS, params={"as_of": "2024-01-01"}, headers={"Accept": "application/ld+json"})
    assert graph.headers["content-type"].startswith("application/ld+json")
    assert (
        "membership/fixture-alliance/FIN" in graph.text
        and "membership/fixture-alliance/GBR" not in graph.text
    )
