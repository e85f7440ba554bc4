"""Answers SPARQL reproduces (issue 12, item 3), on the repository's curated data.

Every list route that judges records on a date shows a named query (kg/queries/participations-on.rq,
memberships-on.rq) that, run on /sparql, returns the same items with the same status. The routes compute
from cached records in Python; these tests run both over every curated record - every treaty with each
status, every organization with role member and all, every state's treaties and memberships - on a grid of
dates that holds every edge of every interval, and assert they agree. Then a few answers go through HTTP
both ways (the route, and /sparql with the query it shows), and the README's example is checked.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from answers_agreement import FIXED_DAYS, membership_differences, participation_differences
from fastapi.testclient import TestClient

from api.app import create_app
from kg import named_queries, namespaces
from kg.answers.common import run
from kg.namespaces import ID
from kg.querying import bind

REPO = Path(__file__).resolve().parents[2]
MEMBER = ox.NamedNode(str(ID["role/member"]))


@pytest.fixture(scope="module")
def real(repo_settings, repo_store):
    with TestClient(create_app(repo_settings, store=repo_store)) as test_client:
        yield test_client


def scopes(store, query: str, column: str) -> list[str]:
    return sorted({row[column] for row in run(store, query)})


@pytest.mark.parametrize("status", ["party", "contracting", "signatory", "all"])
def test_every_treaty_with_each_status(repo_store, status):
    treaties = scopes(repo_store, "participations", "treaty")
    assert len(treaties) >= 5
    for treaty in treaties:
        assert participation_differences(repo_store, treaty=treaty, status=status) == [], treaty


def test_every_organization_every_role(repo_store):
    organizations = scopes(repo_store, "memberships", "organization")
    assert len(organizations) >= 10
    for organization in organizations:
        assert membership_differences(repo_store, organization=organization, role=None) == [], organization


def test_every_organization_role_member_on_the_fixed_days(repo_store):
    """The route's default role; the full grid of every record is run above with every role."""
    for organization in scopes(repo_store, "memberships", "organization"):
        assert (
            membership_differences(repo_store, organization=organization, role=MEMBER, days=FIXED_DAYS) == []
        )


def test_every_states_treaties_and_memberships(repo_store):
    participants = scopes(repo_store, "participations", "participant")
    members = scopes(repo_store, "memberships", "member")
    assert len(participants) >= 50 and len(members) >= 150
    for state in participants:
        assert participation_differences(repo_store, participant=state, status="party") == [], state
    for state in members:
        assert membership_differences(repo_store, member=state, role=MEMBER) == [], state


def test_evidence_filter_agrees(repo_store):
    budapest = str(ID["treaty/budapest-convention"])
    nato = str(ID["organization/nato"])
    for level in ("depositary", "official", "secondary"):
        assert (
            participation_differences(
                repo_store, treaty=budapest, status="all", evidence=level, days=FIXED_DAYS
            )
            == []
        )
        assert (
            membership_differences(
                repo_store, organization=nato, role=MEMBER, evidence=level, days=FIXED_DAYS
            )
            == []
        )


def sparql_json(client, query: str) -> list[dict]:
    response = client.post(
        "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def day(iso: str) -> ox.Literal:
    return ox.Literal(iso, datatype=ox.NamedNode(str(namespaces.XSD.date)))


def by_list(answer: dict) -> dict[str, set[str]]:
    return {"items": {i["iri"] for i in answer["items"]}, "unknown": {i["iri"] for i in answer["unknown"]}}


def from_rows(rows: list[dict]) -> dict[str, set[str]]:
    return {where: {r["record"] for r in rows if r["list"] == where} for where in ("items", "unknown")}


@pytest.mark.parametrize("as_of", [d.isoformat() for d in FIXED_DAYS])
def test_routes_and_the_sparql_they_show_agree_over_http(real, as_of):
    """The route's JSON and /sparql's answer to the query its OpenAPI shows, with a reader's VALUES."""
    shown = named_queries.get("participations-on").text
    for status in ("party", "contracting", "signatory", "all"):
        answer = real.get(
            "/treaties/budapest-convention/parties", params={"as_of": as_of, "status": status, "limit": 5000}
        ).json()
        rows = sparql_json(
            real,
            bind(
                shown,
                {
                    "treaty": ox.NamedNode(str(ID["treaty/budapest-convention"])),
                    "on": day(as_of),
                    "status": ox.Literal(status),
                },
            ),
        )
        assert by_list(answer) == from_rows(rows), status
        statuses = {i["iri"]: i["status_on_date"] or "unknown" for i in answer["items"] + answer["unknown"]}
        assert statuses == {r["record"]: r["status_on_date"] for r in rows}
    answer = real.get("/states/FRA/treaties", params={"as_of": as_of}).json()
    rows = sparql_json(
        real,
        bind(
            shown,
            {
                "participant": ox.NamedNode(str(ID["state/FRA"])),
                "on": day(as_of),
                "status": ox.Literal("party"),
            },
        ),
    )
    assert by_list(answer) == from_rows(rows)
    shown = named_queries.get("memberships-on").text
    answer = real.get("/organizations/nato/members", params={"as_of": as_of}).json()
    rows = sparql_json(
        real,
        bind(
            shown,
            {"organization": ox.NamedNode(str(ID["organization/nato"])), "on": day(as_of), "role": MEMBER},
        ),
    )
    assert by_list(answer) == from_rows(rows)
    answer = real.get("/states/FRA/memberships", params={"as_of": as_of, "role": "all"}).json()
    rows = sparql_json(real, bind(shown, {"member": ox.NamedNode(str(ID["state/FRA"])), "on": day(as_of)}))
    assert by_list(answer) == from_rows(rows)


def test_the_readme_example_returns_what_the_route_returns(real):
    """docs/examples/parties-on-a-date.rq, the README's query, against GET .../parties?as_of=2020-01-01."""
    query = (REPO / "docs" / "examples" / "parties-on-a-date.rq").read_text(encoding="utf-8")
    rows = sparql_json(real, query)
    answer = real.get("/treaties/budapest-convention/parties", params={"as_of": "2020-01-01"}).json()
    assert {(r["id"], r["list"]) for r in rows} == {(i["state"]["id"], "items") for i in answer["items"]} | {
        (i["state"]["id"], "unknown") for i in answer["unknown"]
    }
    assert len(rows) == answer["total"] + len(answer["unknown"])


def test_the_routes_show_the_query_that_reproduces_them(real):
    paths = real.get("/openapi.json").json()["paths"]
    for path in ("/treaties/{id}/parties", "/states/{id}/treaties"):
        assert "kg/queries/participations-on.rq" in paths[path]["get"]["description"]
    for path in ("/organizations/{id}/members", "/states/{id}/memberships"):
        assert "kg/queries/memberships-on.rq" in paths[path]["get"]["description"]
