"""The in-memory index of the date routes (issue 13, item 3): the same verdicts as the rules, one index per version.

kg.answers.timeline judges each record once per stretch of days between the edges of its intervals; these
tests hold it to kg.answers.temporal on every edge of every record (and the day before each), on the
interval fixture (every precision) and the built fixture dataset. The SPARQL agreement tests
(tests/answers_agreement.py) run through the same index.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from answers_agreement import grid
from test_answers_sparql import FIXTURE, BareStore

from kg import named_queries
from kg.answers import record_index
from kg.answers.intervals import Interval
from kg.answers.records import Standing
from kg.answers.temporal import is_contracting, is_member, is_party, is_signatory, status_on
from kg.answers.timeline import edges_of, timeline
from kg.store.cached import CachedStore


def _days(record) -> list[date]:
    days = grid([record])
    return sorted({*days, *(d + timedelta(days=1) for d in days)})


def _check(index: record_index.RecordIndex) -> int:
    """Every record's timeline against the rules on its grid; returns how many verdicts were compared."""
    compared = 0
    for found in index.by_treaty.values():
        for record in found:
            p = record.dates
            for day in _days(record):
                expected = Standing(status_on(p, day), is_party(p, day), is_contracting(p, day), is_signatory(p, day))
                assert record.verdicts.at(day) == expected, (record.row["record"], day)
                compared += 1
    for found in index.by_organization.values():
        for record in found:
            for day in _days(record):
                assert record.verdicts.at(day) == is_member(record.dates, day), (record.row["record"], day)
                compared += 1
    return compared


def test_timelines_agree_with_the_rules_on_the_interval_fixture():
    index = record_index.build(BareStore(FIXTURE))
    assert index.by_treaty and index.by_organization
    assert _check(index) > 100


def test_timelines_agree_with_the_rules_on_the_built_fixture_dataset(fixture_store):
    assert _check(record_index.of(fixture_store)) > 100


def test_a_timeline_changes_only_on_the_edges_of_its_intervals():
    year = Interval(date(2001, 1, 1), date(2001, 12, 31), "year", "2001")
    line = timeline([year, None], lambda d: year.on_or_before(d))
    assert line.edges == (date(2001, 1, 1), date(2001, 12, 31)) == edges_of([None, year])
    assert [line.at(d) for d in (date(2000, 12, 31), date(2001, 1, 1), date(2001, 12, 30), date(2001, 12, 31),
                                 date(2030, 1, 1))] == [False, None, None, True, True]
    assert timeline([], lambda d: "same").verdicts == ("same",)


class _Versioned:
    """A store whose version a test changes (as a remote store's does after a `cybergov push`)."""

    def __init__(self, inner: BareStore) -> None:
        self.inner = inner
        self.version = "one"
        self.selects = 0

    def select(self, query: str, *, bindings=None):
        self.selects += 1
        return self.inner.select(query, bindings=bindings)


def test_one_index_per_version_and_a_new_one_after_a_new_version():
    backend = _Versioned(BareStore(FIXTURE))
    store = CachedStore(backend)
    first = record_index.of(store)
    reads = backend.selects
    assert reads > 0
    assert record_index.of(store) is first and backend.selects == reads  # a new as_of reads nothing
    backend.version = "two"
    second = record_index.of(store)
    assert second is not first and second.version == "two" and backend.selects > reads


@pytest.mark.parametrize("scope", ["treaty", "participant"])
def test_the_index_lists_what_the_unbound_query_lists(scope):
    store = BareStore(FIXTURE)
    index = record_index.build(store)
    rows = store.select(named_queries.get("participations").text)
    expected: dict[str, list[str]] = {}
    for row in rows:
        expected.setdefault(row[scope], []).append(row["record"])
    for key, records in expected.items():
        found = index.participations(**{scope: key})
        assert [r.row["record"] for r in found] == records
