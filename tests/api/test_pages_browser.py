"""Pages for people, driven by clicking from `/` in Debian's chromium over the repository's own data.

Every request to a host other than 127.0.0.1 is aborted and fails the test (the pages must work offline).
Screenshots go to $CYBERGOV_TEST_ARTIFACTS (default: test-artifacts/ in the checkout, git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest
from live_servers import uvicorn_over
from playwright.sync_api import Page, sync_playwright

from api.routes.pages import name_key
from tests.api.test_pages import CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("CYBERGOV_TEST_ARTIFACTS", REPO / "test-artifacts"))  # git-ignored


@pytest.fixture(scope="module")
def real_server(repo_store):
    """uvicorn over the repository's data on 127.0.0.1 (repo_store has built the cache it starts from)."""
    port = int(os.environ.get("CYBERGOV_TEST_PAGES_PORT", "0")) or None
    env = {k: v for k, v in os.environ.items() if not k.startswith("CYBERGOV_")}
    env["CYBERGOV_ROOT"] = str(REPO)
    with uvicorn_over(env, timeout=120, port=port) as (base, _process):
        yield base


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(chromium, request):
    """A page whose requests to any host but 127.0.0.1 are aborted; the test fails if there was one."""
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(("http://127.0.0.1", "data:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", guard)
    tab = context.new_page()
    yield tab
    context.close()
    assert not outside, f"requests to outside hosts: {outside}"


def shot(page: Page, name: str, *, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def overflow(page: Page) -> int:
    """How many pixels the page is wider than the viewport."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_budapest_parties_on_2020_01_01_from_the_home_page(real_server, page):
    page.goto(real_server + "/")
    page.get_by_role("link", name="Parties to the Budapest Convention").click()
    page.fill("input[name=as_of]", "2020-01-01")
    page.select_option("select[name=status]", "party")
    page.click("#when button[type=submit]")
    page.wait_for_url("**as_of=2020-01-01**")
    expected = httpx.get(
        f"{real_server}/treaties/budapest-convention/parties", params={"as_of": "2020-01-01"}
    ).json()
    assert int(page.locator("#count").inner_text()) == expected["total"]
    names = page.locator("#parties tbody td:first-child").all_inner_texts()
    assert "France" in names and len(names) == expected["total"]
    assert names == sorted(names, key=name_key)  # by name, not by ISO code
    chart = page.locator("figure#timeline svg[role=img]")
    assert chart.count() == 1 and page.locator("#timeline svg path.step-party").count() == 1
    assert page.locator("#timeline figcaption").inner_text().count("on 2020-01-01") >= 3
    assert page.locator("#steps-party tbody tr").count() > 10  # the text alternative: the steps as a table
    shot(page, "budapest-2020-01-01")


def test_nato_members_on_2023_04_04_with_a_timeline_and_its_table(real_server, page):
    page.goto(real_server + "/")
    page.get_by_role("link", name="NATO's members").click()
    page.fill("input[name=as_of]", "2023-04-04")
    page.click("#when button[type=submit]")
    page.wait_for_url("**as_of=2023-04-04**")
    expected = httpx.get(f"{real_server}/organizations/nato/members", params={"as_of": "2023-04-04"}).json()
    assert int(page.locator("#count").inner_text()) == expected["total"]
    held = page.locator("#members tbody tr.held td:first-child").all_inner_texts()
    assert "Finland" in held and "Sweden" not in held
    assert page.locator("#timeline svg path.step-member").count() == 1
    assert page.locator("#timeline-title").text_content().startswith("North Atlantic Treaty Organization")
    assert page.locator("#steps-member tbody tr").count() >= 2
    shot(page, "nato-2023-04-04")


@pytest.mark.parametrize(
    ("ident", "role", "rows"), [("nato-ccdcoe", "all", 34), ("paris-call", "supporter", 72)]
)
def test_organization_roles_are_a_menu_and_undated_members_are_listed(real_server, page, ident, role, rows):
    page.goto(f"{real_server}/ui/organizations/{ident}")
    options = page.locator("select#role option").evaluate_all("os => os.map(o => o.value)")
    assert options[0] == "all" and role in options
    page.select_option("select#role", role)
    page.click("#when button[type=submit]")
    page.wait_for_url(f"**role={role}**")
    assert page.locator("#members tbody tr").count() == rows
    assert page.locator("#members tbody tr.undated").count() >= 1
    shot(page, f"organization-{ident}")


@pytest.mark.parametrize(
    "path",
    [
        "/ui",
        "/ui/treaties",
        "/ui/treaties/budapest-convention?status=all",
        "/ui/treaties/un-cybercrime-convention?status=signatory",
        "/ui/organizations",
        "/ui/organizations/nato",
        "/ui/organizations/paris-call",
        "/ui/states/FRA",
        "/ui/states",
        "/ui/norms",
        "/ui/norms/un-gge-2015-norm-13a",
        "/ui/search?q=UK",
        "/ui/sparql",
    ],
)
@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_is_wider_than_the_viewport(real_server, chromium, path, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(real_server + path)
    try:
        assert overflow(tab) <= 0
        if width == 390 and path.startswith("/ui/treaties/"):
            shot(tab, "treaty-390")
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["/ui", "/ui/treaties/budapest-convention", "/ui/norms", "/ui/sparql", "/docs"]
)
def test_a_page_loads_without_errors_in_the_browser_console(real_server, page, path):
    """Every resource a page asks for is there (a missing one, such as the icon browsers ask for on their own,
    is a console error), and its scripts throw nothing."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(real_server + path)
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_the_11_gge_norms_are_found_from_the_home_page(real_server, page):
    page.goto(real_server + "/")
    page.get_by_role("link", name="The 11 norms of the UN GGE 2015 report").click()
    assert int(page.locator("#count").inner_text()) == 11
    notations = page.locator("table.norms tbody td:nth-child(2)").all_inner_texts()
    assert notations == [f"13({letter})" for letter in "abcdefghijk"]
    page.get_by_role("link", name="UN GGE 2015 norm 13(c)", exact=False).first.click()
    assert page.locator("#notation").inner_text() == "13(c)"
    assert "Report of the Group of Governmental Experts" in page.locator("#instrument").inner_text()
    assert page.locator("#topics").inner_text() and page.locator("#endorsements tbody tr").count() >= 1
    shot(page, "norm-13c")


def test_the_norms_page_is_in_the_navigation_and_groups_by_instrument(real_server, page):
    page.goto(real_server + "/ui")
    page.locator("header nav").get_by_role("link", name="Norms").click()
    expected = httpx.get(f"{real_server}/norms", params={"limit": 500}).json()["total"]
    assert int(page.locator("#count").inner_text()) == expected
    assert page.locator("section.norm-group").count() >= 3
    cbms = [
        t for t in page.locator("table.norms tbody td:nth-child(2)").all_inner_texts() if t.startswith("CBM")
    ]
    assert cbms.index("CBM 2") < cbms.index("CBM 10")  # natural order, not string order


def test_docs_and_redoc_render_from_local_files(real_server, page):
    page.goto(real_server + "/docs")
    page.wait_for_selector(".opblock", timeout=20000)
    assert page.locator(".opblock").count() > 10
    assert "/static/docs/swagger-ui-bundle.js" in httpx.get(real_server + "/docs").text
    shot(page, "docs", full_page=False)
    page.goto(real_server + "/redoc")
    page.wait_for_selector("h1", timeout=20000)
    assert "cybergov-kg" in page.locator("h1").first.inner_text()
    shot(page, "redoc", full_page=False)


@pytest.mark.parametrize(
    ("query", "first", "kind"),
    [
        ("UK", "United Kingdom of Great Britain and Northern Ireland", "state"),
        ("Turkey", "Türkiye", "state"),
        ("Czech Republic", "Czechia", "state"),
        ("ETS 185", "Convention on Cybercrime", "treaty"),
    ],
)
def test_search_from_the_home_page_ranks_common_names_first(real_server, page, query, first, kind):
    page.goto(real_server + "/")
    page.fill("form[role=search] input[name=q]", query)
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state()
    if page.locator("table tbody tr.hit").count():
        row = page.locator("table tbody tr.hit").first
        assert row.locator("td").first.inner_text() == first
        assert row.locator("td").nth(2).inner_text().startswith(kind)
        if query == "UK":
            assert "Ukraine" in page.locator("table tbody").inner_text()  # found too, but after
            shot(page, "search-uk")
    else:  # one clear hit opens its page
        assert page.locator("h1").inner_text() == first


def test_searching_norms_finds_the_norms(real_server, page):
    page.goto(real_server + "/")
    page.fill("form[role=search] input[name=q]", "GGE norms")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**/ui/search**")
    assert page.locator("tr.hit-norm").count() == 11
    page.fill("input[name=q]", "norms")
    page.click("form button[type=submit]")
    page.wait_for_url("**q=norms**")
    expected = httpx.get(f"{real_server}/norms", params={"limit": 500}).json()["total"]
    assert page.locator("tr.hit-norm").count() == expected
