"""Every link reachable from `/`, and two of issue 14's user tasks, in Debian's chromium over the repository's data.

The crawl opens every page under /ui that a link reaches from `/` (each URL once) and asks every other link on
this host (REST answers, downloads, /docs, /ontology, static files) for its status: none may be a 4xx or 5xx.
Links to outside hosts (the sources) are not followed, and the page fixture fails a test in which the browser
tried to reach one. Screenshots go to $CYBERGOV_TEST_ARTIFACTS.
"""

from __future__ import annotations

from collections import deque
from datetime import date
from urllib.parse import urldefrag, urlsplit

import httpx
import pytest

from tests.api.test_pages_browser import chromium, page, real_server, shot  # noqa: F401  (fixtures)

# Links as the document resolves them; SVG <a> elements have no string `href`, so read the attribute.
LINKS = """els => els.map(a => new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), document.baseURI).href)"""
MAX_URLS = 3000  # far above what the pages link to today (about 600): a crawl that runs away fails


def test_every_link_reachable_from_the_home_page_answers_without_an_error(real_server, page):  # noqa: F811
    host = urlsplit(real_server).netloc
    queue: deque[tuple[str, str]] = deque([(real_server + "/", "(start)")])
    seen = {real_server + "/"}
    broken: list[str] = []
    rendered = asked = 0
    while queue:
        url, linked_from = queue.popleft()
        path = urlsplit(url).path
        response = page.request.get(url, headers={"Accept": "text/html,*/*;q=0.8"}, max_redirects=5)
        asked += 1
        if response.status >= 400:
            broken.append(f"{response.status} {url} (linked from {linked_from})")
            continue
        if not (path == "/" or path == "/ui" or path.startswith("/ui/")):
            continue  # a REST answer, a download, /docs or a static file: its status is what counts
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(url, wait_until="domcontentloaded")
        rendered += 1
        for link in page.locator("a[href]").evaluate_all(LINKS):
            link, _ = urldefrag(link)
            if urlsplit(link).netloc != host or link in seen:
                continue
            seen.add(link)
            queue.append((link, page.url))
        assert len(seen) <= MAX_URLS, f"the crawl reached more than {MAX_URLS} URLs"
    assert not broken, "\n".join(broken)
    expected = httpx.get(f"{real_server}/states", params={"limit": 1000}).json()["total"]
    assert rendered > expected, f"only {rendered} pages rendered: the crawl did not reach every state"
    for path in (
        "/ui/mechanisms/glacy-plus",
        "/ui/obligations/nis2-directive-art-23-early-warning",
        "/ui/provisions/budapest-convention-art-10",
        "/ui/instruments/nis2-directive",
        "/ui/norms/un-gge-2015-norm-13k",
        "/ui/organizations/eu",
        "/ui/states/FRA",
    ):
        assert real_server + path in seen, f"{path} is not reachable by links from /"
    print(f"crawl: {rendered} pages rendered, {asked} URLs asked, {len(seen)} distinct")


def test_what_france_signed_by_searching_from_the_home_page(real_server, page):  # noqa: F811
    page.goto(real_server + "/")
    page.fill("form[role=search] input[name=q]", "France")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state()
    if page.locator("table tbody tr.hit").count():  # a list of hits: France comes first
        page.locator("table tbody tr.hit").first.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "France"
    assert page.url.endswith("/ui/states/FRA")
    expected = httpx.get(f"{real_server}/states/FRA/treaties", params={"status": "all", "limit": 1000}).json()
    signed = {
        i["treaty"]["label"]: i["signed"]
        for i in expected["items"]
        if i["signed"] or i.get("signed_earliest") or i.get("signed_latest")
    }
    rows = page.locator("#treaties tbody tr")
    shown = {}
    for n in range(rows.count()):
        cells = rows.nth(n).locator("td").all_inner_texts()
        if cells[1].strip():
            shown[cells[0]] = cells[1].strip()
    assert shown == signed and "Convention on Cybercrime" in shown
    assert shown["Convention on Cybercrime"] == "2001-11-23"
    shot(page, "france-signed")
    page.locator("#treaties").get_by_role("link", name="Convention on Cybercrime", exact=True).click()
    assert page.locator("h1").inner_text() == "Convention on Cybercrime"
    france = page.locator("#parties tbody tr", has=page.get_by_role("link", name="France", exact=True))
    assert france.count() == 1 and "2001-11-23" in france.inner_text()


def test_the_un_cybercrime_convention_signatories_from_the_home_page(real_server, page):  # noqa: F811
    page.goto(real_server + "/")
    page.get_by_role("link", name="Signatories of the UN Convention against Cybercrime").click()
    page.wait_for_url("**/ui/treaties/un-cybercrime-convention**")
    assert page.locator("select[name=status]").input_value() == "signatory"
    expected = httpx.get(
        f"{real_server}/treaties/un-cybercrime-convention/parties",
        params={"status": "signatory", "as_of": date.today().isoformat(), "limit": 1000},
    ).json()
    assert int(page.locator("#count").inner_text()) == expected["total"] >= 65
    names = page.locator("#parties tbody td:first-child").all_inner_texts()
    assert len(names) == expected["total"] and {"France", "China", "Russian Federation"} <= set(names)
    total = expected["reported_total"]
    assert f"of {total['count']} recorded" in page.locator("#reported-total").inner_text()
    assert page.locator("#timeline svg path.step-signatory").count() == 1
    shot(page, "un-cybercrime-signatories")
    page.locator("#parties").get_by_role(
        "link", name="European Union"
    ).click()  # a signatory that is no state
    assert page.locator("h1").inner_text() == "European Union"
    assert "/ui/organizations/eu" in page.url


def test_every_kind_has_a_list_page_one_click_from_home(real_server, page):  # noqa: F811
    page.goto(real_server + "/")
    for name, heading in (
        ("Mechanisms (networks, exercises, programmes)", "Mechanisms"),
        ("Obligations", "Obligations"),
        ("Provisions (articles)", "Provisions"),
        ("Other instruments (EU acts, resolutions, reports, declarations, policies)", "Instruments"),
    ):
        page.locator("#kinds").get_by_role("link", name=name, exact=True).click()
        assert page.locator("h1").inner_text() == heading
        assert int(page.locator("#count").inner_text()) > 0
        page.go_back()
    page.locator("#coverage-table").get_by_role("link", name="Convention on Cybercrime", exact=True).click()
    assert page.locator("h1").inner_text() == "Convention on Cybercrime"
    page.get_by_role("link", name="24/7 Network of the Convention on Cybercrime").click()
    assert page.locator("#kind").inner_text() == "information-sharing mechanism"
    shot(page, "mechanism-24-7")


@pytest.mark.parametrize(
    "path",
    [
        "/ui/instruments",
        "/ui/instruments/nis2-directive",
        "/ui/provisions",
        "/ui/provisions/nis2-directive-art-23",
        "/ui/obligations",
        "/ui/obligations/nis2-directive-art-23-early-warning",
        "/ui/mechanisms",
        "/ui/mechanisms/glacy-plus",
    ],
)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_new_page_kinds_fit_the_viewport(real_server, chromium, path, width):  # noqa: F811
    context = chromium.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    try:
        tab.goto(real_server + path)
        assert tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()
