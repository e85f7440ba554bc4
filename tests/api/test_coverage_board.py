"""The home page's coverage table, computed once per graph version and day on a thread (api.coverage_board): a page
asked for before the table is ready answers without it, says so and is not cached; a later visit gets the table."""

from __future__ import annotations

import threading
from datetime import date
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.coverage_board import CoverageBoard
from api.entity_parts import coverage

HTML = {"Accept": "text/html"}
DAY = date(2024, 5, 1)


class Gate:
    """A compute function that counts its calls and waits until it is opened."""

    def __init__(self, rows=None, error: Exception | None = None) -> None:
        self.opened = threading.Event()
        self.calls: list[tuple[str, date]] = []
        self.rows = rows if rows is not None else [{"treaty": "t"}]
        self.error = error

    def __call__(self, store, *, on: date) -> list[dict]:
        self.calls.append((store.version, on))
        self.opened.wait(10)
        if self.error is not None:
            raise self.error
        return self.rows


def store(version: str = "v1") -> SimpleNamespace:
    return SimpleNamespace(version=version)


def test_a_table_not_ready_in_time_is_none_and_one_computation_serves_every_request():
    gate = Gate()
    board = CoverageBoard(wait=0.05, compute=gate)
    assert board.table(store(), DAY) is None
    assert board.table(store(), DAY) is None  # still running: not started again
    gate.opened.set()
    board.wait = 5
    assert board.table(store(), DAY) == gate.rows
    assert board.table(store(), DAY) is gate.rows  # kept
    assert gate.calls == [("v1", DAY)]


def test_each_version_and_day_has_its_own_table_and_two_are_kept():
    gate = Gate()
    gate.opened.set()
    board = CoverageBoard(wait=5, compute=gate)
    for version, day in [("v1", DAY), ("v2", DAY), ("v2", date(2024, 5, 2)), ("v2", date(2024, 5, 2))]:
        board.table(store(version), day)
    assert gate.calls == [("v1", DAY), ("v2", DAY), ("v2", date(2024, 5, 2))]
    board.table(store("v1"), DAY)  # dropped when the third was asked for: computed again
    assert len(gate.calls) == 4


def test_a_failed_computation_is_raised_and_started_again_by_the_next_request():
    gate = Gate(error=RuntimeError("the store went away"))
    gate.opened.set()
    board = CoverageBoard(wait=5, compute=gate)
    with pytest.raises(RuntimeError, match="went away"):
        board.table(store(), DAY)
    gate.error = None
    assert board.table(store(), DAY) == gate.rows
    assert len(gate.calls) == 2


def test_the_home_page_says_the_table_is_being_computed_and_is_not_cached_until_it_is_ready(
    fixture_settings, fixture_store
):
    settings = fixture_settings.model_copy(update={"response_cache_entries": 64})
    app = create_app(settings, store=fixture_store)
    real = coverage(fixture_store, on=date.today())
    gate = Gate(rows=real)
    app.state.coverage_board = CoverageBoard(wait=0.05, compute=gate)
    with TestClient(app) as client:
        early = client.get("/ui", headers=HTML)
        assert early.status_code == 200
        assert 'id="coverage-pending"' in early.text and 'id="coverage-table"' not in early.text
        assert 'id="kinds"' in early.text  # the rest of the page is there
        assert early.headers["cache-control"] == "no-store" and int(early.headers["retry-after"]) > 0
        gate.opened.set()
        app.state.coverage_board.wait = 5
        ready = client.get("/ui", headers=HTML)
        assert 'id="coverage-table"' in ready.text and 'id="coverage-pending"' not in ready.text
        assert "no-store" not in ready.headers.get("cache-control", "")
        assert ready.text.count('<tr><td><a href="/ui/treaties/') == len(real) > 0
    assert gate.calls == [(fixture_store.version, date.today())]
