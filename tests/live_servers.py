"""A live uvicorn over a build on 127.0.0.1 (tests/api, tests/server); started and waited for by bench.serving."""

from __future__ import annotations

import os
from contextlib import contextmanager

from bench.serving import free_port, running, uvicorn_command
from kg.config import Settings


@contextmanager
def uvicorn_server(settings: Settings, **env: str):
    """`uvicorn --factory api.app:create_app` in a subprocess on 127.0.0.1, over settings' data and cache.

    Args:
        env: more CYBERGOV_* variables (e.g. CYBERGOV_QUERY_WORKERS="2"; a remote store's CYBERGOV_ENDPOINT).
    Yields:
        (base URL, the server's Popen) once /health answers 200; the server is stopped on exit.
    Raises:
        bench.serving.ServerDidNotStart: as uvicorn_over (within 60 s).
    """
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
    with uvicorn_over(variables) as (base, process):
        yield base, process


@contextmanager
def uvicorn_over(env: dict[str, str], *, timeout: float = 60.0, port: int | None = None):
    """`uvicorn --factory api.app:create_app` on 127.0.0.1:port (or a free port) with exactly env as its environment.

    Yields:
        (base URL, the server's Popen) once /health answers 200; the server is stopped on exit.
    Raises:
        bench.serving.ServerDidNotStart: the server exited or did not answer within timeout seconds (its output,
            which goes to the test's own, is in the test's captured output).
    """
    port = port or free_port()
    base = f"http://127.0.0.1:{port}"
    command = uvicorn_command(port)
    with running(
        command, base + "/health", timeout=timeout, name=f"uvicorn on {base}", env=env, quiet=False
    ) as process:
        yield base, process
