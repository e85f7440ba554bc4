"""The `cybergov` command's exit codes and reports (issue 2's done-when)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

GOOD = """@prefix cgo: <https://w3id.org/cybergov/ontology#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/cybergov/id/participation/budapest-convention/DEU> a cgo:TreatyParticipation ;
    cgo:participant <https://w3id.org/cybergov/id/state/FRA> ;
    cgo:instrument <https://w3id.org/cybergov/id/treaty/budapest-convention> ;
    cgo:signatureDate "2001-11-23"^^xsd:date ;
    cgo:consentDate "{consent}"^^xsd:date ;
    dct:source <https://www.coe.int/en/web/conventions/> ; cgo:asOf "2026-01-01"^^xsd:date ; cgo:evidence <https://w3id.org/cybergov/id/evidence/depositary> .
"""


def env(settings):
    return {
        "CYBERGOV_ROOT": str(settings.root),
        "CYBERGOV_DATA_DIR": str(settings.data_path),
        "CYBERGOV_CACHE_DIR": str(settings.cache_path),
    }


def test_validate_fixture_data_exits_0(fixture_settings):
    result = runner.invoke(app, ["validate"], env=env(fixture_settings))
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_consent_before_signature_exits_1_naming_record_property_file(fixture_settings, tmp_path):
    contribution = tmp_path / "ratification.ttl"
    contribution.write_text(GOOD.replace("{consent}", "2000-01-01"))
    result = runner.invoke(
        app, ["validate", str(contribution), "--format", "json"], env=env(fixture_settings)
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    problem = next(p for p in report["problems"] if "before the signature" in p["message"])
    assert problem["focus"].endswith("/participation/budapest-convention/DEU")
    assert problem["path"].endswith("#consentDate")
    assert problem["file"].endswith("ratification.ttl")
    assert problem["line"] == 8


def test_unreadable_input_exits_2(fixture_settings, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix a: <http://x/> .\na:b a:c\n")
    result = runner.invoke(app, ["validate", str(broken)], env=env(fixture_settings))
    assert result.exit_code == 2
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.ttl")], env=env(fixture_settings))
    assert missing.exit_code == 2


def test_build_reuses_the_cache_and_stats_shows_graphs(fixture_settings, tmp_path):
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path})
    first = runner.invoke(app, ["build"], env=env(settings))
    assert first.exit_code == 0 and first.output.startswith("built")
    second = runner.invoke(app, ["build", "-o", str(tmp_path / "out.trig")], env=env(settings))
    assert second.exit_code == 0 and second.output.startswith("cache")
    assert (tmp_path / "out.trig").stat().st_size > 0
    stats = runner.invoke(app, ["stats"], env=env(settings))
    assert stats.exit_code == 0
    assert "asserted" in stats.output and "inferred" in stats.output and "state " in stats.output


def test_query_prints_a_table(fixture_settings):
    result = runner.invoke(app, ["query", "SELECT ?s WHERE { ?s a cgo:State }"], env=env(fixture_settings))
    assert result.exit_code == 0, result.output
    assert "state/FRA" in result.output
