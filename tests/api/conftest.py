"""A live uvicorn server on 127.0.0.1 over the fixture data, for tests with real HTTP clients."""

from __future__ import annotations

import pytest
from live_servers import uvicorn_server


@pytest.fixture(scope="module")
def live_server(fixture_settings, fixture_store, engine_servers):
    """Base URL of `uvicorn --factory api.app:create_app` in a subprocess (query timeout 2 s).

    It reuses the fixture build cache, so it starts without reasoning again. On the remote pass it
    gets an engine of its own for the module: oxigraph serve does not stop a runaway aggregate at its
    --timeout-s, so the server a runaway test used is stopped with the module.
    """
    endpoint = engine_servers.start(fixture_settings) if fixture_settings.store == "remote" else None
    engine = engine_servers.environment(endpoint) if endpoint else {}
    with uvicorn_server(
        fixture_settings, CYBERGOV_QUERY_TIMEOUT="2", CYBERGOV_QUERY_WORKERS="2", **engine
    ) as (base, _process):
        yield base
    if endpoint:
        engine_servers.stop(endpoint)
