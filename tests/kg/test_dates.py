"""Dates at day, month or year precision, bounds, and treaty rules as inference (issue 11).

The rules in kg/build/rules/date-*.rq write, for every record and date property cgo:P, cgo:PEarliest / cgo:PLatest
(xsd:date) and cgo:PPrecision, and derive dates from the cgo:EntryIntoForceRule resources (cgo:PDerivedBy).
Fixtures: tests/fixtures/dates/ (one record per edge), with the small canonical fixture for the states.
Both reasoning paths (owlrl + the project's rules, and the SPARQL-update path) must give the same triples, and
both validators the same warning for a stated date that disagrees with a rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from oracles import closure_owlrl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.build.loading import load_file, load_folder, merge
from kg.build.reasoning import closure_fast
from kg.build.report import load_shapes, validate_graph
from kg.build.validation import validate_fast
from kg.namespaces import CGO, ID

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
ONTOLOGY = merge(load_folder(REPO / "ontology", root=REPO))
SHAPES = load_shapes(load_folder(REPO / "shapes", root=REPO))
MINIMAL = load_file(FIXTURES / "data" / "minimal.ttl", root=REPO)
INTERVALS = load_file(FIXTURES / "dates" / "intervals.ttl", root=REPO)
WRONG = load_file(FIXTURES / "dates" / "wrong-entry-into-force.ttl", root=REPO)


@pytest.fixture(scope="module")
def asserted() -> Graph:
    return merge([MINIMAL, INTERVALS])


@pytest.fixture(scope="module")
def inferred(asserted) -> Graph:
    return closure_fast(asserted, ONTOLOGY).inferred


def interval(inferred: Graph, record: str, prop: str) -> tuple:
    """(earliest, latest, precision, derived-by) of a record's date property, as strings (None where absent)."""
    subject = ID[record]

    def one(suffix: str):
        values = list(inferred.objects(subject, CGO[prop + suffix]))
        assert len(values) <= 1, (record, prop, suffix, values)
        return str(values[0]).rsplit("/", 1)[-1] if values else None

    return one("Earliest"), one("Latest"), one("Precision"), one("DerivedBy")


def test_interval_values_are_xsd_dates(inferred):
    earliest = list(inferred.objects(ID["membership/fixture-union/AAA"], CGO.startDateEarliest))
    assert earliest == [Literal("1949-01-01", datatype=XSD.date)]


@pytest.mark.parametrize(
    "record, prop, expected",
    [
        # a day stands for itself
        ("participation/fixture-rules-treaty/AAA", "consentDate", ("2010-02-10", "2010-02-10", "day", None)),
        # a year: 1 January to 31 December
        ("membership/fixture-union/AAA", "startDate", ("1949-01-01", "1949-12-31", "year", None)),
        ("organization/fixture-union", "founded", ("1949-01-01", "1949-12-31", "year", None)),
        # a month: its first and last day; February in a leap year (2024, 2000) and not (1900); December
        ("membership/fixture-union/AAA", "endDate", ("2024-02-01", "2024-02-29", "month", None)),
        ("membership/fixture-union/BBB", "startDate", ("1900-02-01", "1900-02-28", "month", None)),
        ("membership/fixture-union/BBB", "endDate", ("2000-02-01", "2000-02-29", "month", None)),
        ("membership/fixture-union/DDD", "endDate", ("2023-12-01", "2023-12-31", "month", None)),
        # a bound only: the other side stays absent
        ("membership/fixture-union/CCC", "startDate", (None, "2015-12-03", "bounded", None)),
        ("membership/fixture-union/CCC", "endDate", ("2020-01-01", None, "bounded", None)),
        # a stated year and a bound together: the intersection, with the stated precision
        ("membership/fixture-union/DDD", "startDate", ("2015-03-01", "2015-12-03", "year", None)),
    ],
)
def test_interval_of_a_stated_or_bounded_date(inferred, record, prop, expected):
    assert interval(inferred, record, prop) == expected


@pytest.mark.parametrize(
    "record, prop, expected",
    [
        # a later consent: the first day of the month following three months after it (November -> March, the year changes)
        (
            "participation/fixture-rules-treaty/CCC",
            "entryIntoForceDate",
            ("2012-03-01", "2012-03-01", "derived", "fixture-rules-treaty-art-9-2"),
        ),
        # among the first consents: the instrument's own entry into force, by the instrument's clause
        (
            "participation/fixture-rules-treaty/AAA",
            "entryIntoForceDate",
            ("2010-07-01", "2010-07-01", "derived", "fixture-rules-treaty-art-9-1"),
        ),
        # from an entry into force on 1 March 2024: the consent in November 2023, the whole month
        (
            "participation/fixture-rules-treaty/DDD",
            "consentDate",
            ("2023-11-01", "2023-11-30", "derived", "fixture-rules-treaty-art-9-2"),
        ),
        # an act: the twentieth day following its publication (27 December 2022 -> 16 January 2023)
        (
            "instrument/fixture-act",
            "entryIntoForceDate",
            ("2023-01-16", "2023-01-16", "derived", "fixture-act-art-45"),
        ),
    ],
)
def test_interval_of_a_derived_date(inferred, record, prop, expected):
    assert interval(inferred, record, prop) == expected


def test_a_derived_date_never_overrides_a_stated_one(inferred):
    # EEE states both dates; BBB's entry into force is stated (the rule would give the same day)
    assert interval(inferred, "participation/fixture-rules-treaty/EEE", "entryIntoForceDate") == (
        "2015-09-01",
        "2015-09-01",
        "day",
        None,
    )
    assert interval(inferred, "participation/fixture-rules-treaty/BBB", "entryIntoForceDate") == (
        "2010-07-01",
        "2010-07-01",
        "day",
        None,
    )
    assert interval(inferred, "treaty/fixture-rules-treaty", "entryIntoForceDate")[2] == "day"


def test_derivations_carry_their_rule_and_provision(inferred, asserted):
    derivation = ID[
        "participation/fixture-rules-treaty/CCC/derived/entryIntoForceDate/fixture-rules-treaty-art-9-2"
    ]
    assert (derivation, CGO.derivedFor, ID["participation/fixture-rules-treaty/CCC"]) in inferred
    rule = inferred.value(derivation, CGO.derivedBy)
    assert rule == ID["rule/fixture-rules-treaty-art-9-2"]
    assert (
        rule,
        URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
        ID["provision/fixture-rules-treaty-art-9"],
    ) in asserted


def test_the_nth_consent_gives_only_a_latest_day(inferred):
    """Records may miss a consent, which could only make the n-th consent earlier: no earliest day is derived."""
    derivation = ID["treaty/fixture-rules-treaty/derived/entryIntoForceDate/fixture-rules-treaty-art-9-1"]
    assert inferred.value(derivation, CGO.derivedLatest) == Literal("2010-07-01", datatype=XSD.date)
    assert inferred.value(derivation, CGO.derivedEarliest) is None


def test_a_rule_for_other_consent_kinds_does_not_apply(asserted):
    data = Graph()
    data += asserted
    record = ID["participation/fixture-rules-treaty/CCC"]
    data.remove((record, CGO.consentKind, None))
    data.add(
        (record, CGO.consentKind, ID["consent/acceptance"])
    )  # the fixture rule names ratification and accession
    inferred = closure_fast(data, ONTOLOGY).inferred
    assert interval(inferred, "participation/fixture-rules-treaty/CCC", "entryIntoForceDate") == (
        None,
        None,
        None,
        None,
    )


def comparable(graph: Graph) -> set:
    return {t for t in graph if not isinstance(t[0], Literal)}


def test_reference_path_gives_the_same_intervals_and_derivations(asserted, inferred):
    reference = closure_owlrl(asserted, ONTOLOGY)
    assert reference.problems == []
    assert comparable(reference.inferred) == comparable(inferred)
    assert any(p == CGO.entryIntoForceDateDerivedBy for p in reference.inferred.predicates())


@pytest.fixture(scope="module")
def with_wrong_date(asserted) -> tuple[Graph, list]:
    data = Graph()
    data += asserted
    data += WRONG.graph
    full = Graph()
    full += ONTOLOGY
    full += data
    full += closure_fast(data, ONTOLOGY).inferred
    return full, [MINIMAL, INTERVALS, WRONG]


def test_a_disagreeing_stated_date_is_a_warning_naming_both(with_wrong_date):
    full, sources = with_wrong_date
    report = validate_fast(full, SHAPES, sources=sources)
    warnings = [p for p in report.problems if p.shape and p.shape.endswith("#DerivedDateAdviceShape")]
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.severity == "Warning"
    assert warning.focus == str(ID["participation/fixture-rules-treaty/FRA"])
    assert warning.path == str(CGO.entryIntoForceDate)
    assert "2015-10-01" in warning.message and "2015-09-01" in warning.message
    assert "fixture-rules-treaty-art-9-2" in warning.message
    assert warning.file == "tests/fixtures/dates/wrong-entry-into-force.ttl" and warning.line


def test_pyshacl_gives_the_same_report(with_wrong_date):
    full, sources = with_wrong_date
    fast = validate_fast(full, SHAPES, sources=sources)
    reference = validate_graph(full, SHAPES, sources=sources)

    def key(p):
        return (p.severity, p.focus, p.path, p.value, p.shape, p.file, p.line)

    assert sorted(map(key, fast.problems)) == sorted(map(key, reference.problems))
    assert [p for p in fast.problems if p.severity == "Violation"] == []


def test_agreeing_fixture_has_no_warning(asserted, inferred):
    full = Graph()
    full += ONTOLOGY
    full += asserted
    full += inferred
    report = validate_fast(full, SHAPES, sources=[MINIMAL, INTERVALS])
    assert [p for p in report.problems if p.severity == "Violation"] == []
    assert not any(
        p.shape and p.shape.endswith(("#DerivedDateAdviceShape", "#BoundedRecordShape"))
        for p in report.problems
    )


def test_a_future_year_or_month_is_caught_like_a_future_day():
    data = Graph().parse(
        data="""
        @prefix cgo: <https://w3id.org/cybergov/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix dct: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix id: <https://w3id.org/cybergov/id/> .
        id:membership\\/coe\\/FRA-future a cgo:Membership ; org:member id:state\\/FRA ; org:organization id:organization\\/coe ;
            org:role id:role\\/member ; cgo:startDate "2999"^^xsd:gYear ; cgo:endDate "2999-01"^^xsd:gYearMonth ;
            dct:source <https://example.org/source> ; cgo:asOf "2026-01-01"^^xsd:date ; cgo:evidence <https://w3id.org/cybergov/id/evidence/official> .""",
        format="turtle",
    )
    full = Graph()
    full += ONTOLOGY
    full += MINIMAL.graph
    full += data
    full += closure_fast(merge([MINIMAL]) + data, ONTOLOGY).inferred
    for report in (validate_fast(full, SHAPES), validate_graph(full, SHAPES)):
        future = {p.path.rsplit("#", 1)[1] for p in report.problems if "in the future" in (p.message or "")}
        assert future == {"startDate", "endDate"}  # not their inferred Latest days, which are not events
