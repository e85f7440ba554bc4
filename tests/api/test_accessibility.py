"""WCAG 2.1 AA, checked by axe-core (the npm package pinned in package.json, injected from node_modules, so
nothing is fetched): no serious or critical violation on any kind of page at a desktop and a phone width
(issue 14). Outside hosts are blocked as in test_pages_browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.api import test_pages_browser as browser

real_server = browser.real_server
chromium = browser.chromium

AXE = browser.REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = {
    "home": "/ui",
    "treaties": "/ui/treaties",
    "organizations": "/ui/organizations",
    "states": "/ui/states",
    "norms": "/ui/norms",
    "treaty": "/ui/treaties/budapest-convention?as_of=2020-01-01&status=all",
    "treaty-signatories": "/ui/treaties/un-cybercrime-convention?status=signatory",
    "organization": "/ui/organizations/nato?as_of=2023-04-04",
    "organization-roles": "/ui/organizations/paris-call?role=all",
    "state": "/ui/states/FRA",
    "norm": "/ui/norms/un-gge-2015-norm-13c",
    "instruments": "/ui/instruments",
    "instrument": "/ui/instruments/nis2-directive",
    "provisions": "/ui/provisions",
    "provision": "/ui/provisions/nis2-directive-art-23",
    "obligations": "/ui/obligations",
    "obligation": "/ui/obligations/nis2-directive-art-23-early-warning",
    "mechanisms": "/ui/mechanisms",
    "mechanism": "/ui/mechanisms/glacy",
    "search": "/ui/search?q=UK",
    "sparql": "/ui/sparql",
    "not-found": "/ui/treaties/budapest-conventio",
    "no-such-page": "/ui/no-such-page",
    "bad-date": "/ui/treaties/budapest-convention?as_of=12020-01-01",
}
WAIT = 30_000  # ms a query may take in the browser on a loaded machine (the server's own limit is 10 s)


def serious_violations(tab: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one readable line per failing element."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {node.get('failureSummary', '')}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


@pytest.fixture(params=[1280, 390], ids=["1280px", "390px"])
def tab(chromium, request):
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context = chromium.new_context(viewport={"width": request.param, "height": 900})
    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()
    assert not outside, f"requests to outside hosts: {outside}"


def test_axe_core_is_the_pinned_npm_package():
    assert AXE.is_file(), "run `npm ci` (make test does): axe-core is a devDependency in package.json"


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violations(real_server, tab, kind):
    tab.goto(real_server + PAGES[kind], wait_until="load")
    assert tab.locator("main h1").count() == 1
    problems = serious_violations(tab)
    assert not problems, "\n".join(problems)


def test_the_sparql_page_with_an_answer_and_with_an_error(real_server, tab):
    """The states the script draws: a results table, then a parse error marked in the editor."""
    tab.goto(real_server + "/ui/sparql")
    tab.get_by_role("button", name="Run").click()
    expect(tab.locator("#status")).to_contain_text("row(s)", timeout=WAIT)
    assert not (problems := serious_violations(tab)), "\n".join(problems)
    tab.locator(".CodeMirror").click()
    tab.keyboard.press("Control+A")
    tab.keyboard.type("SELECT * WHERE { ?s ?p }")
    tab.get_by_role("button", name="Run").click()
    expect(tab.locator("#status")).to_contain_text("400", timeout=WAIT)
    assert not (problems := serious_violations(tab)), "\n".join(problems)
    browser.shot(tab, f"sparql-error-{tab.viewport_size['width']}", full_page=False)


def test_the_skip_link_is_first_and_leads_to_the_content(real_server, tab):
    tab.goto(real_server + "/ui/treaties/budapest-convention")
    tab.keyboard.press("Tab")
    skip = tab.locator(":focus")
    assert skip.inner_text() == "Skip to the content" and skip.is_visible()  # shown when focused
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == "#main"
