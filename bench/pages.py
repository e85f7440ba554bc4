"""The first answers of the pages and descriptions that read far into the graph, on a server just started.

Session 13 found two that grew with the whole graph: the home page's coverage table (every participation record of
every treaty: 95-106 s at 1M before it was computed on a thread, api.coverage_board) and a state's `/id` description
(every treaty pointing at it described in full: 19-28 s and 3.7 MB at 1M). bench.run measures both on each size, so
that a change which makes them grow again shows in the table.
"""

from __future__ import annotations

import time

import httpx

from bench.measure import Row

HTML = {"Accept": "text/html"}


def first_answers(size: str, base: str) -> list[Row]:
    """The first `/ui` (and whether its coverage table was ready), then the first `/id` description of a state, on
    the server at base (started for this, nothing asked before)."""
    with httpx.Client(base_url=base, timeout=600) as client:
        started = time.perf_counter()
        home = client.get("/ui", headers=HTML)
        home_seconds = time.perf_counter() - started
        home.raise_for_status()
        table = (
            "with its coverage table"
            if 'id="coverage-table"' in home.text
            else "coverage table still computing"
        )
        state = client.get("/states", params={"limit": 1}).json()["items"][0]["id"]
        started = time.perf_counter()
        description = client.get(f"/id/state/{state}", headers={"Accept": "text/turtle"})
        description_seconds = time.perf_counter() - started
        description.raise_for_status()
    return [
        Row("first /ui on a fresh server", size, f"{home_seconds:.2f} s, {table}", target="<= 6 s"),
        Row(
            f"first /id/state/{state} (Turtle)",
            size,
            f"{description_seconds:.2f} s, {len(description.content) / 1e3:.0f} KB",
            target="<= 1 s",
        ),
    ]


__all__ = ["first_answers"]
