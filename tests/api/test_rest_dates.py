"""REST items show each date with its precision, and carry evidence; list routes take evidence= and show
reported_total (issue 11). Fixture: tests/fixtures/data (temporal.ttl); the precision edge cases are in
tests/kg/test_answers_sparql.py, over a fixture of every precision.
"""
from __future__ import annotations

import pytest

PARTIES = "/treaties/fixture-convention/parties"
MEMBERS = "/organizations/fixture-alliance/members"


def get(client, url: str, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_participation_item_shows_each_date_with_its_precision_and_interval(client):
    fra = next(i for i in get(client, PARTIES, as_of="2020-01-01")["items"] if i["state"]["id"] == "FRA")
    assert (fra["consented"], fra["consented_precision"], fra["consented_earliest"], fra["consented_latest"]) == \
        ("2011-06-01", "day", "2011-06-01", "2011-06-01")
    assert fra["consented_bounds"] == [] and fra["in_force_derived"] is None
    assert fra["denounced"] is None and fra["denounced_precision"] is None


def test_membership_and_instrument_and_organization_dates_have_precision(client):
    fin = next(i for i in get(client, MEMBERS, as_of="2024-01-01")["items"] if i["member"]["id"] == "FIN")
    assert (fin["start"], fin["start_precision"]) == ("2023-04-04", "day")
    treaty = get(client, "/treaties/fixture-convention")
    assert (treaty["entry_into_force"], treaty["entry_into_force_precision"]) == ("2012-01-01", "day")
    alliance = get(client, "/organizations/fixture-alliance")
    assert (alliance["founded"], alliance["founded_latest"]) == ("1990-01-01", "1990-01-01")


@pytest.mark.parametrize("url", [PARTIES, MEMBERS, "/states/FRA/treaties", "/states/FRA/memberships"])
def test_unknown_evidence_level_is_422_naming_the_parameter(client, url):
    response = client.get(url, params={"evidence": "rumour"})
    assert response.status_code == 422 and response.json()["parameter"] == "evidence"
    assert "depositary" in response.json()["detail"]


def test_evidence_parameter_counts_only_records_at_that_level_or_better(client):
    everything = get(client, PARTIES, as_of="2020-01-01", status="all")
    assert everything["evidence"] is None and everything["total"] > 0
    levels = {i["evidence"] for i in everything["items"]}
    wanted = get(client, PARTIES, as_of="2020-01-01", status="all", evidence="depositary")
    assert wanted["evidence"] == "depositary"
    assert {i["evidence"] for i in wanted["items"]} <= {"depositary"}
    if levels == {None}:  # fixture records without a level are counted only when no level is asked for
        assert wanted["total"] == 0


def test_reported_total_is_null_where_nothing_was_published(client):
    assert get(client, PARTIES, as_of="2020-01-01")["reported_total"] is None
    assert get(client, MEMBERS, as_of="2020-01-01")["reported_total"] is None


def test_csv_has_the_precision_columns(client):
    response = client.get(PARTIES, params={"as_of": "2020-01-01"}, headers={"Accept": "text/csv"})
    header = response.text.splitlines()[0].split(",")
    assert {"consented", "consented_precision", "consented_earliest", "consented_latest", "evidence"} <= set(header)
