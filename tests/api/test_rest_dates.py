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
    assert (
        fra["consented"],
        fra["consented_precision"],
        fra["consented_earliest"],
        fra["consented_latest"],
    ) == ("2011-06-01", "day", "2011-06-01", "2011-06-01")
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
    assert {"consented", "consented_precision", "consented_earliest", "consented_latest", "evidence"} <= set(
        header
    )


# ---------------------------------------------------------------- tests/fixtures/data/precision.ttl, through the reasoner
PRECISION = "/treaties/fixture-precision-convention/parties"
UNION = "/organizations/fixture-precision-union/members"


def by_state(answer: dict, key: str = "items", field: str = "state") -> dict:
    return {i[field]["id"]: i for i in answer[key]}


def test_a_founder_known_to_the_year_is_a_member_after_that_year_and_unknown_within_it(client):
    later = get(client, UNION, as_of="2023-04-04")
    assert {"ITA", "ESP", "JPN"} <= set(by_state(later, field="member")) and later["unknown"] == []
    ita = by_state(later, field="member")["ITA"]
    assert (ita["start"], ita["start_precision"], ita["start_earliest"], ita["start_latest"]) == (
        "1949",
        "year",
        "1949-01-01",
        "1949-12-31",
    )
    within = get(client, UNION, as_of="1949-06-01")
    note = by_state(within, "unknown", "member")["ITA"]["note"]
    assert "the year 1949 (1949-01-01 to 1949-12-31)" in note and "straddles 1949-06-01" in note
    assert "ITA" in by_state(get(client, UNION, as_of="1949-12-31"), field="member")
    assert "ITA" not in by_state(get(client, UNION, as_of="1948-12-31"), "unknown", "member")


def test_a_bounded_start_is_decided_from_the_bound_on(client):
    jpn = by_state(get(client, UNION, as_of="2015-12-03"), field="member")["JPN"]
    assert (
        jpn["start"] is None and jpn["start_precision"] == "bounded" and jpn["start_latest"] == "2015-12-03"
    )
    assert jpn["start_bounds"] == [
        {
            "not_before": None,
            "not_after": "2015-12-03",
            "source": "https://example.org/union-chart-2015",
            "comment": None,
        }
    ]
    assert "JPN" in by_state(get(client, UNION, as_of="2015-12-02"), "unknown", "member")


def test_entry_into_force_derived_by_the_treatys_rule(client):
    assert "NOR" not in by_state(get(client, PRECISION, as_of="2015-06-30"))
    nor = by_state(get(client, PRECISION, as_of="2015-07-01"))["NOR"]
    assert (nor["in_force"], nor["in_force_precision"]) == ("2015-07-01", "derived")
    assert nor["in_force_derived"] == {
        "rule": "https://w3id.org/cybergov/id/rule/fixture-precision-convention-art-9",
        "provision": "https://w3id.org/cybergov/id/provision/fixture-precision-convention-art-9",
    }


def test_deposit_window_derived_from_a_known_entry_into_force(client):
    swe = by_state(get(client, PRECISION, as_of="2015-09-15", status="contracting"), "unknown")["SWE"]
    assert (swe["consented"], swe["consented_precision"]) == ("2015-09", "derived")
    assert "derived by the rule" in swe["note"] and "2015-09-01 to 2015-09-30" in swe["note"]
    assert "SWE" in by_state(get(client, PRECISION, as_of="2015-09-30", status="contracting"))
    assert "SWE" in by_state(get(client, PRECISION, as_of="2016-01-01"))


def test_reported_total_beside_total(client):
    answer = get(client, PRECISION, as_of="2020-06-01")
    # NOR, SWE and CHE: CHE's consent is bounded (not after 2015-12-03), so the treaty's rule puts its entry into
    # force by 2016-04-01 (kg/build/rules/date-derive-participant-interval.rq)
    assert answer["total"] == 3
    che = by_state(answer)["CHE"]
    assert che["in_force_precision"] == "derived" and che["in_force_latest"] == "2016-04-01"
    assert answer["reported_total"]["count"] == 4 and answer["reported_total"]["date"] == "2020-01-01"
    assert answer["reported_total"]["sources"] == ["https://example.org/precision-chart"]
    assert get(client, PRECISION, as_of="2019-12-31")["reported_total"] is None
    assert get(client, UNION, as_of="2023-01-01")["reported_total"]["count"] == 3
    assert get(client, UNION, as_of="2023-01-01", role="observer")["reported_total"] is None


@pytest.mark.parametrize("url", ["/instruments", "/treaties", "/organizations", "/states", "/norms"])
def test_every_list_route_takes_the_evidence_level(client, url):
    everything = get(client, url)
    assert everything["evidence"] is None and everything["total"] > 0
    official = get(client, url, evidence="official")
    assert official["evidence"] == "official"
    assert all(i["evidence"] in ("depositary", "official") for i in official["items"])
    assert official["total"] == sum(i["evidence"] in ("depositary", "official") for i in everything["items"])
    assert client.get(url, params={"evidence": "hearsay"}).status_code == 422


def test_evidence_level_of_each_record_and_the_minimum_asked(client):
    every = by_state(get(client, PRECISION, as_of="2020-06-01", status="all"))
    assert {k: v["evidence"] for k, v in every.items()} == {
        "NOR": "depositary",
        "SWE": "official",
        "CHE": "official",
        "RUS": "secondary",
    }
    official = get(client, PRECISION, as_of="2020-06-01", status="all", evidence="official")
    assert set(by_state(official)) == {"NOR", "SWE", "CHE"} and official["evidence"] == "official"
    assert set(by_state(get(client, PRECISION, as_of="2020-06-01", status="all", evidence="depositary"))) == {
        "NOR"
    }
    members = get(client, UNION, as_of="2023-04-04", evidence="official")
    assert set(by_state(members, field="member")) == {"ESP", "JPN"}  # ITA rests on secondary evidence
