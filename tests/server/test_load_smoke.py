"""A short mixed REST + SPARQL load (issue 10): no errors, no stuck requests. No timing is asserted.

The same mix as the benchmark (`python -m bench.load_mixed`, 64 connections for 60 s), sent by its
Python driver: 16 connections for at most 5 s and 4,000 requests, to a live server on 127.0.0.1.
"""

from __future__ import annotations

import httpx

from bench.load_mixed import build_mix, run_python

CONNECTIONS = 16
SECONDS = 5.0
MAX_REQUESTS = 4000
REQUEST_TIMEOUT = 20.0  # an answer later than this is a stuck request


def test_mixed_load_gets_every_request_answered_without_error(server):
    base, _pid = server
    mix = build_mix(base)
    assert {t.method for t in mix} == {"GET", "POST"} and any("/sparql" in t.path for t in mix)
    report = run_python(
        base,
        mix,
        connections=CONNECTIONS,
        seconds=SECONDS,
        max_requests=MAX_REQUESTS,
        request_timeout=REQUEST_TIMEOUT,
    )
    assert report.unfinished_connections == 0, "a connection was still waiting for an answer"
    assert report.stuck == 0
    assert report.errors == 0, f"{report.errors} errors: {report.statuses}, e.g. {report.examples}"
    assert report.requests >= len(mix)  # every kind of request was sent at least once
    assert httpx.get(base + "/health", timeout=10).status_code == 200
