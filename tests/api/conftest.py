"""A live uvicorn server on 127.0.0.1 over the fixture data, for tests with real HTTP clients."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(fixture_settings, fixture_store, engine_servers):
    """Base URL of `uvicorn --factory api.app:create_app` in a subprocess (query timeout 2 s).

    It reuses the fixture build cache, so it starts without reasoning again. On the remote pass it
    gets an engine of its own for the module: oxigraph serve does not stop a runaway aggregate at its
    --timeout-s, so the server a runaway test used is stopped with the module.
    """
    endpoint = engine_servers.start(fixture_settings) if fixture_settings.store == "remote" else None
    port = free_port()
    env = dict(os.environ)
    env.update({
        "CYBERGOV_ROOT": str(fixture_settings.root),
        "CYBERGOV_DATA_DIR": str(fixture_settings.data_path),
        "CYBERGOV_CACHE_DIR": str(fixture_settings.cache_path),
        "CYBERGOV_QUERY_TIMEOUT": "2",
        "CYBERGOV_QUERY_WORKERS": "2",
        "CYBERGOV_STORE": fixture_settings.store,
    })
    if endpoint:
        env.update(engine_servers.environment(endpoint))
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=REPO, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("live server did not start")
    yield base
    process.terminate()
    process.wait(10)
    if endpoint:
        engine_servers.stop(endpoint)
