"""Shared fixtures: settings over a small fixture dataset, a store built from it, and an API client.

The fixture data in tests/fixtures/data is built for the temporal rules of the contract; the
repository's own data is used by the tests that check curated facts (tests/data) and by
`repo_store`.

CYBERGOV_TEST_BACKEND=remote (the second pass of `make test`) runs the same tests against a real
`oxigraph serve` on 127.0.0.1, loaded with `cybergov push`: fixture_settings then names the remote
store and its endpoint, so fixture_store, client and live_server all go through kg.store.remote.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kg.build import build
from kg.config import Settings
from kg.store import open_store

from canonical_files import canonical_digests, changed_files
from live_servers import free_port

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BACKEND = os.environ.get("CYBERGOV_TEST_BACKEND", "embedded")
if BACKEND not in ("embedded", "remote"):
    raise RuntimeError(f"CYBERGOV_TEST_BACKEND must be embedded or remote, not {BACKEND!r}")


class OxigraphServers:
    """Starts in-memory `oxigraph serve` processes on 127.0.0.1, loads a build with `cybergov push`."""

    def __init__(self) -> None:
        self._processes: dict[str, subprocess.Popen] = {}

    def start(self, settings: Settings) -> str:
        """A fresh server holding settings' build; returns its query endpoint URL."""
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        port = free_port()
        process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}",
                                    "--timeout-s", str(int(settings.query_timeout))],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        endpoint = f"http://127.0.0.1:{port}/query"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(endpoint, params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    process.kill()
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        self._processes[endpoint] = process
        env = dict(os.environ, CYBERGOV_ROOT=str(settings.root), CYBERGOV_DATA_DIR=str(settings.data_path),
                   CYBERGOV_CACHE_DIR=str(settings.cache_path))
        cybergov = shutil.which("cybergov") or str(Path(sys.executable).parent / "cybergov")
        subprocess.run([cybergov, "push", "--endpoint", endpoint], env=env, cwd=REPO,
                       check=True, stdout=subprocess.DEVNULL)
        return endpoint

    def stop(self, endpoint: str) -> None:
        """Stop one server (a runaway query may still be burning CPU in it)."""
        process = self._processes.pop(endpoint)
        process.kill()
        process.wait(10)

    def stop_all(self) -> None:
        for endpoint in list(self._processes):
            self.stop(endpoint)


@pytest.fixture(scope="session")
def oxigraph_servers():
    """The factory of oxigraph servers; every server it started is stopped at the end of the session."""
    servers = OxigraphServers()
    yield servers
    servers.stop_all()


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory, oxigraph_servers) -> Settings:
    """Settings over tests/fixtures/data with a private cache directory (and, remote pass, an endpoint)."""
    settings = Settings(root=REPO, data_dir=FIXTURES / "data", cache_dir=tmp_path_factory.mktemp("cache"),
                        query_timeout=3.0, query_workers=2)
    if BACKEND == "remote":
        build(settings)
        settings = settings.model_copy(update={"store": "remote", "endpoint": oxigraph_servers.start(settings)})
    return settings


@pytest.fixture(scope="session")
def fixture_store(fixture_settings):
    """The embedded store over the fixture dataset (closed at the end of the session)."""
    store = open_store(fixture_settings, build(fixture_settings))
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(fixture_settings, fixture_store):
    """A TestClient for the API over the fixture store."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(fixture_settings, store=fixture_store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def repo_settings() -> Settings:
    """Settings over the repository's own data, sharing the repository's build cache."""
    return Settings(root=REPO)


@pytest.fixture(scope="session")
def repo_store(repo_settings):
    store = open_store(repo_settings, build(repo_settings))
    yield store
    store.close()


@pytest.fixture(scope="session", autouse=True)
def canonical_data_unchanged():
    """Issues 5 and 10: nothing the suite sends (POST /validate, SPARQL, fuzzing, load) writes canonical data.

    Every file under data/, ontology/ and shapes/ is hashed before the session and again after it;
    a difference fails the run at teardown, naming the files (editing them while the suite runs trips it too).
    """
    before = canonical_digests()
    assert any(name.startswith("data/") for name in before), "no canonical data found to guard"
    yield
    changed = changed_files(before, canonical_digests())
    assert not changed, f"canonical files changed during the test session: {changed}"
