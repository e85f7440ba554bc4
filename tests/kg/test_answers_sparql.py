"""The answers over date intervals, Python against SPARQL, on a fixture of every precision (issue 11 and 12).

tests/fixtures/intervals/answers.ttl holds curated records with year, month, day, bounded and derived dates,
evidence levels and reported totals, plus the interval triples the reasoning rules write for them. It is
loaded into a bare pyoxigraph store, so these tests check the answer layer alone: kg.answers (the REST
answers) and kg/queries/participations-on.rq / memberships-on.rq (the SPARQL they show) must agree on
every record and every edge of every interval.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from answers_agreement import membership_differences, participation_differences

from kg import named_queries
from kg.answers import memberships, participation
from kg.answers.totals import reported_total
from kg.namespaces import ID
from kg.querying import bind

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "intervals" / "answers.ttl"
TREATY = str(ID["treaty/interval-convention"])
UNION = str(ID["organization/interval-union"])
D = date.fromisoformat


class BareStore:
    """The Store protocol's select over a plain pyoxigraph store (named queries bound by VALUES)."""

    version = "fixture"

    def __init__(self, path: Path) -> None:
        self._store = ox.Store()
        self._store.load(path=str(path), format=ox.RdfFormat.TURTLE)

    def select(self, query: str, *, bindings: dict | None = None) -> list[dict]:
        answer = self._store.query(bind(query, bindings))
        names = [v.value for v in answer.variables]
        return [{n: (None if (t := sol[n]) is None else t.value) for n in names} for sol in answer]


@pytest.fixture(scope="module")
def store() -> BareStore:
    return BareStore(FIXTURE)


def part(state: str) -> str:
    return str(ID[f"participation/interval-convention/{state}"])


def on(store, day: str, status: str = "party", evidence: str | None = None) -> tuple[dict, dict]:
    items, unknown = participation.select_on(
        participation.records(store, treaty=TREATY), D(day), status, evidence=evidence
    )
    return {i["state"]["id"]: i for i in items}, {i["state"]["id"]: i for i in unknown}


@pytest.mark.parametrize("status", ["party", "contracting", "signatory", "all"])
@pytest.mark.parametrize("evidence", [None, "official", "depositary"])
def test_participations_on_agrees_with_the_rest_answer_at_every_edge(store, status, evidence):
    assert participation_differences(store, treaty=TREATY, status=status, evidence=evidence) == []


@pytest.mark.parametrize("role", [None, ox.NamedNode(str(ID["role/member"]))])
@pytest.mark.parametrize("evidence", [None, "official", "depositary"])
def test_memberships_on_agrees_with_the_rest_answer_at_every_edge(store, role, evidence):
    assert membership_differences(store, organization=UNION, role=role, evidence=evidence) == []


def test_state_scope_agrees_too(store):
    assert participation_differences(store, participant=str(ID["state/DNK"]), status="party") == []
    assert membership_differences(store, member=str(ID["state/EST"]), role=None) == []


def test_the_grid_reaches_every_kind_of_verdict(store):
    """The agreement above is not vacuous: the fixture gives items, unknowns and every status."""
    items, unknown = on(store, "2003-05-15", "contracting")
    assert "AUT" in unknown and "the month 2003-05" in unknown["AUT"]["note"]  # a month straddling the day
    items, unknown = on(store, "2005-01-10", "contracting")
    assert "EST" in items and "AUT" in items  # a day-precise consent on its day; the month is past
    items, unknown = on(store, "2003-09-01")
    assert "AUT" in items  # derived entry into force, one day
    items, unknown = on(store, "2012-05-15")
    assert "CZE" in unknown and "derived by the rule" in unknown["CZE"]["note"]
    items, unknown = on(store, "2015-12-02", "contracting")
    assert (
        "BEL" in unknown
        and "not after 2015-12-03 (bound from https://example.org/chart-2015" in unknown["BEL"]["note"]
    )
    items, _ = on(store, "2015-12-03", "contracting")
    assert "BEL" in items
    items, unknown = on(store, "2022-07-15")
    assert "DNK" in unknown and "the day the denunciation took effect" in unknown["DNK"]["note"]
    items, unknown = on(store, "2022-08-01", "all")
    assert items["DNK"]["status_on_date"] == "none" and items["FRA"]["status_on_date"] is None
    assert items["EST"]["status_on_date"] is None  # a denunciation notified in 2020, no effective date


def test_items_show_each_date_with_its_precision_bounds_and_derivation(store):
    items, _ = on(store, "2030-01-01", "all")
    aut = items["AUT"]
    assert (aut["signed"], aut["signed_precision"], aut["signed_earliest"], aut["signed_latest"]) == (
        "2001",
        "year",
        "2001-01-01",
        "2001-12-31",
    )
    assert (aut["consented"], aut["consented_precision"]) == ("2003-05", "month")
    assert aut["in_force"] == "2003-09-01" and aut["in_force_precision"] == "derived"
    assert aut["in_force_derived"] == {
        "rule": str(ID["rule/interval-convention-art-9"]),
        "provision": str(ID["provision/interval-convention-art-9"]),
    }
    bel = items["BEL"]
    assert bel["consented"] is None and bel["consented_precision"] == "bounded"
    assert (bel["consented_earliest"], bel["consented_latest"]) == (None, "2015-12-03")
    assert bel["consented_bounds"] == [
        {
            "not_before": None,
            "not_after": "2015-12-03",
            "source": "https://example.org/chart-2015",
            "comment": "shown as ratified on the chart of 3 Dec 2015",
        }
    ]
    assert items["CZE"]["in_force"] == "2012-05"
    assert items["CZE"]["in_force_derived"]["rule"].endswith("art-9")
    assert items["CZE"]["signed_bounds"] == [] and items["CZE"]["signed_derived"] is None


def test_evidence_is_the_records_level_and_the_parameter_keeps_that_level_and_better(store):
    everything, _ = on(store, "2030-01-01", "all")
    assert {k: v["evidence"] for k, v in everything.items()} == {
        "AUT": "depositary",
        "BEL": "official",
        "CZE": "secondary",
        "DNK": "depositary",
        "EST": None,
        "FRA": "official",
    }
    official, _ = on(store, "2030-01-01", "all", evidence="official")
    assert set(official) == {"AUT", "BEL", "DNK", "FRA"}
    depositary, _ = on(store, "2030-01-01", "all", evidence="depositary")
    assert set(depositary) == {"AUT", "DNK"}


def test_membership_of_a_year_founder_and_a_bounded_start(store):
    found = memberships.records(store, organization=UNION, role=ox.NamedNode(str(ID["role/member"])))
    items, unknown = memberships.select_on(found, D("2023-04-04"))
    held = {i["member"]["id"] for i in items}
    assert {"AUT", "CZE"} <= held and "BEL" not in held  # 1949 founder; bounded by 2015-12-03; ended 2020
    assert {i["member"]["id"] for i in unknown} == {"DNK", "FRA"}  # no start; joined in April 2023
    fra = next(i for i in unknown if i["member"]["id"] == "FRA")
    assert fra["start"] == "2023-04" and fra["start_precision"] == "month"
    assert "the month 2023-04" in fra["note"]
    items, unknown = memberships.select_on(found, D("2023-04-30"))
    assert "FRA" in {i["member"]["id"] for i in items}


def test_reported_total_is_the_latest_dated_on_or_before_the_day(store):
    assert reported_total(store, TREATY, status="party", on=D("2009-12-31")) is None
    early = reported_total(store, TREATY, status="party", on=D("2010-01-01"))
    assert (early["count"], early["date"], early["evidence"]) == (2, "2010", "secondary")
    late = reported_total(store, TREATY, status="party", on=D("2025-01-01"))
    assert (late["count"], late["date"], late["sources"]) == (5, "2024-06-20", ["https://example.org/chart"])
    assert reported_total(store, TREATY, status="signatory", on=D("2025-01-01")) is None
    assert reported_total(store, UNION, status="member", on=D("2023-05-01"))["count"] == 6


@pytest.mark.parametrize("status", ["party", "contracting", "signatory", "all"])
def test_agreement_on_the_built_fixture_dataset(fixture_store, status):
    """The same check through the whole pipeline (tests/fixtures/data: the reasoner writes the intervals)."""
    treaties = {r["treaty"] for r in fixture_store.select(named_queries.get("participations").text)}
    organizations = {r["organization"] for r in fixture_store.select(named_queries.get("memberships").text)}
    assert str(ID["treaty/fixture-precision-convention"]) in treaties
    for treaty in sorted(treaties):
        assert participation_differences(fixture_store, treaty=treaty, status=status) == [], treaty
    for organization in sorted(organizations):
        assert membership_differences(fixture_store, organization=organization, role=None) == [], organization
