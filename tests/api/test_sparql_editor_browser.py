"""The SPARQL page in Debian's chromium (issue 14): CodeMirror served from node_modules, examples, run, the
results table, CSV/JSON downloads, parser errors marked at their line and column, the cap's refusal shown,
and a labelled plain form when script is off. Outside hosts are blocked as in test_pages_browser."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from live_servers import uvicorn_server
from playwright.sync_api import Page, expect

from tests.api import test_pages_browser as browser

real_server = browser.real_server
chromium = browser.chromium
page = browser.page
shot = browser.shot

BUDAPEST = "budapest-convention-consents"
WAIT = 30_000  # ms a query may take in the browser on a loaded machine (the server's own limit is 10 s)


def editor_text(tab: Page) -> str:
    return tab.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")


def type_query(tab: Page, text: str) -> None:
    """Replace the editor's text from the keyboard, as a person would."""
    tab.locator(".CodeMirror").click()
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Delete")
    tab.keyboard.type(text)


def test_a_sparql_query_with_a_csv_download_from_the_home_page(real_server, page, tmp_path):
    page.goto(real_server + "/")
    page.locator("header nav").get_by_role("link", name="SPARQL").click()
    page.wait_for_url("**/ui/sparql")
    assert page.locator(".CodeMirror .cm-keyword").count() > 0  # highlighted by CodeMirror's SPARQL mode
    assert page.get_by_role("textbox", name="SPARQL query").count() == 1  # the editor is labelled
    assert "PREFIX treaty: <https://w3id.org/cybergov/id/treaty/>" in editor_text(page)  # prefixes pre-filled
    page.get_by_label("Example query").select_option(BUDAPEST)
    page.get_by_role("button", name="Load the example").click()
    expect(page.locator("#status")).to_have_text(f"Loaded {BUDAPEST}.", timeout=WAIT)
    query = editor_text(page)
    assert "treaty:budapest-convention" in query and query.count("PREFIX treaty:") == 1
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#status")).to_contain_text("row(s)", timeout=WAIT)
    expected = httpx.post(
        real_server + "/sparql",
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    ).json()
    rows = expected["results"]["bindings"]
    assert len(rows) > 40 and page.locator("#results tbody tr").count() == len(rows)
    assert page.locator("#results thead th").all_inner_texts() == ["state", "consent", "consented"]
    assert "France" in page.locator("#results tbody td:first-child").all_inner_texts()
    assert page.locator("#warning").is_hidden()  # all rows shown, nothing refused
    shot(page, "sparql-editor", full_page=False)

    link = page.get_by_role("link", name="CSV")
    params = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert params == {"query": [query], "format": ["csv"]}  # a link to /sparql with the query and format
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "answer.csv"
    table = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert table[0] == ["state", "consent", "consented"] and len(table) == len(rows) + 1
    france = [r for r in table if r[0] == "France"]
    assert france and france[0][2] == next(
        b["consented"]["value"] for b in rows if b["state"]["value"] == "France"
    )
    as_json = httpx.get(real_server + page.get_by_role("link", name="JSON").get_attribute("href")).json()
    assert as_json["results"]["bindings"] == rows


def test_a_query_too_long_for_a_link_is_downloaded_by_post(real_server, page, tmp_path):
    """participations-on.rq with the prefixes makes a link over the 6,000 characters the page sends by GET."""
    page.goto(real_server + "/ui/sparql?example=participations-on")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#status")).to_contain_text("row(s)", timeout=WAIT)
    link = page.get_by_role("link", name="CSV")
    assert len(link.get_attribute("href")) > 6000
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / "answer.csv"
    download.value.save_as(saved)
    header = next(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert header == page.locator("#results thead th").all_inner_texts()
    assert len(saved.read_text(encoding="utf-8").splitlines()) - 1 == int(
        page.locator("#status").inner_text().split(" row(s)")[0].replace(",", "")
    )


def test_a_parse_error_is_shown_and_marked_at_its_line_and_column(real_server, page):
    page.goto(real_server + "/ui/sparql")
    type_query(page, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER (?s = ) }")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#status")).to_contain_text("400", timeout=WAIT)
    problem = httpx.get(real_server + "/sparql", params={"query": editor_text(page)}).json()
    assert problem["line"] == 3
    assert f"line {problem['line']}, column {problem['column']}" in page.locator("#status").inner_text()
    assert page.locator(".CodeMirror .parse-error-line").count() == 1
    assert page.locator(".CodeMirror-code > div").nth(2).locator(".parse-error-line").count() == 1  # line 3
    error = page.locator(".CodeMirror .parse-error")
    assert error.count() == 1
    line = editor_text(page).splitlines()[2]
    assert error.inner_text() and line[problem["column"] - 1 :].startswith(
        error.inner_text()
    )  # from the column
    type_query(page, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#status")).to_contain_text("1 row(s)", timeout=WAIT)
    assert page.locator(".CodeMirror .parse-error").count() == 0  # the mark goes with the error


def test_more_rows_than_the_table_shows_are_said_and_downloadable(real_server, page):
    page.goto(real_server + "/ui/sparql")
    type_query(page, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 1500")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#status")).to_contain_text("1,500 row(s)", timeout=WAIT)
    assert page.locator("#results tbody tr").count() == 1000
    expect(page.locator("#warning")).to_have_text(
        "The table shows the first 1,000 of 1,500 rows; the CSV and JSON downloads hold all of them.",
        timeout=WAIT,
    )


@pytest.fixture(scope="module")
def capped_server(fixture_settings):
    """A server over the fixture data whose answers may hold at most 20 rows."""
    with uvicorn_server(fixture_settings, CYBERGOV_MAX_RESULTS="20") as (base, _process):
        yield base


def test_an_answer_over_the_cap_shows_the_servers_refusal(capped_server, page):
    page.goto(capped_server + "/ui/sparql")
    type_query(page, "SELECT * WHERE { ?s ?p ?o }")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("#status")).to_contain_text("413", timeout=WAIT)
    refusal = httpx.get(capped_server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}).json()
    assert refusal["detail"] in page.locator("#status").inner_text()
    expect(page.locator("#warning")).to_contain_text(
        "larger than the server's cap of 20 rows or triples", timeout=WAIT
    )
    assert "An answer over 20 rows is refused whole, never cut" in page.locator("main").inner_text()
    assert page.locator("#results tbody tr").count() == 0 and page.locator("#downloads").is_hidden()


def test_without_script_the_page_is_a_labelled_form_that_posts_to_sparql(real_server, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(real_server + "/ui/sparql")
        box = tab.get_by_label("SPARQL query")
        assert box.evaluate("e => e.tagName") == "TEXTAREA" and box.is_visible()
        tab.get_by_label("Example query").select_option(BUDAPEST)
        tab.get_by_role("button", name="Load the example").click()
        tab.wait_for_url(f"**example={BUDAPEST}")
        assert "treaty:budapest-convention" in box.input_value()
        form = tab.locator("#sparql-form")
        assert (form.get_attribute("method"), form.get_attribute("action")) == ("post", "/sparql")
        tab.get_by_label("Answer as").select_option("csv")
        with tab.expect_download() as download:
            tab.get_by_role("button", name="Run").click()
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert text.splitlines()[0] == "state,consent,consented" and "France" in text
    finally:
        context.close()


def test_codemirror_and_its_sparql_mode_come_from_node_modules(real_server):
    page_html = httpx.get(real_server + "/ui/sparql").text
    for path in (
        "/static/vendor/codemirror/lib/codemirror.js",
        "/static/vendor/codemirror/mode/sparql/sparql.js",
        "/static/vendor/codemirror/lib/codemirror.css",
    ):
        assert f'"{path}"' in page_html
        served = httpx.get(real_server + path)
        assert served.status_code == 200
        assert (
            served.content
            == (browser.REPO / "node_modules/codemirror" / path.split("codemirror/", 1)[1]).read_bytes()
        )
    assert (
        httpx.get(real_server + "/static/vendor/codemirror/package.json").status_code == 404
    )  # only lib + mode


def test_the_page_reads_as_a_plain_box_when_codemirror_is_not_installed(fixture_settings, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app

    settings = fixture_settings.model_copy(update={"node_modules_dir": tmp_path / "none"})
    with TestClient(create_app(settings)) as client:
        html = client.get("/ui/sparql").text
        assert "codemirror" not in html.lower()
        assert '<label for="query"' in html and '<textarea id="query" name="query"' in html
        assert client.get("/static/vendor/codemirror/lib/codemirror.js").status_code == 404
