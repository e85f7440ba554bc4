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


def test_unknown_id_suggests_the_id_in_its_own_case_or_code(client):
    """A 404 names the id meant when only its case differs, or when a state was given by another code."""
    for path, meant in (
        ("/id/treaty/Budapest-Convention", "budapest-convention"),
        ("/id/state/fr", "FRA"),
        ("/id/state/france", "FRA"),
        ("/id/organization/COE", "coe"),
    ):
        r = client.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 404, path
        assert meant in r.json()["suggestions"], (path, r.json())


def test_unknown_record_or_kind_is_404_without_suggestions(client):
    """Records (memberships, participations, ...) and kinds no REST answer lists get a 404 with no suggestions: their
    ids are not indexed, and no pass over the whole graph is made to find close ones."""
    for path in (
        "/id/membership/coe/XXX",
        "/id/participation/budapest-convention/XXX",
        "/id/states/FRA",
        "/id/instrument/budapest-convention",  # a treaty: its IRI is under /id/treaty/, not suggested as an instrument
    ):
        r = client.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 404, path
        assert r.json()["suggestions"] == [], (path, r.json())
    assert client.get("/id/membership/coe/FRA", headers={"Accept": "text/turtle"}).status_code == 200


def test_ontology_dereferences(client):
    r = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    assert "TreatyParticipation" in r.text
