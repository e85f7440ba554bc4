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
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from kg.build import build
from kg.config import Settings
from kg.store import open_store

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BACKEND = os.environ.get("CYBERGOV_TEST_BACKEND", "embedded")
if BACKEND not in ("embedded", "remote"):
    raise RuntimeError(f"CYBERGOV_TEST_BACKEND must be embedded or remote, not {BACKEND!r}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def _data_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder (Python's own caches left out), by relative path."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


@pytest.fixture(scope="session", autouse=True)
def canonical_data_unchanged():
    """Issue 5: nothing the suite does (POST /validate above all) writes into data/.

    The bytes of data/ are hashed before the session and compared after it; a difference fails
    the run at teardown, naming the files. (Editing data/ while the suite runs trips it too.)
    """
    before = _data_digests(REPO / "data")
    yield
    after = _data_digests(REPO / "data")
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, f"data/ changed during the test session: {changed}"


class ByteCountingListener:
    """A TCP listener on 127.0.0.1 that counts every connection and byte it receives (and answers nothing).

    Tests aim SERVICE clauses (and anything else that could make the server call out) at `url`
    and assert that `received` stays 0.
    """

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.connections = 0
        self.received = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except OSError:
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._drain, args=(conn,), daemon=True).start()

    def _drain(self, conn: socket.socket) -> None:
        conn.settimeout(2)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                with self._lock:
                    self.received += len(chunk)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._socket.close()


@pytest.fixture(scope="session")
def listener():
    """A ByteCountingListener for the whole session: nothing the server does may reach it."""
    counting = ByteCountingListener()
    yield counting
    counting.close()
