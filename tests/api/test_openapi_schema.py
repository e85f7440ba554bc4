"""The OpenAPI document states what the routes accept and answer (issue 10): enums and patterns for the
parameters, every error status as application/problem+json, and the media types each route offers."""

from __future__ import annotations

import re

import pytest

from kg.answers.common import concepts
from kg.answers.instruments import instrument_kinds
from kg.answers.participation import STATUS_VALUES

RECORDS = (
    "/treaties/{id}/parties",
    "/organizations/{id}/members",
    "/states/{id}/memberships",
    "/states/{id}/treaties",
)
LISTS = ("/instruments", "/treaties", "/organizations", "/states", "/norms", "/obligations")
DETAILS = ("/instruments/{id}", "/treaties/{id}", "/organizations/{id}", "/states/{id}", "/norms/{id}")


@pytest.fixture(scope="module")
def openapi(client) -> dict:
    return client.get("/openapi.json").json()


def parameter(openapi: dict, path: str, name: str, method: str = "get") -> dict:
    found = [p for p in openapi["paths"][path][method]["parameters"] if p["name"] == name]
    assert found, f"{path} has no parameter {name}"
    return found[0]["schema"]


def test_status_role_and_kind_list_the_values_the_vocabularies_define(openapi, fixture_store):
    for path in ("/treaties/{id}/parties", "/states/{id}/treaties"):
        assert parameter(openapi, path, "status")["enum"] == list(STATUS_VALUES)
    roles = sorted([*concepts(fixture_store, "MembershipRole"), "all"])
    for path in ("/organizations/{id}/members", "/states/{id}/memberships"):
        assert sorted(parameter(openapi, path, "role")["enum"]) == roles
    kinds = parameter(openapi, "/instruments", "kind")["enum"]
    assert sorted(kinds) == sorted(instrument_kinds(fixture_store))


def test_every_enum_value_is_accepted_and_any_other_is_a_422_naming_the_parameter(client, openapi):
    for path, url, name in (
        ("/treaties/{id}/parties", "/treaties/budapest-convention/parties", "status"),
        ("/organizations/{id}/members", "/organizations/coe/members", "role"),
        ("/instruments", "/instruments", "kind"),
    ):
        for value in parameter(openapi, path, name)["enum"]:
            assert client.get(url, params={name: value}).status_code == 200, (name, value)
        refused = client.get(url, params={name: "nonsense"})
        assert refused.status_code == 422 and refused.json()["parameter"] == name


def test_as_of_is_an_iso_date_wherever_it_is_taken(openapi, client):
    taking = [
        path
        for path, item in openapi["paths"].items()
        if any(p["name"] == "as_of" for p in item.get("get", {}).get("parameters", []))
    ]
    assert set(RECORDS) | {"/states/{id}"} <= set(taking)
    for path in taking:
        schema = parameter(openapi, path, "as_of")
        assert schema["format"] == "date"
        assert re.fullmatch(schema["pattern"], "2020-01-31") and not re.search(schema["pattern"], "2020-1-31")
    response = client.get("/treaties/budapest-convention/parties", params={"as_of": "31/01/2020"})
    assert response.status_code == 422 and response.json()["parameter"] == "as_of"


def test_resource_kind_is_a_lower_case_slug(openapi, client):
    assert parameter(openapi, "/id/{kind}/{slug}", "kind")["pattern"] == "^[a-z][a-z0-9-]*$"
    response = client.get("/id/Not%20a%20kind/FRA")
    assert response.status_code == 422 and response.json()["parameter"] == "kind"
    assert response.headers["content-type"] == "application/problem+json"


def test_error_statuses_are_documented_as_problem_details(openapi):
    problem = openapi["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["properties"])
    expected = {
        **{p: {422, 502, 503} for p in LISTS},
        **{p: {404, 422, 502, 503} for p in DETAILS + RECORDS},
        "/sparql": {400, 403, 406, 413, 422, 502, 503},
        "/id/{kind}/{slug}": {404, 406, 422, 502, 503},
    }
    for path, statuses in expected.items():
        responses = openapi["paths"][path]["get"]["responses"]
        for status in statuses:
            content = responses[str(status)]["content"]
            assert list(content) == ["application/problem+json"], (path, status)
            assert content["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    post = openapi["paths"]["/sparql"]["post"]["responses"]
    assert {"400", "403", "406", "413", "415", "503"} <= set(post)
    validate = openapi["paths"]["/validate"]["post"]["responses"]
    assert {"400", "413", "415", "422", "503"} <= set(validate)
    for every in openapi["paths"].values():  # FastAPI's own 422 body is never sent: ours is a problem detail
        for operation in every.values():
            assert "HTTPValidationError" not in str(operation.get("responses"))


def test_each_route_documents_the_media_types_it_serves(openapi):
    def offered(path, method="get"):
        return set(openapi["paths"][path][method]["responses"]["200"]["content"])

    for path in LISTS:
        assert offered(path) == {"application/json", "text/csv"}, path
    for path in RECORDS:
        assert offered(path) == {"application/json", "text/csv", "application/ld+json"}, path
    for path in DETAILS:
        assert offered(path) == {"application/json", "application/ld+json"}, path
    graph = {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"}
    assert graph <= offered("/id/{kind}/{slug}") and graph <= offered("/ontology")
    assert "application/json" not in offered("/ontology")
    assert graph | {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    } <= offered("/sparql")


def test_framework_errors_are_problem_details_too(client):
    for response in (
        client.get("/no-such-route"),
        client.delete("/health"),
        client.post(
            "/validate",
            content=b"--b\r\nTrue--b--\r\n",
            headers={"content-type": "multipart/form-data; boundary=b"},
        ),
    ):
        assert response.status_code in (400, 404, 405)
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == response.status_code and body["detail"]
