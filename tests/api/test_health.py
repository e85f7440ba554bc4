"""GET /health answers the contract's shape over the fixture store."""


def test_health_reports_triples_and_version(client, fixture_store):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["version"] == fixture_store.version
    assert body["triples"] > 100
