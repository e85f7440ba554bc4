"""The pages of every kind of entity (issue 14) on the repository's curated data: instruments of every kind,
provisions, obligations, mechanisms, and the home page's holdings and per-treaty coverage. Each test names
facts a curated source states and checks that the page shows them with their sources and evidence level."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.sorting import duration_words

HTML = {"Accept": "text/html"}
CGO = "https://w3id.org/cybergov/ontology#"


@pytest.fixture(scope="module")
def real(repo_settings, repo_store):
    with TestClient(create_app(repo_settings, store=repo_store)) as test_client:
        yield test_client


def page(client: TestClient, path: str, **params) -> str:
    response = client.get(path, params=params, headers=HTML)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return response.text


def count_of(client: TestClient, cls: str) -> int:
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{CGO}{cls}> }}"
    answer = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def shown_count(html: str) -> int:
    return int(re.search(r'id="count">(\d+)<', html).group(1))


def test_an_obligation_page_shows_its_text_provision_instrument_and_source(real):
    html = page(real, "/ui/obligations/budapest-convention-art-10-criminalise")
    assert "Make wilful infringements of copyright and related rights committed on a commercial scale" in html
    assert 'href="/ui/provisions/budapest-convention-art-10"' in html
    assert 'href="/ui/treaties/budapest-convention"' in html
    assert ">github.com/statengeneraal/laws-markdown" not in html  # sources are full links in the facts list
    assert (
        "https://github.com/statengeneraal/laws-markdown/blob/253444e2cf322b0f8c2163983eab891b39c5bb69"
        in html
    )
    assert 'id="evidence">· evidence: secondary' in html and "read 2026-11-27" in html


def test_an_obligation_with_a_time_limit_shows_it(real):
    html = page(real, "/ui/obligations/nis2-directive-art-23-early-warning")
    assert "at the latest within 24 hours of becoming aware of a significant incident" in html
    assert re.search(r'id="deadline">1 day <small class="muted">\(P1D\)</small>', html)
    assert "within 1 month" in page(
        real, "/ui/obligations", instrument="nis2-directive"
    )  # the final report, P1M
    assert 'href="/ui/instruments/nis2-directive"' in html and "digiturvamalli.fi" in html


def test_a_provision_page_lists_the_obligations_that_arise_from_it(real):
    html = page(real, "/ui/provisions/nis2-directive-art-23")
    rows = re.findall(r'href="/ui/obligations/(nis2-directive-art-23-[a-z-]+)"', html)
    assert set(rows) >= {
        "nis2-directive-art-23-early-warning",
        "nis2-directive-art-23-final-report",
        "nis2-directive-art-23-incident-notification",
        "nis2-directive-art-23-intermediate-report",
    }
    assert 'id="instrument"><a href="/ui/instruments/nis2-directive">' in html
    assert "eur-lex.europa.eu" in html


def test_the_obligation_and_provision_lists_hold_every_record_grouped_by_instrument(real):
    obligations = page(real, "/ui/obligations")
    assert (
        shown_count(obligations)
        == count_of(real, "Obligation")
        == real.get("/obligations", params={"limit": 1000}).json()["total"]
    )
    assert len(re.findall(r'<tr><td><a href="/ui/obligations/', obligations)) == shown_count(obligations)
    provisions = page(real, "/ui/provisions")
    assert shown_count(provisions) == count_of(real, "Provision")
    assert re.search(
        r'class="sources">.*?<span class="evidence evidence-(depositary|official|secondary)"', provisions
    )
    one = page(real, "/ui/obligations", instrument="nis2-directive")
    assert 0 < shown_count(one) < shown_count(obligations) and "budapest-convention-art" not in one


def test_a_mechanism_page_names_who_runs_it_and_every_participant_the_source_lists(real):
    html = page(real, "/ui/mechanisms/glacy-plus")
    participants = re.findall(r'<li><a href="/ui/states/([A-Z]{3})">', html)
    assert len(participants) == 12 and {"CHL", "NGA", "TON", "PHL"} <= set(participants)
    assert re.search(r'id="operated-by"><a href="/ui/organizations/coe">Council of Europe</a>', html)
    assert "https://www.coe.int/en/web/cybercrime/glacyplus" in html and "evidence: depositary" in html
    network = page(real, "/ui/mechanisms/eu-csirts-network")
    assert 'href="/ui/instruments/nis2-directive"' in network and 'href="/ui/organizations/enisa"' in network


def test_the_mechanism_list_groups_by_kind_and_holds_every_mechanism(real):
    html = page(real, "/ui/mechanisms")
    assert shown_count(html) == count_of(real, "Mechanism")
    for kind in ("Exercise", "Capacity-building programme", "Incident-response network"):
        assert kind in html
    assert 'href="/ui/mechanisms/locked-shields"' in html and 'href="/ui/organizations/nato-ccdcoe"' in html


def test_an_eu_act_page_shows_what_it_repeals_established_and_its_provisions(real):
    html = page(real, "/ui/instruments/nis2-directive")
    assert re.search(r'repeals <a href="/ui/instruments/nis-directive">', html)
    assert 'href="/ui/mechanisms/eu-csirts-network"' in html and 'href="/ui/mechanisms/eu-cyclone"' in html
    assert 'href="/ui/provisions/nis2-directive-art-23"' in html
    assert 'href="/ui/organizations/eu"' in html  # adopted by
    assert 'href="/ui/obligations?instrument=nis2-directive"' in html


def test_the_instrument_list_holds_every_instrument_and_sends_treaties_to_their_pages(real):
    html = page(real, "/ui/instruments")
    assert shown_count(html) == real.get("/instruments", params={"limit": 1000}).json()["total"]
    assert 'href="/ui/treaties/budapest-convention"' in html and 'href="/ui/instruments/a-70-174"' in html
    moved = real.get("/ui/instruments/budapest-convention", headers=HTML, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == "/ui/treaties/budapest-convention"


def test_a_treaty_page_links_its_protocols_mechanisms_and_provisions(real):
    html = page(real, "/ui/treaties/budapest-convention")
    assert re.search(r'supplemented by <a href="/ui/treaties/budapest-second-protocol">', html)
    assert 'href="/ui/mechanisms/budapest-24-7-network"' in html
    assert 'href="/ui/provisions/budapest-convention-art-35"' in html
    protocol = page(real, "/ui/treaties/budapest-second-protocol")
    assert re.search(r'supplements <a href="/ui/treaties/budapest-convention">', protocol)


def test_a_participant_that_is_not_a_state_links_to_its_own_page(real):
    """The EU signed the UN Convention against Cybercrime: its row opens the EU's page, not /ui/states/eu."""
    html = page(real, "/ui/treaties/un-cybercrime-convention", status="signatory")
    assert 'href="/ui/organizations/eu">European Union</a>' in html and "/ui/states/eu" not in html
    g7 = page(real, "/ui/organizations/g7", role="all")
    assert 'href="/ui/organizations/eu"' in g7 and "/ui/states/eu" not in g7


def test_organization_and_state_pages_list_their_mechanisms_and_instruments(real):
    coe = page(real, "/ui/organizations/coe")
    assert 'href="/ui/mechanisms/glacy"' in coe and re.search(
        r'href="/ui/treaties/budapest-convention">[^<]+</a> <small class="muted">\(treaty, adopted, depositary\)',
        coe,
    )
    assert 'href="/ui/mechanisms/glacy-e"' in page(real, "/ui/states/GHA")


def test_a_norm_page_links_its_instrument(real):
    html = page(real, "/ui/norms/un-gge-2015-norm-13a")
    assert 'id="instrument"><a href="/ui/instruments/a-70-174">' in html


def test_the_home_page_links_every_kind_and_counts_what_the_graph_holds(real):
    html = page(real, "/ui")
    for path in (
        "/ui/treaties",
        "/ui/instruments",
        "/ui/organizations",
        "/ui/states",
        "/ui/norms",
        "/ui/provisions",
        "/ui/obligations",
        "/ui/mechanisms",
    ):
        assert f'<a href="{path}">' in html
    kinds = dict(re.findall(r'<a href="(/ui/[a-z]+)">[^<]+</a></td><td>(\d+)</td>', html))
    assert int(kinds["/ui/mechanisms"]) == count_of(real, "Mechanism")
    assert int(kinds["/ui/obligations"]) == count_of(real, "Obligation")
    assert int(kinds["/ui/states"]) == real.get("/states", params={"limit": 1000}).json()["total"]


def test_the_home_page_coverage_table_compares_each_treaty_with_the_depositarys_count(real):
    html = page(real, "/ui")
    table = html[html.index('id="coverage-table"') :]
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r'<tr><td><a href="/ui/treaties/([a-z0-9-]+)">.*?</tr>', table, flags=re.DOTALL)
    }
    assert set(rows) == {t["id"] for t in real.get("/treaties", params={"limit": 1000}).json()["items"]}
    budapest = rows["budapest-convention"]
    everyone = real.get(
        "/treaties/budapest-convention/parties", params={"status": "all", "limit": 1000}
    ).json()
    assert int(re.search(r'class="records">(\d+)<', budapest).group(1)) == everyone["total"]
    dated = sum(
        1
        for i in everyone["items"]
        if i["consented"] or i["in_force"] or i.get("consented_earliest") or i.get("consented_latest")
    )
    assert int(re.search(r'class="dated">(\d+)', budapest).group(1)) == dated
    counted = real.get("/treaties/budapest-convention/parties", params={"status": "contracting"}).json()[
        "reported_total"
    ]
    day = counted["date"]
    recorded = real.get(
        "/treaties/budapest-convention/parties", params={"status": "contracting", "as_of": day}
    ).json()
    assert f"{recorded['total']} recorded of {counted['count']} contracting states" in budapest
    assert f"count of {day}" in budapest
    assert "none recorded" in rows["malabo-convention"]


def test_search_finds_eu_acts_and_mechanisms(real):
    nis2 = real.get("/ui/search", params={"q": "NIS2"}, headers=HTML, follow_redirects=False)
    assert nis2.status_code == 303 and nis2.headers["location"] == "/ui/instruments/nis2-directive"
    hits = page(real, "/ui/search", q="Locked Shields")
    assert 'href="/ui/mechanisms/locked-shields"' in hits or "<h1>Locked Shields</h1>" in hits


def test_an_unknown_mechanism_or_obligation_is_a_404_page_with_suggestions(real):
    response = real.get("/ui/mechanisms/glacy-pluss", headers=HTML)
    assert response.status_code == 404 and 'href="/ui/mechanisms/glacy-plus"' in response.text
    assert real.get("/ui/obligations/no-such-obligation", headers=HTML).status_code == 404
    assert real.get("/ui/provisions/no-such-provision", headers=HTML).status_code == 404


def test_a_state_page_cites_the_source_of_every_membership_and_participation(real):
    html = page(real, "/ui/states/FRA")
    treaties = html[html.index('id="treaties"') :]
    memberships = html[html.index('id="memberships"') : html.index('id="treaties"')]
    expected = real.get("/states/FRA/treaties", params={"status": "all"}).json()["total"]
    assert len(re.findall(r'<td class="sources"><a href="https?://', treaties)) == expected
    assert len(re.findall(r'<td class="sources"><a href="https?://', memberships)) == len(
        re.findall(r"<tr><td><a href=\"/ui/organizations/", memberships)
    )
    assert re.search(r'class="evidence evidence-depositary"', treaties)


def test_the_rest_routes_behind_the_new_pages_answer_with_the_same_records(real):
    glacy = real.get("/mechanisms/glacy-plus").json()
    assert len(glacy["participant"]) == 12 and glacy["operated_by"][0]["id"] == "coe"
    assert glacy["evidence"] == "depositary" and glacy["sources"] == [
        "https://www.coe.int/en/web/cybercrime/glacyplus"
    ]
    assert real.get("/mechanisms", params={"limit": 1000}).json()["total"] == count_of(real, "Mechanism")
    nis2 = real.get("/provisions", params={"instrument": "NIS2-directive"}).json()
    assert nis2["total"] == 10 and all(p["instrument"]["id"] == "nis2-directive" for p in nis2["items"])
    article = real.get("/provisions/nis2-directive-art-23").json()
    assert article["obligation_count"] == len(article["obligations"]) == 5
    warning = real.get("/obligations/nis2-directive-art-23-early-warning").json()
    assert warning["deadline"] == "P1D" and warning["provision"]["id"] == "nis2-directive-art-23"
    assert warning["evidence"] in ("depositary", "official", "secondary") and warning["source_as_of"]


def test_the_new_rest_routes_name_what_was_not_found_or_the_bad_parameter(real):
    missing = real.get("/provisions/nis2-directive-art-99")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert "nis2-directive-art-99" in missing.json()["detail"] and missing.json()["suggestions"]
    bad = real.get("/provisions", params={"instrument": "nis3-directive"})
    assert bad.status_code == 422 and "nis2-directive" in bad.json()["detail"]
    assert real.get("/mechanisms/no-such-mechanism").status_code == 404


@pytest.mark.parametrize(
    ("iri_path", "page_path"),
    [
        ("/id/mechanism/glacy-plus", "/ui/mechanisms/glacy-plus"),
        ("/id/provision/budapest-convention-art-10", "/ui/provisions/budapest-convention-art-10"),
        (
            "/id/obligation/nis2-directive-art-23-early-warning",
            "/ui/obligations/nis2-directive-art-23-early-warning",
        ),
        ("/id/instrument/nis2-directive", "/ui/instruments/nis2-directive"),
        ("/id/norm/un-gge-2015-norm-13a", "/ui/norms/un-gge-2015-norm-13a"),
    ],
)
def test_a_resource_iri_opened_in_a_browser_leads_to_its_page(real, iri_path, page_path):
    response = real.get(iri_path, headers=HTML, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == page_path
    assert real.get(page_path, headers=HTML).status_code == 200


def test_an_organization_page_names_the_instrument_that_established_it(real):
    html = page(real, "/ui/organizations/eu-cyclone")
    assert re.search(r'id="established-by">Established by: <a href="/ui/instruments/nis2-directive">', html)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("P1D", "1 day"),
        ("PT72H", "72 hours"),
        ("P1M", "1 month"),
        ("P1Y2M", "1 year, 2 months"),
        ("PT24H", "24 hours"),
        ("P", None),
        ("24 hours", None),
        (None, None),
    ],
)
def test_durations_read_in_words(value, words):
    assert duration_words(value) == words
