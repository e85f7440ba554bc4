"""The whole server from outside: a live uvicorn over the embedded store, its query worker processes, load.

These run in the first pass of `make test` only: the second pass (tests/api against `oxigraph serve`)
has no query worker processes to kill.
"""

from __future__ import annotations

import pytest
from live_servers import uvicorn_server


@pytest.fixture(scope="module")
def server(fixture_settings, fixture_store):
    """(base URL, pid) of a live server: two query workers, no response cache (every answer computed)."""
    assert fixture_settings.store == "embedded", "tests/server runs on the embedded store (first pass)"
    with uvicorn_server(
        fixture_settings,
        CYBERGOV_QUERY_WORKERS="2",
        CYBERGOV_QUERY_TIMEOUT="10",
        CYBERGOV_RESPONSE_CACHE_ENTRIES="0",
    ) as (base, process):
        yield base, process.pid
