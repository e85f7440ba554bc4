"""Issue 5: `cybergov validate CONTRIBUTION` reports each defect of tests/fixtures/contributions
with the right exit code, resource, property, file and line (canonical data: tests/fixtures/data)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.config import Settings
from kg.curate.contribution import parse_contribution_text
from kg.curate.curator_checks import iso_advice
from kg.curate.report import CheckReport, json_schema

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
CONTRIBUTIONS = REPO / "tests" / "fixtures" / "contributions"
ID = "https://w3id.org/cybergov/id/"
CGO = "https://w3id.org/cybergov/ontology#"


@pytest.fixture(scope="module")
def canonical(tmp_path_factory) -> Settings:
    """Settings whose canonical data is tests/fixtures/canonical (France, CoE, Budapest Convention)."""
    return Settings(
        root=REPO,
        data_dir=REPO / "tests" / "fixtures" / "canonical",
        cache_dir=tmp_path_factory.mktemp("cache"),
    )


def env(settings) -> dict[str, str]:
    return {
        "CYBERGOV_ROOT": str(settings.root),
        "CYBERGOV_DATA_DIR": str(settings.data_path),
        "CYBERGOV_CACHE_DIR": str(settings.cache_path),
    }


def validate(settings, *names: str, fmt: str = "json"):
    paths = [str(CONTRIBUTIONS / n) for n in names]
    return runner.invoke(app, ["validate", *paths, "--format", fmt], env=env(settings))


def report_of(result) -> dict:
    report = json.loads(result.output)
    CheckReport.model_validate(report)  # the CLI's JSON is the documented model
    return report


def only_problem(report: dict, **expected) -> dict:
    """The one problem whose fields contain the expected fragments (a failing assert lists them all)."""
    matches = [
        p
        for p in report["problems"]
        if all(p.get(k) is not None and v in str(p.get(k)) for k, v in expected.items())
    ]
    assert len(matches) == 1, (expected, report["problems"])
    return matches[0]


def test_good_contribution_conforms_and_summarizes_its_changes(canonical):
    result = validate(canonical, "good.ttl")
    assert result.exit_code == 0, result.output
    report = report_of(result)
    assert report["conforms"] and report["status"] == 200
    assert report["counts"]["violations"] == 0
    assert report["files"] == ["tests/fixtures/contributions/good.ttl"]
    new = {group["class_iri"]: group["resources"] for group in report["summary"]["new_resources"]}
    assert new[CGO + "State"] == [ID + "state/DEU"]
    assert new[CGO + "Membership"] == [ID + "membership/coe/DEU"]
    assert new[CGO + "TreatyParticipation"] == [ID + "participation/budapest-convention/DEU"]
    assert report["summary"]["changed_facts"] == [] and report["summary"]["records_touched"] == []
    assert (
        report["summary"]["new_fact_count"] == 27
    )  # three records of 8 facts, each with its cgo:evidence (issue 11)
    fact = next(f for f in report["summary"]["new_facts"] if f["predicate"] == CGO + "consentDate")
    assert (fact["file"], fact["line"]) == ("tests/fixtures/contributions/good.ttl", 29)


def test_good_contribution_text_report(canonical):
    result = validate(canonical, "good.ttl", fmt="text")
    assert result.exit_code == 0
    assert "new cgo:State: 1  (state:DEU)" in result.output
    assert result.output.strip().splitlines()[-1].startswith("conforms: 0 violation(s)")
    assert "\x1b[" not in result.output  # no colour when stdout is not a terminal


# fixture, expected fragments of the one problem: (focus, path, value, message), line
DEFECTS = [
    (
        "missing-source.ttl",
        (
            "participation/budapest-convention/DEU",
            "http://purl.org/dc/terms/source",
            None,
            "needs at least one dct:source",
        ),
        16,
    ),
    (
        "consent-before-signature.ttl",
        ("participation/budapest-convention/DEU", CGO + "consentDate", "2001-01-09", "before the signature"),
        25,
    ),
    (
        "unknown-treaty.ttl",
        ("participation/foo/FRA", CGO + "instrument", ID + "treaty/foo", "Unknown treaty"),
        18,
    ),
    (
        "alpha2-state.ttl",
        (
            "participation/budapest-convention/FR",
            CGO + "participant",
            ID + "state/FR",
            "'FR' is an ISO 3166-1 alpha-2 code where an alpha-3 code is expected: write FRA",
        ),
        18,
    ),
    (
        "duplicate-record.ttl",
        (
            "participation/budapest-convention/france",
            None,
            ID + "participation/budapest-convention/FRA",
            "same participant and treaty",
        ),
        16,
    ),
    (
        "duplicate-organization.ttl",
        (
            "organization/council-of-europe",
            "http://www.w3.org/2000/01/rdf-schema#label",
            ID + "organization/coe",
            "already has the label",
        ),
        18,
    ),
    (
        "type-clash.ttl",
        (
            "state/FRA",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            CGO + "International",
            "both a cgo:State and a cgo:InternationalOrganization",
        ),
        16,
    ),
    (
        "functional-date.ttl",
        ("participation/budapest-convention/FRA", CGO + "signatureDate", "2001-11-24", "takes one value"),
        17,
    ),
    ("future-date.ttl", ("participation/budapest-convention/FRA", None, "2999-01-01", "in the future"), 17),
    (
        "bad-source.jsonld",
        ("organization/enisa", "http://purl.org/dc/terms/source", "ftp://example.org", "http(s) URL"),
        12,
    ),
]


@pytest.mark.parametrize(("name", "expected", "line"), DEFECTS, ids=[d[0] for d in DEFECTS])
def test_defect_exits_1_naming_node_property_file_and_line(canonical, name, expected, line):
    result = validate(canonical, name)
    assert result.exit_code == 1, result.output
    report = report_of(result)
    assert not report["conforms"] and report["status"] == 422
    focus, path, value, message = expected
    fields = {"focus": ID + focus, "message": message}
    fields.update({k: v for k, v in (("path", path), ("value", value)) if v is not None})
    problem = only_problem(report, **fields)
    assert problem["focus"] == ID + focus
    assert problem["severity"] == "Violation"
    assert (problem["file"], problem["line"]) == (f"tests/fixtures/contributions/{name}", line)
    group = next(g for g in report["focus_nodes"] if g["focus"] == problem["focus"])
    assert problem in group["problems"]
    # only the contribution's resources are listed; the canonical data's own problems are counted
    assert all(p["file"] == f"tests/fixtures/contributions/{name}" for p in report["problems"]), report[
        "problems"
    ]


def test_type_clash_is_a_reasoner_problem(canonical):
    report = report_of(validate(canonical, "type-clash.ttl"))
    problem = only_problem(report, message="declares disjoint")
    assert problem["kind"] == "consistency" and report["counts"]["inconsistencies"] >= 1


def test_functional_date_is_a_changed_fact(canonical):
    report = report_of(validate(canonical, "functional-date.ttl"))
    assert report["summary"]["changed_facts"] == [
        {
            "subject": ID + "participation/budapest-convention/FRA",
            "predicate": CGO + "signatureDate",
            "old": "2001-11-23",
            "new": "2001-11-24",
            "file": "tests/fixtures/contributions/functional-date.ttl",
            "line": 17,
        }
    ]
    assert report["summary"]["records_touched"] == [ID + "participation/budapest-convention/FRA"]


def test_unknown_state_is_not_reported_twice_when_the_id_is_alpha2(canonical):
    report = report_of(validate(canonical, "alpha2-state.ttl"))
    assert not [p for p in report["problems"] if p["message"].startswith("Unknown state")]


def test_syntax_errors_exit_2_with_every_error_file_line_column(canonical):
    result = validate(canonical, "syntax-errors.ttl")
    assert result.exit_code == 2, result.output
    report = report_of(result)
    assert not report["readable"] and report["status"] == 400 and report["problems"] == []
    where = [(e["file"], e["line"], e["column"]) for e in report["syntax_errors"]]
    assert where == [
        ("tests/fixtures/contributions/syntax-errors.ttl", 7, 26),
        ("tests/fixtures/contributions/syntax-errors.ttl", 12, 46),
        ("tests/fixtures/contributions/syntax-errors.ttl", 14, 23),
    ]
    assert "valid RDF object" in report["syntax_errors"][0]["message"]
    text = validate(canonical, "syntax-errors.ttl", fmt="text")
    assert text.exit_code == 2 and "syntax-errors.ttl:12:46" in text.output


def test_remote_jsonld_context_is_refused_not_fetched(canonical):
    result = validate(canonical, "remote-context.jsonld")
    assert result.exit_code == 2
    (error,) = report_of(result)["syntax_errors"]
    assert "remote JSON-LD contexts are not loaded" in error["message"]
    assert (error["file"], error["line"]) == ("tests/fixtures/contributions/remote-context.jsonld", 2)


def test_rdfxml_entities_are_refused(canonical):
    result = validate(canonical, "entity.rdf")
    assert result.exit_code == 2
    (error,) = report_of(result)["syntax_errors"]
    assert "entity" in error["message"] and error["line"] == 3


def test_several_files_are_one_contribution(canonical):
    report = report_of(validate(canonical, "good.ttl", "unknown-treaty.ttl"))
    assert report["files"] == [
        "tests/fixtures/contributions/good.ttl",
        "tests/fixtures/contributions/unknown-treaty.ttl",
    ]
    problem = only_problem(report, message="Unknown treaty")
    assert (problem["file"], problem["line"]) == ("tests/fixtures/contributions/unknown-treaty.ttl", 18)
    # one file may complete another's record: good.ttl gives the participation missing-source.ttl lacks a source for
    assert validate(canonical, "good.ttl", "missing-source.ttl").exit_code == 0


def test_turtle_format_is_a_shacl_report(canonical):
    result = validate(canonical, "unknown-treaty.ttl", fmt="turtle")
    assert result.exit_code == 1
    graph = Graph().parse(data=result.output, format="turtle")
    rows = list(
        graph.query("""PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?value WHERE { ?r a sh:ValidationReport ; sh:conforms false ; sh:result [ sh:focusNode ?focus ;
        sh:value ?value ; sh:resultMessage ?m ] FILTER CONTAINS(STR(?m), "Unknown treaty") }""")
    )
    assert [(str(f), str(v)) for f, v in rows] == [(ID + "participation/foo/FRA", ID + "treaty/foo")]


def test_missing_file_and_unknown_format_exit_2(canonical, tmp_path):
    assert validate(canonical, "no-such-file.ttl").exit_code == 2
    odd = tmp_path / "contribution.csv"
    odd.write_text("a,b\n")
    result = runner.invoke(app, ["validate", str(odd)], env=env(canonical))
    assert result.exit_code == 2 and "unknown RDF format" in result.output


def test_turtle_recovery_resumes_after_each_broken_statement():
    text = "@prefix a: <http://x/> .\na:b a:c a:d .\na:b a:c\na:e a:f a:g .\na:h a:i a:j .\na:k a:l .\n"
    source, errors = parse_contribution_text(text, name="t.ttl", fmt=ox.RdfFormat.TURTLE)
    assert source is None
    assert [(e.line, e.column) for e in errors] == [(4, 5), (6, 9)]


def test_ntriples_recovery_resumes_on_the_next_line():
    text = "<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> .\n<http://x/a> <http://x/b> 1 .\n"
    _source, errors = parse_contribution_text(text, name="t.nt", fmt=ox.RdfFormat.N_TRIPLES)
    assert [e.line for e in errors] == [2, 3]


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        ("FRA", None),
        ("fra", "not upper case"),
        ("DE", "alpha-2 code where an alpha-3 code is expected: write DEU"),
        ("276", "numeric code where an alpha-3 code is expected: write DEU"),
        ("XYZ", "not an ISO 3166-1 alpha-3 code"),
    ],
)
def test_iso_advice(code, advice):
    result = iso_advice(code)
    assert result is None if advice is None else advice in result


def test_exported_json_schema_is_current():
    exported = json.loads((REPO / "docs" / "validation-report.schema.json").read_text())
    assert exported == json_schema(), "run: python -m kg.curate.report > docs/validation-report.schema.json"


def test_relative_iris_are_refused_not_turned_into_ids(canonical, tmp_path):
    contribution = tmp_path / "relative.ttl"
    contribution.write_text(
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "<https://w3id.org/cybergov/id/state/FRA> dct:source <www.example.org/page> .\n"
    )
    result = runner.invoke(app, ["validate", str(contribution), "--format", "json"], env=env(canonical))
    assert result.exit_code == 2
    (error,) = json.loads(result.output)["syntax_errors"]
    assert error["line"] == 2 and "write full IRIs" in error["message"]


def test_a_state_under_another_iri_is_a_duplicate(canonical, tmp_path):
    contribution = tmp_path / "france-again.ttl"
    contribution.write_text(
        "@prefix cgo: <https://w3id.org/cybergov/ontology#> .\n"
        "<https://w3id.org/cybergov/id/state/FRANCE> a cgo:State ;\n"
        '    cgo:alpha3Code "FRA" .\n'
    )
    result = runner.invoke(app, ["validate", str(contribution), "--format", "json"], env=env(canonical))
    assert result.exit_code == 1
    report = json.loads(result.output)
    problem = only_problem(report, message="already has the alpha-3 code FRA")
    assert (problem["focus"], problem["value"], problem["line"]) == (ID + "state/FRANCE", ID + "state/FRA", 3)
    assert only_problem(report, message="'FRANCE' is not an ISO 3166-1 alpha-3 code")["line"] == 2


def reference_problems(settings: Settings, path: Path) -> list[tuple]:
    """The problems the reference engines find (owlrl closure, pyshacl, the same queries and ISO check): the
    oracle of the product's check, which runs neither (kg.curate.checking)."""
    from oracles import closure_owlrl
    from rdflib import URIRef

    from kg.build.pipeline import load_inputs
    from kg.build.report import validate_graph
    from kg.curate.checking import _dedupe_unknown_states, _owlrl_problems
    from kg.curate.contribution import read_paths
    from kg.curate.curator_checks import iso_problems, known_state_iris, oxigraph_store, query_problems
    from kg.namespaces import GRAPH_ASSERTED, GRAPH_ONTOLOGY

    loaded = load_inputs(settings)
    contribution = read_paths([path], root=settings.root)
    added = Graph()
    for source in contribution.sources:
        added += source.graph
    asserted = loaded.data_graph + added
    reasoning = closure_owlrl(asserted, loaded.ontology_graph)
    full = loaded.ontology_graph + asserted
    for s, p, o in reasoning.inferred:  # without the literals a functional-property clash copies everywhere
        if not (isinstance(o, Literal) and any(isinstance(v, Literal) for v in asserted.objects(s, p))):
            full.add((s, p, o))
    store = oxigraph_store(full, named={GRAPH_ASSERTED: asserted, GRAPH_ONTOLOGY: loaded.ontology_graph})
    sources = contribution.sources + loaded.data + loaded.ontology
    focus = {s for s in added.subjects() if isinstance(s, URIRef)}
    consistency = query_problems(store, "build/consistency", focus=focus, kind="consistency", sources=sources)
    consistency += _owlrl_problems(reasoning.problems, consistency)
    curator = query_problems(store, "curate/checks", focus=focus, kind="curator", sources=sources)
    curator += iso_problems(added, known_states=known_state_iris(loaded.data_graph), sources=sources)
    problems = validate_graph(full, loaded.shapes_graph, sources=sources).problems + consistency
    problems += _dedupe_unknown_states(curator)
    mine = {str(s) for s in added.subjects()}
    return sorted(
        tuple(str(x) for x in (p.severity, p.focus, p.path, p.value, p.file, p.line, p.kind))
        for p in problems
        if p.focus in mine
    )


@pytest.mark.parametrize(
    "name",
    [
        "consent-before-signature.ttl",
        "functional-date.ttl",
        "type-clash.ttl",
        "duplicate-record.ttl",
        "unknown-treaty.ttl",
        "missing-source.ttl",
        "good.ttl",
    ],
)
def test_check_reports_what_the_reference_engines_report(canonical, name):
    """The check (incremental where it can be, rules and shapes on pyoxigraph) and owlrl + pyshacl find the
    same problems."""
    from kg.curate.checking import check_paths

    result = check_paths(canonical, [CONTRIBUTIONS / name])
    fast = sorted(
        tuple(str(x) for x in (p.severity, p.focus, p.path, p.value, p.file, p.line, p.kind))
        for p in result.problems
    )
    assert fast == reference_problems(canonical, CONTRIBUTIONS / name)
    assert fast or name == "good.ttl"
