"""Each treaty rule in data/rules/ against the dates the curated records state (issue 11, deliver 4).

The rules (cgo:EntryIntoForceRule) quote their clause from a page read; the reasoner derives dates from them. Where a
record also states the date, the two must agree: a disagreement is a validation warning and, here, a failure unless
it is listed in KNOWN_DISAGREEMENTS with the reason a source gives (none is known: 81 derivations agree).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build.loading import load_folder, merge
from kg.build.reasoning import closure_fast
from kg.namespaces import CGO

REPO = Path(__file__).resolve().parents[2]
RULES = {
    "budapest-convention-art-36-3",
    "budapest-convention-art-36-4",
    "budapest-convention-art-37-2",
    "budapest-first-protocol-art-10-1",
    "budapest-first-protocol-art-10-2",
    "budapest-first-protocol-art-11-2",
    "convention-108-art-22-2",
    "convention-108-art-22-3",
    "convention-108-art-23-2",
    "un-cybercrime-convention-art-65-1",
    "nis2-directive-art-45",
}
# (record, property, stated): a stated date that a rule contradicts, kept because a source confirms it
KNOWN_DISAGREEMENTS: set[tuple[str, str, str]] = set()
DERIVATIONS = """
PREFIX cgo: <https://w3id.org/cybergov/ontology#>
SELECT ?record ?property ?rule ?low ?high ?stated WHERE {
  ?derivation cgo:derivedFor ?record ; cgo:derivedProperty ?property ; cgo:derivedBy ?rule ; cgo:derivedLatest ?high .
  OPTIONAL { ?derivation cgo:derivedEarliest ?low }
  OPTIONAL { ?record ?property ?stated }
}"""


@pytest.fixture(scope="module")
def reasoned() -> Graph:
    ontology = merge(load_folder(REPO / "ontology", root=REPO))
    data = merge(load_folder(REPO / "data", root=REPO))
    graph = Graph()
    graph += data
    graph += closure_fast(data, ontology).inferred
    return graph


def _days(stated: str) -> tuple[str, str]:
    """A stated day, month or year as its first and last day (text; a month's last day as -31 sorts after its days)."""
    if len(stated) == 4:
        return stated + "-01-01", stated + "-12-31"
    if len(stated) == 7:
        return stated + "-01", stated + "-31"
    return stated, stated


@pytest.fixture(scope="module")
def comparisons(reasoned):
    rows = []
    for row in reasoned.query(DERIVATIONS):
        rule = str(row.rule).rsplit("/", 1)[1]
        if row.stated is None:
            rows.append((rule, None, row))
            continue
        first, last = _days(str(row.stated))
        low = str(row.low) if row.low is not None else "0001-01-01"
        agrees = not (str(row.high) < first or low > last)
        rows.append((rule, agrees, row))
    return rows


def test_every_rule_in_the_data_is_known_here(reasoned):
    rules = {str(r).rsplit("/", 1)[1] for r in reasoned.subjects(RDF.type, CGO.EntryIntoForceRule)}
    assert rules == RULES


def test_stated_dates_agree_with_the_rules(comparisons):
    disagreements = {
        (str(r.record).split("/id/")[1], str(r.property).split("#")[1], str(r.stated))
        for _rule, agrees, r in comparisons
        if agrees is False
    }
    assert disagreements == KNOWN_DISAGREEMENTS


@pytest.mark.parametrize(
    "rule", sorted(RULES - {"un-cybercrime-convention-art-65-1", "nis2-directive-art-45"})
)
def test_each_council_of_europe_rule_is_checked_against_stated_dates(comparisons, rule):
    """Every Council of Europe rule has at least one derivation that a stated date confirms."""
    agreements = Counter(r for r, agrees, _row in comparisons if agrees)
    assert agreements[rule] >= 1


def test_budapest_entry_into_force_for_a_state_from_its_deposit(comparisons):
    # Slovakia: instrument deposited 8 January 2008, in force 1 May 2008 (art. 36(4)), as the curated record states
    rows = [
        row
        for rule, _a, row in comparisons
        if str(row.record).endswith("/participation/budapest-convention/SVK")
        and rule == "budapest-convention-art-36-4"
    ]
    assert [(str(r.low), str(r.high), str(r.stated)) for r in rows] == [
        ("2008-05-01", "2008-05-01", "2008-05-01")
    ]


def test_budapest_first_parties_enter_into_force_with_the_convention(comparisons):
    # Albania deposited in 2002, before the fifth consent: in force on the Convention's own date, by art. 36(3)
    rows = [
        (rule, str(row.low), str(row.stated))
        for rule, _a, row in comparisons
        if str(row.record).endswith("/participation/budapest-convention/ALB")
    ]
    assert rows == [("budapest-convention-art-36-3", "2004-07-01", "2004-07-01")]


def test_a_consent_window_where_only_the_entry_into_force_is_stated(reasoned):
    # Andorra's record states its entry into force (1 March 2017) and no deposit date: the deposit was in November 2016
    record = URIRef("https://w3id.org/cybergov/id/participation/budapest-convention/AND")
    cgo = "https://w3id.org/cybergov/ontology#"
    values = {
        str(p).split("#")[1]: str(o)
        for p, o in reasoned.predicate_objects(record)
        if str(p).startswith(cgo + "consentDate")
    }
    assert values == {
        "consentDateEarliest": "2016-11-01",
        "consentDateLatest": "2016-11-30",
        "consentDatePrecision": "derived",
        "consentDateDerivedBy": "https://w3id.org/cybergov/id/rule/budapest-convention-art-36-4",
    }


def test_the_n_th_consent_bounds_the_convention_s_entry_into_force(comparisons):
    rows = [
        (str(row.low) if row.low is not None else None, str(row.high), str(row.stated))
        for rule, _a, row in comparisons
        if rule == "budapest-convention-art-36-3" and str(row.record).endswith("/treaty/budapest-convention")
    ]
    assert len(rows) == 1
    low, high, stated = rows[0]
    assert low is None and stated <= high


def _values(reasoned, state: str, prefix: str) -> dict[str, set[str]]:
    record = URIRef(f"https://w3id.org/cybergov/id/participation/budapest-convention/{state}")
    cgo = "https://w3id.org/cybergov/ontology#"
    found: dict[str, set[str]] = {}
    for p, o in reasoned.predicate_objects(record):
        if str(p).startswith(cgo + prefix):
            found.setdefault(str(p).split("#")[1], set()).add(str(o))
    return found


def test_a_bounded_consent_bounds_the_entry_into_force(reasoned):
    """North Macedonia: kind unknown, consent not after 1 June 2011 (the CoE notification of that day). Arts. 36(4) and
    37(2) both give three months, so the entry into force is between the Convention's own (1 July 2004) and 1 October 2011,
    derived by both rules (kg/build/rules/date-derive-participant-interval.rq)."""
    values = _values(reasoned, "MKD", "entryIntoForceDate")
    assert values["entryIntoForceDateEarliest"] == {"2004-07-01"}
    assert values["entryIntoForceDateLatest"] == {"2011-10-01"}
    assert values["entryIntoForceDatePrecision"] == {"derived"}
    assert values["entryIntoForceDateDerivedBy"] == {
        "https://w3id.org/cybergov/id/rule/budapest-convention-art-36-4",
        "https://w3id.org/cybergov/id/rule/budapest-convention-art-37-2",
    }


def test_a_consent_known_to_the_year_gives_a_window_of_entry_into_force(reasoned):
    """Norway: ratification in 2006 (its Justice Ministry) and not after 1 June 2011: in force between 1 May 2006
    (a deposit in January 2006: month M + 3 + 1, as for every day-precise record) and 1 April 2007 (a deposit in
    December 2006), by art. 36(4)."""
    values = _values(reasoned, "NOR", "entryIntoForceDate")
    assert (values["entryIntoForceDateEarliest"], values["entryIntoForceDateLatest"]) == (
        {"2006-05-01"},
        {"2007-04-01"},
    )
    assert values["entryIntoForceDateDerivedBy"] == {
        "https://w3id.org/cybergov/id/rule/budapest-convention-art-36-4"
    }


def test_a_consent_with_no_last_day_derives_nothing(reasoned):
    """Peru and Senegal: accessions with no date and no bound: no rule can place their entry into force."""
    for state in ("PER", "SEN"):
        assert "entryIntoForceDateLatest" not in _values(reasoned, state, "entryIntoForceDate")
