"""Pages for people: server-rendered answers (TestClient) and a real browser (Debian's chromium via Playwright).

The browser tests drive the live uvicorn on 127.0.0.1 over the fixture data; chromium is installed by the
Makefile's test target, so a missing browser fails these tests rather than skipping them.
"""

from __future__ import annotations

import re
import shutil
from xml.etree import ElementTree

import httpx
import pytest
from playwright.sync_api import sync_playwright

from api.routes.pages import source_host

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_treaty_page_lists_the_same_parties_as_the_rest_answer(client):
    page = client.get("/ui/treaties/fixture-convention", params={"as_of": "2020-01-01"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    answer = client.get("/treaties/fixture-convention/parties", params={"as_of": "2020-01-01"}).json()
    for item in answer["items"]:
        assert item["state"]["label"] in page.text
    assert f'<strong id="count">{len(answer["items"])}</strong>' in page.text


def test_pages_for_organizations_states_and_lists(client):
    assert (
        "Members on 2020-01-01"
        in client.get("/ui/organizations/fixture-alliance", params={"as_of": "2020-01-01"}).text
    )
    assert "France" in client.get("/ui/states/fr").text
    assert "fixture-convention" in client.get("/ui/treaties").text
    assert client.get("/ui/treaties/no-such-treaty").status_code == 404


def test_browsers_at_the_root_are_sent_to_the_pages(client):
    r = client.get("/", headers={"Accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ui"
    assert client.get("/", headers={"Accept": "application/json"}).json()["sparql"] == "/sparql"


def test_the_pages_have_an_icon_and_so_does_favicon_ico(client):
    page = client.get("/ui/treaties/fixture-convention")
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page.text
    moved = client.get("/favicon.ico", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/static/favicon.svg"
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert ElementTree.fromstring(icon.content).tag == "{http://www.w3.org/2000/svg}svg"


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def test_changing_the_date_in_the_browser_changes_the_parties(live_server, browser):
    page = browser.new_page()
    page.goto(f"{live_server}/ui/treaties/fixture-convention?as_of=2020-01-01")
    before = int(page.locator("#count").inner_text())
    expected = httpx.get(
        f"{live_server}/treaties/fixture-convention/parties", params={"as_of": "2000-01-01"}
    ).json()["total"]
    page.fill("input[name=as_of]", "2000-01-01")
    page.click("#when button[type=submit]")
    page.wait_for_url("**as_of=2000-01-01**")
    after = int(page.locator("#count").inner_text())
    assert after == expected
    assert after != before
    assert page.locator("#parties tbody tr").count() == after
    page.close()


def test_sparql_page_runs_a_query_in_the_browser(live_server, browser):
    page = browser.new_page()
    page.goto(f"{live_server}/ui/sparql")
    set_query = (
        "text => document.querySelector('.CodeMirror').CodeMirror.setValue(text)"  # the editor over #query
    )
    page.evaluate(
        set_query, "SELECT ?s WHERE { ?s a <https://w3id.org/cybergov/ontology#State> } ORDER BY ?s"
    )
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    assert "row(s)" in page.locator("#status").inner_text()
    cells = page.locator("#results tbody td").all_inner_texts()
    assert "https://w3id.org/cybergov/id/state/FRA" in cells
    page.evaluate(set_query, "SELECT ?s WHERE {")
    page.click("#run")
    page.wait_for_function("document.getElementById('status').textContent.startsWith('400')")
    page.close()


def test_source_links_name_their_host(client):
    assert source_host("https://www.coe.int/en/web/conventions/full-list") == "coe.int"
    assert source_host("https://treaties.un.org/Pages/ViewDetails.aspx") == "treaties.un.org"
    answer = client.get("/treaties/fixture-convention/parties", params={"as_of": "2020-01-01"}).json()
    page = client.get("/ui/treaties/fixture-convention", params={"as_of": "2020-01-01"}).text
    source = answer["items"][0]["sources"][0]
    assert f'title="{source}">{source_host(source)}</a>' in page


HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def test_a_person_gets_a_404_page_with_suggestions_and_a_program_gets_problem_json(client):
    page = client.get("/ui/treaties/fixture-conventio", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert 'href="/ui/treaties/fixture-convention"' in page.text and 'id="search-instead"' in page.text
    api = client.get("/ui/treaties/fixture-conventio", headers={"Accept": "application/json"})
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"
    assert "fixture-convention" in api.json()["suggestions"]
    rest = client.get("/treaties/fixture-conventio", headers=HTML)  # REST routes keep problem+json
    assert rest.headers["content-type"] == "application/problem+json"


def test_a_person_gets_a_422_page_naming_the_field(client):
    page = client.get("/ui/treaties/fixture-convention", params={"as_of": "12020-01-01"}, headers=HTML)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "<code>as_of</code>" in page.text and "12020-01-01" in page.text
    assert 'href="/ui/treaties/fixture-convention"' in page.text  # the way back without the bad field
    role = client.get("/ui/organizations/fixture-alliance", params={"role": "chief"}, headers=HTML)
    assert role.status_code == 422 and "<code>role</code>" in role.text


def test_an_unknown_page_is_a_404_page(client):
    page = client.get("/ui/no-such-page", headers=HTML)
    assert page.status_code == 404 and "There is no page at /ui/no-such-page" in page.text
    missing = client.get("/no-such-route")  # API clients keep problem+json
    assert missing.status_code == 404 and missing.json()["title"] == "Not Found"


def test_a_state_page_draws_its_memberships_and_treaties_on_one_timeline(client):
    page = client.get("/ui/states/fr", params={"as_of": "2020-01-01"}).text
    assert 'id="timeline"' in page and 'class="bar bar-' in page and '<title id="timeline-title">' in page


def test_pages_show_the_evidence_level_and_how_many_of_the_reported_total_are_recorded(client):
    """Issue 11: each row says its evidence level beside its sources; where a total was published, the page says
    "N of M recorded" (the fixture's precision convention reported 4 parties on 2020-01-01)."""
    page = client.get("/ui/treaties/fixture-precision-convention", params={"as_of": "2020-06-01"}).text
    summary = re.search(r'<span id="reported-total">([^<]*)</span>', page)
    assert summary and re.match(r"\d+ of 4 recorded", summary.group(1)), summary
    assert re.search(r'class="evidence evidence-(depositary|official|secondary)"', page)
    members = client.get("/ui/organizations/coe", params={"as_of": "2020-01-01"}).text
    assert re.search(r'class="evidence evidence-(depositary|official|secondary)"', members)
