"""Linked data an application can use (issue 14): JSON-LD framed on the resource asked for, compacted with a
published context (/context.jsonld) whose terms are the REST answers' JSON fields, and the same JSON-LD in each
entity page's <script type="application/ld+json">.

Every expansion here uses a document loader that serves the context fetched from the app and fails on any
other URL, so no test (and no served document) needs the network.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import graph_diff, isomorphic

from api import linked_data
from kg import named_queries

ID = "https://w3id.org/cybergov/id/"
RESOURCES = ["state/FRA", "treaty/fixture-convention", "organization/fixture-alliance", "norm/fixture-norm-a"]
CONTEXT_URL = "http://testserver/context.jsonld"


@pytest.fixture(scope="module")
def loader(client):
    """A pyld document loader serving the app's /context.jsonld and refusing anything else."""
    context = client.get("/context.jsonld").json()
    asked: list[str] = []

    def load(url, options=None):
        asked.append(url)
        if url != CONTEXT_URL:
            raise AssertionError(f"the JSON-LD made the client fetch {url}")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": context,
        }

    load.asked = asked
    return load


def as_graph(document, loader) -> rdflib.Graph:
    nquads = jsonld.to_rdf(document, {"documentLoader": loader, "format": "application/n-quads"})
    return rdflib.Graph().parse(data=nquads, format="nt")


def triples_of(client, path: str) -> rdflib.Graph:
    response = client.get(path, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    return rdflib.Graph().parse(data=response.text, format="nt")


def assert_same(served: rdflib.Graph, expected: rdflib.Graph) -> None:
    if not isomorphic(served, expected):
        _both, only_served, only_expected = graph_diff(served, expected)
        raise AssertionError(
            f"only in JSON-LD: {sorted(only_served)[:5]}; missing: {sorted(only_expected)[:5]}"
        )


def test_context_is_published_cacheable_and_static(client):
    response = client.get("/context.jsonld")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    etag = response.headers["etag"]
    assert etag and "max-age" in response.headers["cache-control"]
    again = client.get("/context.jsonld", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/context.jsonld").headers["etag"] == etag
    assert response.json() == {"@context": linked_data.CONTEXT}


def test_context_terms_are_the_json_fields_of_the_answers(client):
    terms = client.get("/context.jsonld").json()["@context"]
    fields = set()
    for url in (
        "/treaties/fixture-convention",
        "/states/fra",
        "/organizations/fixture-alliance",
        "/norms/fixture-norm-a",
    ):
        fields |= set(client.get(url).json())
    for url in ("/treaties/fixture-convention/parties?status=all", "/organizations/fixture-alliance/members"):
        fields |= set(client.get(url).json()["items"][0])
    mapped = fields & set(terms)
    # the fields that are facts of the graph have a term; the rest are computed on the date asked (status_on_date,
    # member_on_date, note) or are the REST id and iri (`@id` in JSON-LD) and the derived display fields
    assert {
        "label",
        "alt_labels",
        "sources",
        "evidence",
        "signed",
        "consented",
        "in_force",
        "denounced",
        "state",
        "treaty",
        "consent_kind",
        "member",
        "organization",
        "role",
        "start",
        "end",
        "alpha2",
        "numeric",
        "notation",
        "instrument",
        "topics",
        "depositary",
        "entry_into_force",
        "founded",
        "signed_precision",
        "start_earliest",
        "memberships",
        "treaties",
    } <= mapped
    assert terms["signed"] == {"@id": "cgo:signatureDate", "@type": "xsd:date"}
    assert terms["memberships"]["@reverse"] == "org:member"


@pytest.mark.parametrize("resource", RESOURCES)
def test_resource_jsonld_is_framed_on_it_and_expands_to_its_triples(client, loader, resource):
    response = client.get(f"/id/{resource}", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"] == CONTEXT_URL
    assert document["@id"] == ID + resource  # the resource asked for, whole, at the top
    assert "@graph" not in document and isinstance(document.get("label"), str)
    assert_same(as_graph(document, loader), triples_of(client, f"/id/{resource}"))
    assert client.get(f"/id/{resource}", params={"format": "jsonld"}).json() == document


def test_records_pointing_at_the_resource_nest_under_reverse_terms(client):
    state = client.get("/id/state/FRA", headers={"Accept": "application/ld+json"}).json()
    assert {m["@id"] for m in state["memberships"]} >= {ID + "membership/fixture-alliance/FRA"}
    assert {p["@id"] if isinstance(p, dict) else p for p in state["treaties"]} >= {
        ID + "participation/fixture-convention/FRA"
    }
    treaty = client.get("/id/treaty/fixture-convention", headers={"Accept": "application/ld+json"}).json()
    record = next(p for p in treaty["participations"] if isinstance(p, dict) and p["@id"].endswith("/FRA"))
    assert (
        record["treaty"] == ID + "treaty/fixture-convention"
    )  # the resource itself: a reference, not a copy
    assert "cgo:TreatyParticipation" in record["@type"]


def test_a_treaty_or_organization_pointing_at_the_resource_gives_its_link_and_label_not_its_description(
    client,
):
    """A state's description holds the treaty that names it as a participant (its link and its label) and the
    participation record in full, but not the treaty's own triples, such as its other participants: those are the
    treaty's description (a treaty with a thousand parties made each party's description 3.7 MB)."""
    treaty = f"<{ID}treaty/fixture-convention>"
    state = triples_of(client, "/id/state/FRA")
    in_treaty = {(s.n3(), p.n3(), o.n3()) for s, p, o in state if s.n3() == treaty}
    assert in_treaty and all(
        o.endswith("/state/FRA>") or p.endswith("rdf-schema#label>") for _s, p, o in in_treaty
    )
    whole = triples_of(client, "/id/treaty/fixture-convention")
    others = {
        (s, p, o)
        for s, p, o in whole
        if s.n3() == treaty and not str(o).endswith("/state/FRA") and p != rdflib.RDFS.label
    }
    assert others and not others & set(state)  # the treaty's other triples are its own description's
    record = f"<{ID}participation/fixture-convention/FRA>"
    assert len({p for s, p, _o in state if s.n3() == record}) > 3  # the record in full


def test_the_same_record_reads_alike_in_json_and_json_ld(client):
    item = next(
        i
        for i in client.get(
            "/treaties/fixture-convention/parties", params={"status": "all", "as_of": "2020-01-01"}
        ).json()["items"]
        if i["state"]["id"] == "FRA"
    )
    treaty = client.get("/id/treaty/fixture-convention", headers={"Accept": "application/ld+json"}).json()
    record = next(p for p in treaty["participations"] if isinstance(p, dict) and p["@id"] == item["iri"])
    for field in ("signed", "consented", "in_force", "signed_precision"):
        assert record[field] == item[field], field
    state = record["state"]  # embedded where first linked, else a reference
    assert (state if isinstance(state, str) else state["@id"]) == item["state"]["iri"]


@pytest.mark.parametrize(
    "route, resource",
    [
        ("/treaties/fixture-convention", "treaty/fixture-convention"),
        ("/states/fr", "state/FRA"),
        ("/organizations/fixture-alliance", "organization/fixture-alliance"),
        ("/norms/fixture-norm-a", "norm/fixture-norm-a"),
    ],
)
def test_rest_detail_routes_serve_the_same_framed_json_ld(client, loader, route, resource):
    by_accept = client.get(route, headers={"Accept": "application/ld+json"})
    by_format = client.get(route, params={"format": "jsonld"})
    assert by_accept.headers["content-type"].startswith("application/ld+json")
    assert (
        by_accept.json()
        == by_format.json()
        == client.get(f"/id/{resource}", params={"format": "jsonld"}).json()
    )
    assert by_accept.json()["@id"] == ID + resource


def test_records_jsonld_is_compacted_with_the_context(client, loader):
    response = client.get(
        "/treaties/fixture-convention/parties", params={"as_of": "2013-07-01", "format": "jsonld"}
    )
    document = response.json()
    assert document["@context"] == CONTEXT_URL
    nodes = {n["@id"]: n for n in document["@graph"]}
    ita = nodes[ID + "participation/fixture-convention/ITA"]
    assert ita["state"] == ID + "state/ITA" and ita["treaty"] == ID + "treaty/fixture-convention"
    assert ID + "participation/fixture-convention/DEU" not in nodes  # not a party on that date
    graph = as_graph(document, loader)
    record = rdflib.URIRef(ID + "participation/fixture-convention/ITA")
    signed = rdflib.URIRef("https://w3id.org/cybergov/ontology#signatureDate")
    assert [o.datatype for o in graph.objects(record, signed)] == [rdflib.XSD.date]


def test_the_loader_never_fetches(loader, client):
    assert all(url == CONTEXT_URL for url in loader.asked)
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(
            {"@context": "https://example.org/other.jsonld", "label": "x"},
            {"documentLoader": linked_data.local_loader(CONTEXT_URL)},
        )


class Scripts(HTMLParser):
    """The text of each <script type="application/ld+json"> of a page, as an HTML parser sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1] += data


PAGES = {
    "/ui/states/FRA": "state/FRA",
    "/ui/treaties/fixture-convention": "treaty/fixture-convention",
    "/ui/organizations/fixture-alliance": "organization/fixture-alliance",
    "/ui/norms/fixture-norm-a": "norm/fixture-norm-a",
}


@pytest.mark.parametrize("page", PAGES)
def test_entity_pages_embed_their_json_ld(client, fixture_store, loader, page):
    html = client.get(page).text
    parser = Scripts()
    parser.feed(html)
    assert len(parser.found) == 1
    document = json.loads(parser.found[0])
    iri = ID + PAGES[page]
    assert document["@id"] == iri and isinstance(document["@context"], dict)  # inline: read without a fetch
    label = client.get(f"/id/{PAGES[page]}", params={"format": "jsonld"}).json()["label"]
    assert document["label"] == label and label in html
    # the script holds exactly the entity's curated description (describe-own.rq): its asserted triples and
    # the labels of what they link to
    triples = fixture_store.construct(
        named_queries.get("describe-own").text, bindings={"resource": ox.NamedNode(iri)}
    )
    expected = rdflib.Graph().parse(
        data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt"
    )
    assert (rdflib.URIRef(iri), rdflib.RDFS.label, None) in expected and len(expected) > 5
    assert_same(as_graph(document, loader), expected)


def test_script_json_cannot_end_the_script():
    hostile = {
        "@id": "https://w3id.org/cybergov/id/state/X",
        "label": "</script><script>alert(1)</script><!--",
    }
    text = linked_data.script_json(hostile)
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == hostile
    parser = Scripts()
    parser.feed(f'<script type="application/ld+json">{text}</script><p>after</p>')
    assert json.loads(parser.found[0]) == hostile
