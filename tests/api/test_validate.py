"""Issue 5 over HTTP: POST /validate answers each contribution fixture with the right status and a
report naming the right node, property, file and line; limits on size (413) and time (503)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from kg.cli import app as cli
from kg.config import Settings
from kg.curate.report import CheckReport

REPO = Path(__file__).resolve().parents[2]
CONTRIBUTIONS = REPO / "tests" / "fixtures" / "contributions"
ID = "https://w3id.org/cybergov/id/"
CGO = "https://w3id.org/cybergov/ontology#"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def canonical(tmp_path_factory) -> Settings:
    """Settings whose canonical data is tests/fixtures/canonical (France, CoE, Budapest Convention)."""
    return Settings(
        root=REPO,
        data_dir=REPO / "tests" / "fixtures" / "canonical",
        cache_dir=tmp_path_factory.mktemp("cache"),
    )


@pytest.fixture(scope="module")
def client(canonical, fixture_store):
    """An app validating against the canonical fixture (the store is not used by POST /validate)."""
    with TestClient(create_app(canonical, store=fixture_store)) as test_client:
        yield test_client


def upload(client, *names: str, media_type: str = "text/turtle"):
    files = [("file", (name, (CONTRIBUTIONS / name).read_bytes(), media_type)) for name in names]
    return client.post("/validate", files=files)


def raw(client, name: str, media_type: str):
    return client.post(
        "/validate", content=(CONTRIBUTIONS / name).read_bytes(), headers={"Content-Type": media_type}
    )


def the_problem(report: dict, fragment: str) -> dict:
    matches = [p for p in report["problems"] if fragment in p["message"]]
    assert len(matches) == 1, report["problems"]
    return matches[0]


def test_good_contribution_is_200_json(client):
    response = raw(client, "good.ttl", "text/turtle")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    report = CheckReport.model_validate(response.json())
    assert report.conforms and report.files == ["<request>"]
    assert {g.class_iri for g in report.summary.new_resources} == {
        CGO + "State",
        CGO + "Membership",
        CGO + "TreatyParticipation",
    }


@pytest.mark.parametrize(
    ("name", "fragment", "focus", "path", "line"),
    [
        (
            "missing-source.ttl",
            "needs at least one dct:source",
            "participation/budapest-convention/DEU",
            "http://purl.org/dc/terms/source",
            16,
        ),
        (
            "consent-before-signature.ttl",
            "before the signature",
            "participation/budapest-convention/DEU",
            CGO + "consentDate",
            25,
        ),
        ("unknown-treaty.ttl", "Unknown treaty", "participation/foo/FRA", CGO + "instrument", 18),
        (
            "alpha2-state.ttl",
            "alpha-2 code where an alpha-3 code is expected",
            "participation/budapest-convention/FR",
            CGO + "participant",
            18,
        ),
        (
            "duplicate-record.ttl",
            "same participant and treaty",
            "participation/budapest-convention/france",
            None,
            16,
        ),
        (
            "type-clash.ttl",
            "declares disjoint",
            "state/FRA",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            16,
        ),
    ],
)
def test_defect_is_422_problem_naming_node_property_file_line(client, name, fragment, focus, path, line):
    response = upload(client, name)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    report = response.json()
    assert report["title"] == "Does not conform" and report["status"] == 422 and report["detail"]
    problem = the_problem(report, fragment)
    assert (problem["focus"], problem["path"]) == (ID + focus, path)
    assert (problem["file"], problem["line"]) == (name, line)


def test_raw_body_problems_point_at_the_request(client):
    response = raw(client, "unknown-treaty.ttl", "text/turtle; charset=utf-8")
    assert response.status_code == 422
    problem = the_problem(response.json(), "Unknown treaty")
    assert (problem["file"], problem["line"], problem["value"]) == ("<request>", 18, ID + "treaty/foo")


def test_several_files_in_one_form(client):
    response = upload(client, "good.ttl", "unknown-treaty.ttl")
    assert response.status_code == 422
    report = response.json()
    assert report["files"] == ["good.ttl", "unknown-treaty.ttl"]
    assert the_problem(report, "Unknown treaty")["file"] == "unknown-treaty.ttl"


def test_part_without_rdf_type_takes_the_format_from_the_file_name(client):
    response = upload(client, "bad-source.jsonld", media_type="application/octet-stream")
    assert response.status_code == 422
    problem = the_problem(response.json(), "http(s) URL")
    assert (problem["focus"], problem["file"]) == (ID + "organization/enisa", "bad-source.jsonld")


def test_syntax_errors_are_400_with_every_error(client):
    response = upload(client, "syntax-errors.ttl")
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    report = response.json()
    assert report["title"] == "Unreadable RDF" and not report["readable"]
    assert [(e["file"], e["line"], e["column"]) for e in report["syntax_errors"]] == [
        ("syntax-errors.ttl", 7, 26),
        ("syntax-errors.ttl", 12, 46),
        ("syntax-errors.ttl", 14, 23),
    ]


def test_remote_jsonld_context_is_400_and_never_fetched(client):
    response = raw(client, "remote-context.jsonld", "application/ld+json")
    assert response.status_code == 400
    (error,) = response.json()["syntax_errors"]
    assert "remote JSON-LD contexts are not loaded" in error["message"] and error["line"] == 2


def test_rdfxml_entity_is_400(client):
    response = raw(client, "entity.rdf", "application/rdf+xml")
    assert response.status_code == 400
    assert "entity" in response.json()["syntax_errors"][0]["message"]


def test_same_report_as_the_cli(client, canonical):
    env = {
        "CYBERGOV_ROOT": str(canonical.root),
        "CYBERGOV_DATA_DIR": str(canonical.data_path),
        "CYBERGOV_CACHE_DIR": str(canonical.cache_path),
    }
    printed = CliRunner().invoke(
        cli, ["validate", str(CONTRIBUTIONS / "functional-date.ttl"), "--format", "json"], env=env
    )
    answered = upload(client, "functional-date.ttl").json()
    cli_report = json.loads(printed.output.replace("tests/fixtures/contributions/", ""))
    for report in (cli_report, answered):
        report.pop("seconds"), report.pop("timings")
    assert cli_report["counts"] == answered["counts"]
    assert cli_report == answered


def test_unsupported_media_type_is_415(client):
    response = client.post("/validate", content=b"a,b\n", headers={"Content-Type": "text/csv"})
    assert response.status_code == 415
    assert response.headers["content-type"] == PROBLEM


def test_form_without_a_file_is_422(client):
    response = client.post("/validate", files={"note": (None, "no file here")})
    assert response.status_code == 422 and response.json()["parameter"] == "file"


@pytest.fixture(scope="module")
def small_limits_client(canonical, fixture_store):
    settings = canonical.model_copy(update={"max_upload_bytes": 1000})
    with TestClient(create_app(settings, store=fixture_store)) as test_client:
        yield test_client


def test_oversized_body_is_413(small_limits_client):
    assert (CONTRIBUTIONS / "oversized.ttl").stat().st_size > 1000
    response = raw(small_limits_client, "oversized.ttl", "text/turtle")  # refused on Content-Length
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert "1000 bytes" in response.json()["detail"]
    assert upload(small_limits_client, "oversized.ttl").status_code == 413


def test_oversized_stream_without_length_is_413(small_limits_client):
    def chunks():
        for _ in range(100):
            yield b"# a comment line that pads the body out past the limit ...........\n"

    response = small_limits_client.post(
        "/validate", content=chunks(), headers={"Content-Type": "text/turtle"}
    )
    assert response.status_code == 413


def test_validation_over_its_time_limit_is_stopped_with_503(canonical, fixture_store):
    settings = canonical.model_copy(update={"validate_timeout": 0.01})
    with TestClient(create_app(settings, store=fixture_store)) as slow:
        response = raw(slow, "good.ttl", "text/turtle")
        assert response.status_code == 503
        assert response.headers["content-type"] == PROBLEM
        assert "CYBERGOV_VALIDATE_TIMEOUT" in response.json()["detail"]
        assert slow.app.state.check_pool.pids == []  # the worker running the check was killed
        assert slow.get("/health").status_code == 200  # and the service keeps serving


@pytest.mark.parametrize("body", [b"", b"  \n\t\n"])
def test_an_empty_contribution_is_422_not_a_report_that_conforms(client, body):
    """`curl -d @file` with a file name curl cannot open sends an empty body: that is not a contribution that
    conforms (it used to be 200 "Conforms", 0 new facts)."""
    r = client.post("/validate", content=body, headers={"Content-Type": "text/turtle"})
    assert r.status_code == 422, r.text
    assert r.json()["parameter"] == "body" and "empty" in r.json()["detail"]
    r = client.post("/validate", files={"file": ("empty.ttl", body, "text/turtle")})
    assert r.status_code == 422, r.text
    assert r.json()["parameter"] == "file"
