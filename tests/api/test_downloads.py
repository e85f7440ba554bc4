"""Downloads that work (issue 14): every list as CSV and JSON by link (`format=`), CSV that keeps the unknown
records and says totals, coverage and how to cite in its headers, a `cite` in JSON answers, and on each page
a "Download CSV · JSON" link beside each table pointing at the REST answer with the page's filters."""

from __future__ import annotations

import csv
import io
from datetime import date
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

PARTIES = "/treaties/fixture-convention/parties"
MEMBERS = "/organizations/fixture-alliance/members"
# Every REST list route, with parameters that give it items.
LISTS = [
    "/instruments",
    "/treaties",
    "/organizations",
    "/states",
    "/norms",
    "/obligations",
    PARTIES + "?as_of=2013-07-01&status=all",
    MEMBERS + "?as_of=2024-01-01&role=all",
    "/states/fin/memberships?as_of=2024-01-01",
    "/states/fra/treaties?as_of=2020-01-01&status=all",
    "/norms/fixture-norm-a/endorsements",
]


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("url", LISTS)
def test_every_list_is_a_csv_and_a_json_by_link(client, url):
    as_json = client.get(url, params={"format": "json"}, headers={"Accept": "text/csv"})  # format wins
    assert as_json.status_code == 200 and as_json.headers["content-type"].startswith("application/json")
    answer = as_json.json()
    assert answer["items"], "the fixture should give this list items"
    table = client.get(url, params={"format": "csv"})
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    assert table.headers["content-disposition"].startswith("attachment; filename=")
    assert table.headers["content-disposition"].endswith('.csv"')
    found = rows(table)
    listed = [r for r in found if r.get("list", "items") == "items"]
    assert [r["iri"] for r in listed] == [i["iri"] for i in answer["items"]]
    assert table.headers["X-Total-Count"] == str(answer["total"])
    assert client.get(url, params={"format": "CSV"}).text == table.text  # any case, like the other parameters


@pytest.mark.parametrize("url", ["/treaties", PARTIES, "/states/fra", "/norms/fixture-norm-a/endorsements"])
def test_a_format_not_offered_is_a_422_naming_format(client, url):
    response = client.get(url, params={"format": "xlsx"})
    assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
    assert response.json()["parameter"] == "format" and "xlsx" in response.json()["detail"]


def test_format_is_documented_with_the_values_each_route_offers(client):
    paths = client.get("/openapi.json").json()["paths"]

    def offered(path):
        found = [p for p in paths[path]["get"]["parameters"] if p["name"] == "format"]
        assert found, f"{path} documents no format parameter"
        return found[0]["schema"]["enum"]

    for path in ("/instruments", "/treaties", "/organizations", "/states", "/norms", "/obligations"):
        assert offered(path) == ["json", "csv"], path
    for path in (
        "/treaties/{id}/parties",
        "/organizations/{id}/members",
        "/states/{id}/memberships",
        "/states/{id}/treaties",
        "/norms/{id}/endorsements",
    ):
        assert offered(path) == ["json", "csv", "jsonld"], path
    for path in ("/instruments/{id}", "/treaties/{id}", "/organizations/{id}", "/states/{id}", "/norms/{id}"):
        assert offered(path) == ["json", "jsonld"], path


def test_csv_keeps_the_unknown_records_with_their_note(client):
    answer = client.get(PARTIES, params={"as_of": "2020-01-01"}).json()
    assert answer["unknown"], "the fixture has records that cannot be placed on 2020-01-01"
    table = client.get(PARTIES, params={"as_of": "2020-01-01", "format": "csv"})
    found = rows(table)
    assert list(found[0])[-1] == "list"  # the last column: which list of the JSON answer the row is from
    assert [r["iri"] for r in found if r["list"] == "items"] == [i["iri"] for i in answer["items"]]
    unknown = [r for r in found if r["list"] == "unknown"]
    assert [(r["iri"], r["note"]) for r in unknown] == [(u["iri"], u["note"]) for u in answer["unknown"]]
    assert all(r["note"] for r in unknown) and all(r["status_on_date"] == "" for r in unknown)
    assert table.headers["X-Unknown-Count"] == str(len(answer["unknown"]))


def test_lists_without_an_unknown_list_have_no_list_column(client):
    table = client.get("/states", params={"format": "csv"})
    assert "list" not in rows(table)[0] and "X-Unknown-Count" not in table.headers


def test_csv_headers_carry_the_published_total_and_the_coverage_note(client):
    # tests/fixtures/data/precision.ttl: the depositary's chart of 2020-01-01 counts 4 parties
    url = "/treaties/fixture-precision-convention/parties?as_of=2020-06-01"
    total = client.get(url).json()["reported_total"]
    assert total["count"] == 4
    headers = client.get(url, params={"format": "csv"}).headers
    assert headers["X-Reported-Total"] == f"4; date={total['date']}; status={total['status']}"
    assert headers["X-Reported-Total-Source"] == "https://example.org/precision-chart"
    answers = [(u, client.get(u).json()) for u in [url, *LISTS] if "/parties" in u or "/members" in u]
    for url, answer in answers:
        headers = client.get(url, params={"format": "csv"}).headers
        assert ("X-Reported-Total" in headers) == bool(answer.get("reported_total"))
        assert ("X-Coverage-Note" in headers) == bool(answer.get("coverage_note"))


def test_every_answer_says_how_to_cite_it(client):
    version = client.get("/health").json()["version"]
    for url in (PARTIES + "?as_of=2020-01-01", "/states", "/treaties/fixture-convention", "/states/fra"):
        cite = client.get(url).json()["cite"]
        assert cite["graph_version"] == version and cite["asked"] == date.today().isoformat()
        assert cite["url"] == "http://testserver" + url
        assert cite["text"] == f"cybergov-kg, graph version {version}, asked {cite['asked']}, {cite['url']}"
    headers = client.get(PARTIES, params={"as_of": "2020-01-01", "format": "csv"}).headers
    assert headers["X-Graph-Version"] == version and headers["X-Asked"] == date.today().isoformat()
    assert headers["Link"] == f'<http://testserver{PARTIES}?as_of=2020-01-01&format=csv>; rel="cite-as"'
    assert headers["X-Cite"].startswith(f"cybergov-kg, graph version {version}, asked ")


class Links(HTMLParser):
    """The download links of a page (the <a> inside each span.downloads) and its cite line."""

    def __init__(self) -> None:
        super().__init__()
        self.downloads: list[str] = []
        self.cite = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "span" and attributes.get("class") == "downloads":
            self._in = "downloads"
        elif tag == "p" and attributes.get("id") == "cite":
            self._in = "cite"
        elif tag == "a" and self._in == "downloads":
            self.downloads.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag in ("span", "p"):
            self._in = None

    def handle_data(self, data):
        if self._in == "cite":
            self.cite += data


def page_links(client, url: str) -> Links:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Links()
    parser.feed(response.text)
    return parser


# Each page with tables: the REST answers its download links must point at (path and the page's filters).
PAGES = {
    "/ui/treaties/fixture-convention?as_of=2013-07-01&status=contracting": [
        (PARTIES, {"as_of": "2013-07-01", "status": "contracting"})
    ],
    "/ui/organizations/fixture-alliance?as_of=2024-01-01&role=observer": [
        (MEMBERS, {"as_of": "2024-01-01", "role": "observer"})
    ],
    "/ui/states/FRA?as_of=2020-01-01": [
        ("/states/FRA/memberships", {"as_of": "2020-01-01", "role": "all"}),
        ("/states/FRA/treaties", {"as_of": "2020-01-01", "status": "all"}),
    ],
    "/ui/treaties?q=fixture": [("/treaties", {"q": "fixture"})],
    "/ui/organizations": [("/organizations", {})],
    "/ui/states?q=land": [("/states", {"q": "land"})],
    "/ui/norms?instrument=fixture-report": [("/norms", {"instrument": "fixture-report"})],
    "/ui/norms/fixture-norm-a": [("/norms/fixture-norm-a/endorsements", {})],
}


@pytest.mark.parametrize("page", PAGES)
def test_each_table_of_a_page_downloads_as_csv_and_json_with_the_page_filters(client, page):
    links = page_links(client, page).downloads
    expected = PAGES[page]
    assert len(links) == 2 * len(expected)
    for (path, params), csv_link, json_link in zip(expected, links[::2], links[1::2], strict=True):
        for link, fmt, media in ((csv_link, "csv", "text/csv"), (json_link, "json", "application/json")):
            parts = urlsplit(link)
            assert parts.path == path and dict(parse_qsl(parts.query)) == {**params, "format": fmt}, link
            response = client.get(link)
            assert response.status_code == 200 and response.headers["content-type"].startswith(media), link


def test_the_page_count_is_the_downloaded_count(client):
    page = client.get("/ui/treaties/fixture-convention", params={"as_of": "2013-07-01"}).text
    json_link = page_links(client, "/ui/treaties/fixture-convention?as_of=2013-07-01").downloads[1]
    answer = client.get(json_link).json()
    assert f'<strong id="count">{len(answer["items"])}</strong>' in page


def test_pages_say_how_to_cite_them(client):
    version = client.get("/health").json()["version"]
    cite = page_links(client, "/ui/states/FRA?as_of=2020-01-01").cite
    assert cite == (
        f"Cite this page: cybergov-kg, graph version {version}, asked {date.today().isoformat()}, "
        "http://testserver/ui/states/FRA?as_of=2020-01-01"
    )


def test_norms_filter_by_instrument(client):
    answer = client.get("/norms", params={"instrument": "FIXTURE-REPORT"}).json()
    assert answer["items"] and {i["instrument"]["id"] for i in answer["items"]} == {"fixture-report"}
    assert answer["instrument"] == "FIXTURE-REPORT"
    assert client.get("/norms", params={"instrument": "no-such-instrument"}).json()["items"] == []


def test_endorsements_list_is_the_norm_page_table(client):
    norm = client.get("/norms/fixture-norm-a").json()
    answer = client.get("/norms/fixture-norm-a/endorsements").json()
    assert [i["iri"] for i in answer["items"]] == [e["iri"] for e in norm["endorsements"]]
    assert answer["norm"]["id"] == "fixture-norm-a" and answer["total"] == len(norm["endorsements"])
    assert all(i["id"] and i["iri"].endswith("/" + i["id"]) for i in answer["items"])
    assert client.get("/norms/no-such-norm/endorsements").status_code == 404


def test_header_text_is_latin1_safe_and_reversible():
    from urllib.parse import unquote

    from api.representation import _header_text

    note = "Türkiye's consent is listed — see the depositary's note\nof 2024"
    sent = _header_text(note)
    assert sent.isascii() and "\n" not in sent and unquote(sent) == note
    assert _header_text("plain ASCII, as is") == "plain ASCII, as is"


def test_a_download_name_is_ascii_whatever_the_filter(client):
    # found by schemathesis: a filter value outside Latin-1 in the file name made the CSV answer fail
    response = client.get("/norms", params={"q": "Ā́ü", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].isascii()
