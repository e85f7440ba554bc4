"""Resource IRIs and the ontology dereference on the running service."""


def test_state_iri_as_turtle(client):
    r = client.get("/id/state/FRA", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    assert "France" in r.text and "alpha3Code" in r.text


def test_records_pointing_at_the_resource_are_included(client):
    r = client.get("/id/treaty/budapest-convention", headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    assert "<https://w3id.org/cybergov/id/participation/budapest-convention/FRA>" in r.text


def test_jsonld_by_format(client):
    r = client.get("/id/state/FRA", params={"format": "jsonld"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json")
    assert "https://w3id.org/cybergov/id/state/FRA" in r.text


def test_browser_is_redirected(client):
    r = client.get(
        "/id/state/FRA", headers={"Accept": "text/html,application/xhtml+xml;q=0.9"}, follow_redirects=False
    )
    assert r.status_code == 303
    assert r.headers["location"] == "/ui/states/FRA"


def test_unknown_id_is_404_with_suggestions(client):
    r = client.get("/id/treaty/budapest-conventon", headers={"Accept": "text/turtle"})
    assert r.status_code == 404
    body = r.json()
    assert "budapest-convention" in body["suggestions"]
    assert "budapest-conventon" in body["detail"]


def test_ontology_dereferences(client):
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert "TreatyParticipation" in r.text
