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
from test_answers_sparql import FIXTURE, TREATY, BareStore

from kg.answers import record_index
from kg.answers.common import run
from kg.answers.intervals import Interval
from kg.answers.records import Standing
from kg.answers.temporal import is_contracting, is_member, is_party, is_signatory, status_on
from kg.answers.timeline import edges_of, timeline
from kg.namespaces import ID
from kg.store.cached import CachedStore


def _days(record) -> list[date]:
    days = grid([record])
    return sorted({*days, *(d + timedelta(days=1) for d in days)})


def _check(store) -> int:
    """Every record's timeline against the rules on its grid; returns how many verdicts were compared."""
    index = record_index.of(store)
    compared = 0
    for treaty in sorted({r["treaty"] for r in run(store, "participations")}):
        for record in index.participations(treaty=treaty):
            p = record.dates
            for day in _days(record):
                expected = Standing(
                    status_on(p, day), is_party(p, day), is_contracting(p, day), is_signatory(p, day)
                )
                assert record.verdicts.at(day) == expected, (record.row["record"], day)
                compared += 1
    for organization in sorted({r["organization"] for r in run(store, "memberships")}):
        for record in index.memberships(organization=organization):
            for day in _days(record):
                assert record.verdicts.at(day) == is_member(record.dates, day), (record.row["record"], day)
                compared += 1
    return compared


def test_timelines_agree_with_the_rules_on_the_interval_fixture():
    assert _check(BareStore(FIXTURE)) > 100


def test_timelines_agree_with_the_rules_on_the_built_fixture_dataset(fixture_store):
    assert _check(fixture_store) > 100


def test_a_timeline_changes_only_on_the_edges_of_its_intervals():
    year = Interval(date(2001, 1, 1), date(2001, 12, 31), "year", "2001")
    line = timeline([year, None], lambda d: year.on_or_before(d))
    assert line.edges == (date(2001, 1, 1), date(2001, 12, 31)) == edges_of([None, year])
    assert [
        line.at(d)
        for d in (
            date(2000, 12, 31),
            date(2001, 1, 1),
            date(2001, 12, 30),
            date(2001, 12, 31),
            date(2030, 1, 1),
        )
    ] == [False, None, None, True, True]
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
    found = first.participations(treaty=TREATY)
    reads = backend.selects
    assert found and reads > 0
    again = record_index.of(store)
    assert again is first and again.participations(treaty=TREATY) == found
    assert backend.selects == reads  # a new as_of reads nothing: the scope is in memory
    backend.version = "two"
    second = record_index.of(store)
    assert second is not first and second.version == "two"
    second.participations(treaty=TREATY)
    assert backend.selects > reads


def test_a_record_reached_from_two_scopes_is_judged_once():
    index = record_index.of(BareStore(FIXTURE))
    by_treaty = {r.row["record"]: r for r in index.participations(treaty=TREATY)}
    for record in index.participations(participant=str(ID["state/DNK"])):
        if record.row["record"] in by_treaty:
            assert record is by_treaty[record.row["record"]]
            break
    else:
        raise AssertionError("DNK has no record of the interval convention")


@pytest.mark.parametrize("scope", ["treaty", "participant"])
def test_the_index_lists_what_the_query_lists(scope):
    store = BareStore(FIXTURE)
    index = record_index.of(store)
    expected: dict[str, list[str]] = {}
    for row in run(store, "participations"):
        expected.setdefault(row[scope], []).append(row["record"])
    for key, records in expected.items():
        found = index.participations(**{scope: key})
        assert [r.row["record"] for r in found] == records
