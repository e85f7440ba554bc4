"""Schemathesis over the OpenAPI document (issue 10): no 5xx, and every answer as documented.

Each operation of /openapi.json gets POSITIVE_EXAMPLES requests generated from its schema (valid parameters
and bodies) and NEGATIVE_EXAMPLES generated to violate it (25 and 15 on the embedded store, 8 and 4 on the
remote passes), sent in-process (ASGI) to the app over the fixture store. Every response must pass
schemathesis's checks: not a server error, a documented status code, a documented Content-Type, a body that
validates against the documented schema (errors included: RFC 9457 problem details). Random ids mostly meet
404s and random text is no SPARQL, so about half of the valid requests to a route with an `{id}` name a
resource that exists, and to /sparql send a named query (SELECT or CONSTRUCT); each valid request also asks
for one of the media types its 200 documents (JSON, CSV, JSON-LD, Turtle, SPARQL results...) or none. Runs are
derandomized so CI is reproducible."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.transport.asgi import ASGI_TRANSPORT
from schemathesis.transport.requests import REQUESTS_TRANSPORT
from schemathesis.transport.wsgi import WSGI_TRANSPORT

from api.app import create_app
from kg import named_queries
from kg.namespaces import ID

SPARQL_QUERY = "application/sparql-query"
# Per operation: the full run on the embedded store (the first pass of make test); the passes over remote
# engines run tests/api again, where a shorter run checks the same documents against their answers.
EMBEDDED = os.environ.get("CYBERGOV_TEST_BACKEND", "embedded") == "embedded"
POSITIVE_EXAMPLES = 25 if EMBEDDED else 8
NEGATIVE_EXAMPLES = 15 if EMBEDDED else 4
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# The operations, read from the app's own routes (no store is opened to list them).
OPERATIONS = sorted(
    (method.upper(), path) for path, item in create_app().openapi()["paths"].items() for method in item
)


@pytest.fixture(scope="module")
def api_schema(fixture_settings, fixture_store):
    # schemathesis has no serializer for application/sparql-query: send those bodies as text, for this module
    schemathesis.serializer.alias(SPARQL_QUERY, "text/plain")
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(fixture_settings, store=fixture_store))
    for transport in (ASGI_TRANSPORT, REQUESTS_TRANSPORT, WSGI_TRANSPORT):
        transport.unregister_serializer(SPARQL_QUERY)


@pytest.fixture(scope="module")
def known(client) -> dict[tuple[str, str], list[dict]]:
    """Parts of requests the server can answer with 200, by operation: path parameters naming resources
    that exist, and named queries (kg/queries) for /sparql."""
    ids = {
        kind: [i["id"] for i in client.get(f"/{kind}", params={"limit": 5000}).json()["items"]]
        for kind in ("instruments", "treaties", "organizations", "states", "norms")
    }
    paths = {f"/{kind}/{{id}}": [{"id": i} for i in values] for kind, values in ids.items()}
    paths["/treaties/{id}/parties"] = paths["/treaties/{id}"]
    paths["/organizations/{id}/members"] = paths["/organizations/{id}"]
    paths["/states/{id}/memberships"] = paths["/states/{id}/treaties"] = paths["/states/{id}"]
    iris = [
        i["iri"]
        for kind in ("instruments", "organizations", "states", "norms")
        for i in client.get(f"/{kind}", params={"limit": 5000}).json()["items"]
    ]
    paths["/id/{kind}/{slug}"] = [
        dict(zip(("kind", "slug"), iri.removeprefix(str(ID)).split("/", 1), strict=False)) for iri in iris
    ]
    known = {("GET", path): [{"path_parameters": p} for p in values] for path, values in paths.items()}
    queries = [named_queries.get(name).text for name in ("states", "class-counts", "ontology-graph")]
    known[("GET", "/sparql")] = [{"query": {"query": q}} for q in queries]
    known[("POST", "/sparql")] = [{"body": q, "media_type": SPARQL_QUERY} for q in queries]
    assert all(known.values())
    return known


def _fuzz(api_schema, known, method: str, path: str, mode: GenerationMode, examples: int) -> dict[int, int]:
    """Send up to `examples` generated requests; the statuses seen (a failing check raises)."""
    operation = api_schema[path][method]
    statuses: dict[int, int] = {}
    real = known.get((method, path), []) if mode == GenerationMode.POSITIVE else []
    responses = api_schema.raw_schema["paths"][path][method.lower()]["responses"]
    offered = responses.get("200", {}).get("content", {})
    accepts = [None, *offered] if mode == GenerationMode.POSITIVE else [None]

    @given(
        case=operation.as_strategy(generation_mode=mode),
        existing=st.sampled_from([None, *real]) if real else st.none(),
        accept=st.sampled_from(accepts),
    )
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    def run(case, existing, accept):
        for part, value in (existing or {}).items():
            if isinstance(value, dict):
                getattr(case, part).update(value)
            else:
                setattr(case, part, value)
        if accept:
            case.headers = {**(case.headers or {}), "Accept": accept}
        response = case.call()
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS)

    run()
    return statuses


def test_every_route_is_fuzzed():
    paths = {path for _method, path in OPERATIONS}
    for route in (
        "/instruments",
        "/treaties/{id}/parties",
        "/organizations/{id}/members",
        "/states/{id}/treaties",
        "/sparql",
        "/validate",
        "/id/{kind}/{slug}",
        "/health",
    ):
        assert route in paths


@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_generated_requests_get_documented_answers(api_schema, known, method, path):
    statuses = _fuzz(api_schema, known, method, path, GenerationMode.POSITIVE, POSITIVE_EXAMPLES)
    assert sum(statuses.values()) > 0
    if (method, path) in known:  # existing resources and real queries were reached, not only 404s and 400s
        assert any(200 <= status < 300 for status in statuses), statuses
    try:
        negative = _fuzz(api_schema, known, method, path, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES)
    except Unsatisfiable:  # nothing in the request can be made invalid (no parameter, or a free-form id)
        negative = {}
    print(
        f"{method} {path}: {sum(statuses.values())} valid {statuses}, "
        f"{sum(negative.values())} invalid {negative}"
    )
