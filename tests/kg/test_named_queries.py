"""The `#+` headers of the .rq files under kg/ are YAML in grlc's dialect (issue 12), and what the code reads
from them (summaries, parameters, check messages) is what it read before they became YAML.

grlc (https://github.com/CLARIAH/grlc, src/gquery.py `get_yaml_decorators`) takes every line that starts with
`#+`, strips the leading `#` and `+` characters and loads the rest with PyYAML's safe_load; its keys are read by
name (summary, description, endpoint, endpoint_in_url, method, pagination, tags, enumerate, defaults, transform),
so the project's own keys (params, severity, message) are ignored there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.term import Variable

from kg import named_queries
from kg.errors import LoadError

KG = Path(named_queries.PACKAGE_DIR)
RQ_FILES = sorted(KG.rglob("*.rq"))
GRLC_KEYS = {
    "summary",
    "description",
    "endpoint",
    "endpoint_in_url",
    "method",
    "pagination",
    "tags",
    "enumerate",
    "defaults",
    "transform",
}
PROJECT_KEYS = {"params", "severity", "message", "rerun_binds"}


def _grlc_header(text: str):
    """The header as grlc reads it (its rule restated here, not the module under test)."""
    return yaml.safe_load("\n".join(row.lstrip("#+") for row in text.split("\n") if row.startswith("#+")))


def _variables(node) -> set[str]:
    if isinstance(node, Variable):
        return {str(node)}
    if isinstance(node, dict):
        return set().union(*(_variables(v) for v in node.values())) if node else set()
    if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        return set().union(*(_variables(v) for v in node)) if len(node) else set()
    return set()


def _parsed(text: str):
    try:
        return parseQuery(text)
    except ParseException:  # not a query: an update is the other form the folders hold
        return parseUpdate(text)


def test_the_folders_hold_queries():
    folders = {p.parent.relative_to(KG).as_posix() for p in RQ_FILES}
    assert {
        "queries",
        "build/rules",
        "build/consistency",
        "curate/checks",
        "build/pipeline_queries",
        "build/owl2rl",
        "build/owl2rl/errors",
    } <= folders
    assert len(RQ_FILES) >= 70


@pytest.mark.parametrize("path", RQ_FILES, ids=lambda p: p.relative_to(KG).as_posix())
def test_header_is_a_grlc_yaml_mapping(path: Path):
    text = path.read_text(encoding="utf-8")
    header = _grlc_header(text)
    assert isinstance(header, dict), f"{path}: the #+ lines are not a YAML mapping"
    assert set(header) <= GRLC_KEYS | PROJECT_KEYS, (
        f"{path}: keys grlc does not define: {set(header) - GRLC_KEYS}"
    )
    assert isinstance(header.get("summary"), str) and header["summary"].strip(), f"{path}: no summary"
    for key in ("description", "message", "severity"):
        assert isinstance(header.get(key, ""), str), f"{path}: {key} is not text"
    params = header.get("params", {})
    assert isinstance(params, dict) and all(isinstance(v, str) for v in params.values()), path
    # the header comes first: every #+ line is in the leading block, before the SPARQL
    lines = text.splitlines()
    marked = [i for i, line in enumerate(lines) if line.startswith("#+")]
    assert marked == list(range(len(marked))), f"{path}: a #+ line after the query starts"


@pytest.mark.parametrize("path", RQ_FILES, ids=lambda p: p.relative_to(KG).as_posix())
def test_each_parameter_is_a_variable_of_the_query(path: Path):
    query = named_queries.read_query(path)
    missing = set(query.params) - _variables(_parsed(query.text))
    assert not missing, f"{path}: params not used as ?variables: {missing}"


@pytest.mark.parametrize("path", RQ_FILES, ids=lambda p: p.relative_to(KG).as_posix())
def test_a_rule_binds_on_a_run_again_a_variable_of_its_query(path: Path):
    query = named_queries.read_query(path)
    if query.rerun_binds:
        assert "/build/" in path.as_posix(), f"{path}: rerun_binds is for the build's rules"
        assert query.rerun_binds in _variables(_parsed(query.text)), path


def test_the_reader_gives_what_grlc_reads():
    for path in RQ_FILES:
        query = named_queries.read_query(path)
        header = _grlc_header(query.text)
        assert (query.summary, query.description, query.params) == (
            header["summary"],
            header.get("description", ""),
            header.get("params", {}),
        )


def test_yaml_keywords_stay_parameter_names():
    # YAML 1.1 (PyYAML, grlc) reads a bare `on` key as the boolean True; the header quotes it
    for name in ("participations-on", "memberships-on"):
        assert next(iter(named_queries.get(name).params)) == "on"
    assert list(named_queries.get("reported-totals").params) == ["of", "status"]


def test_what_the_api_and_checks_read_is_unchanged():
    """Values as the line-based reader gave them before the headers became YAML."""
    assert named_queries.get("evidence-counts").summary == (
        "Curated records per evidence level (cgo:evidence: depositary, official, secondary), and records with none."
    )
    assert named_queries.get("instruments").params == {
        "instrument": "one instrument IRI (optional)",
        "of_class": "a class the instrument must have, e.g. cgo:Treaty (optional)",
        "q": "case-insensitive substring of a label, alternative label or official number (optional)",
    }
    assert named_queries.get("endorsements").description == (
        "Answers the `endorsements` of GET /norms/{id}. `record` is unbound for a direct cgo:endorses link."
    )
    check = named_queries.parse_header(named_queries.get("duplicate-organization", "curate/checks").text)
    assert check["severity"] == "Violation"
    assert check["message"] == (
        'Another organization ({value}) already has the label "{label}": a duplicate under '
        "another IRI; add facts to {value} instead."
    )
    consistency = named_queries.parse_header(named_queries.get("disjoint-classes", "build/consistency").text)
    assert consistency["message"].startswith("{resource} is both a {class1} and a {class2}")


def test_a_header_that_is_not_yaml_is_a_load_error_with_its_line():
    text = "#+ summary: fine\n#+ description: a: b: c\nSELECT * WHERE { ?s ?p ?o }\n"
    with pytest.raises(LoadError) as caught:
        named_queries.parse_header(text, source="bad.rq")
    assert caught.value.position.file == "bad.rq" and caught.value.position.line == 2


def test_a_header_that_is_not_a_mapping_is_a_load_error(tmp_path: Path):
    path = tmp_path / "list.rq"
    path.write_text("#+ - summary\nASK {}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="mapping"):
        named_queries.read_query(path)


def test_params_must_map_names_to_meanings(tmp_path: Path):
    path = tmp_path / "params.rq"
    path.write_text("#+ summary: s\n#+ params: on; off\nASK {}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="params"):
        named_queries.read_query(path)


def test_no_header_is_an_empty_one():
    assert named_queries.parse_header("ASK {}") == {}


@pytest.mark.parametrize("path", RQ_FILES, ids=lambda p: p.relative_to(KG).as_posix())
def test_no_query_gives_its_own_dataset(path: Path):
    """The embedded store reads its default graph as two graphs (kg.store.engine.dataset_args), which pyoxigraph would
    put in place of a FROM clause: the project's queries (run in process without a parse) have none."""
    parsed = _parsed(named_queries.read_query(path).text)
    if type(parsed).__name__ == "ParseResults" and len(parsed) > 1:  # a query: prologue, then the query
        # CompValue.get answers the key itself when it is missing: dict.get is the field
        assert not dict.get(parsed[1], "datasetClause"), f"{path} has FROM / FROM NAMED"
