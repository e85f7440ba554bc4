"""GET /instruments, /norms and /obligations over the fixture data; the OpenAPI shows each route's SPARQL."""

from __future__ import annotations

from kg import named_queries


def test_instruments_filter_by_label_altlabel_or_number_case_insensitive(client):
    assert [i["id"] for i in client.get("/instruments", params={"q": "2099/1"}).json()["items"]] == [
        "fixture-regulation"
    ]
    assert [i["id"] for i in client.get("/instruments", params={"q": "FIXTURE REP"}).json()["items"]] == [
        "fixture-report"
    ]
    everything = {i["id"] for i in client.get("/instruments").json()["items"]}
    assert {"fixture-regulation", "fixture-report", "fixture-resolution", "fixture-convention"} <= everything


def test_instruments_kind_filter_and_bad_kind(client):
    treaties = {i["id"] for i in client.get("/instruments", params={"kind": "treaty"}).json()["items"]}
    assert {"fixture-convention", "fixture-protocol"} <= treaties and "fixture-report" not in treaties
    legal = {i["id"] for i in client.get("/instruments", params={"kind": "legal-instrument"}).json()["items"]}
    assert "fixture-regulation" in legal and "fixture-resolution" not in legal
    bad = client.get("/instruments", params={"kind": "poem"})
    assert bad.status_code == 422 and bad.json()["parameter"] == "kind"


def test_instrument_detail_kind_dates_and_relations(client):
    regulation = client.get("/instruments/fixture-regulation").json()
    assert regulation["kind"] == "regulation" and regulation["entry_into_force"] == "2019-06-27"
    resolution = client.get("/instruments/fixture-resolution").json()
    assert {"relation": "endorses", "direction": "outgoing"}.items() <= resolution["related"][0].items()
    missing = client.get("/instruments/fixture-regulaton")
    assert missing.status_code == 404 and "fixture-regulation" in missing.json()["suggestions"]


def test_norms_list_and_detail_with_endorsements(client):
    norms = client.get("/norms", params={"q": "13(a)"}).json()
    assert [n["id"] for n in norms["items"]] == ["fixture-norm-a"]
    norm = client.get("/norms/fixture-norm-a").json()
    assert norm["notation"] == "13(a)" and norm["instrument"]["id"] == "fixture-report"
    assert [t["id"] for t in norm["topics"]] == ["international-cooperation"]
    assert norm["sources"] == ["https://example.org/fixture-report"]
    assert [(e["endorser"]["id"], e["date"]) for e in norm["endorsements"]] == [
        ("fixture-resolution", "2015-12-23")
    ]
    assert client.get("/norms/fixture-norm-b").status_code == 404


def test_obligations_filters(client):
    every = client.get("/obligations").json()
    assert every["total"] == 2
    by_instrument = client.get("/obligations", params={"instrument": "fixture-regulation"}).json()["items"]
    assert [o["id"] for o in by_instrument] == ["fixture-regulation-art-5-report"]
    assert by_instrument[0]["deadline"] in ("PT24H", "P1D")  # oxigraph canonicalizes durations
    assert by_instrument[0]["provision"]["notation"] == "Article 5"
    by_addressee = client.get("/obligations", params={"addressee": "parties"}).json()["items"]
    assert [o["id"] for o in by_addressee] == ["fixture-convention-art-2-criminalise"]
    # a topic matches its narrower topics: substantive-criminal-law is narrower than cybercrime
    by_topic = client.get("/obligations", params={"topic": "cybercrime"}).json()["items"]
    assert [o["id"] for o in by_topic] == ["fixture-convention-art-2-criminalise"]
    for name, value in (("topic", "astrology"), ("addressee", "aliens"), ("instrument", "fixture-regulaton")):
        response = client.get("/obligations", params={name: value})
        assert response.status_code == 422 and response.json()["parameter"] == name


def test_openapi_descriptions_show_the_sparql(client):
    paths = client.get("/openapi.json").json()["paths"]
    parties = paths["/treaties/{id}/parties"]["get"]["description"]
    assert named_queries.get("participations").text.strip() in parties
    assert "```sparql" in paths["/organizations/{id}/members"]["get"]["description"]
    for path in (
        "/instruments",
        "/treaties",
        "/organizations",
        "/states",
        "/norms",
        "/obligations",
        "/states/{id}/memberships",
        "/states/{id}/treaties",
        "/norms/{id}",
    ):
        assert "SELECT" in paths[path]["get"]["description"], path
