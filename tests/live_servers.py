"""Servers the tests start on 127.0.0.1: free ports, a live uvicorn over a build (tests/api, tests/server)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from kg.config import Settings

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def uvicorn_server(settings: Settings, **env: str):
    """`uvicorn --factory api.app:create_app` in a subprocess on 127.0.0.1, over settings' data and cache.

    Args:
        env: more CYBERGOV_* variables (e.g. CYBERGOV_QUERY_WORKERS="2"; a remote store's CYBERGOV_ENDPOINT).
    Yields:
        (base URL, the server's Popen) once /health answers 200; the server is stopped on exit.
    """
    port = free_port()
    variables = dict(os.environ)
    variables.update(
        {
            "CYBERGOV_ROOT": str(settings.root),
            "CYBERGOV_DATA_DIR": str(settings.data_path),
            "CYBERGOV_CACHE_DIR": str(settings.cache_path),
            "CYBERGOV_STORE": settings.store,
        }
    )
    variables.update(env)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "api.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=variables,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the uvicorn server did not start")
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
