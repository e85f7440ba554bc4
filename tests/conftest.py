"""Shared fixtures: settings over a small fixture dataset, a store built from it, and an API client.

The fixture data in tests/fixtures/data is built for the temporal rules of the contract; the
repository's own data is used by the tests that check curated facts (tests/data) and by
`repo_store`.

CYBERGOV_TEST_BACKEND=remote (the second pass of `make test`) runs the same tests against a real
`oxigraph serve` on 127.0.0.1, loaded with `cybergov push`: fixture_settings then names the remote
store and its endpoint, so fixture_store, client and live_server all go through kg.store.remote.
CYBERGOV_TEST_BACKEND=virtuoso (the third pass) does the same against Virtuoso.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

import pytest
from canonical_files import canonical_digests, changed_files

from bench.serving import free_port, output_file, wait_until_answering
from bench.virtuoso import INI as VIRTUOSO_INI  # one ini for the suite and the bench peer
from kg.build.pipeline import build
from kg.config import Settings
from kg.store import open_store

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BACKEND = os.environ.get("CYBERGOV_TEST_BACKEND", "embedded")
if BACKEND not in ("embedded", "remote", "virtuoso"):
    raise RuntimeError(f"CYBERGOV_TEST_BACKEND must be embedded, remote or virtuoso, not {BACKEND!r}")


class EngineServers:
    """Starts SPARQL engines on 127.0.0.1 and loads a build into each with `cybergov push`."""

    kind = "standard"

    def __init__(self) -> None:
        self._processes: dict[str, subprocess.Popen] = {}
        self._output: dict[int, IO[bytes]] = {}  # each server's standard error (bench.serving.output_file)

    def _popen(self, args: list[str], **options) -> subprocess.Popen:
        """Start a server, its standard error kept to report if it dies while starting."""
        output = output_file()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=output, **options)
        self._output[process.pid] = output
        return process

    def settings_update(self, endpoint: str) -> dict:
        """What Settings need to serve from the engine at endpoint."""
        return {"store": "remote", "endpoint": endpoint, "endpoint_kind": self.kind}

    def environment(self, endpoint: str) -> dict[str, str]:
        """The same as CYBERGOV_ environment variables (for `cybergov push` and servers in subprocesses)."""
        return {f"CYBERGOV_{k.upper()}": str(v) for k, v in self.settings_update(endpoint).items()}

    def _launch(self, settings: Settings) -> tuple[subprocess.Popen, str]:
        raise NotImplementedError

    def start(self, settings: Settings, *, push: bool = True) -> str:
        """A fresh server holding settings' build (empty if not push); returns its query endpoint URL."""
        process, endpoint = self._launch(settings)
        wait_until_answering(
            endpoint,
            process,
            timeout=60,
            name=type(self).__name__,
            params={"query": "ASK {}"},
            output=self._output.get(process.pid),
        )
        self._processes[endpoint] = process
        if not push:
            return endpoint
        env = dict(
            os.environ,
            CYBERGOV_ROOT=str(settings.root),
            CYBERGOV_DATA_DIR=str(settings.data_path),
            CYBERGOV_CACHE_DIR=str(settings.cache_path),
            **self.environment(endpoint),
        )
        cybergov = shutil.which("cybergov") or str(Path(sys.executable).parent / "cybergov")
        subprocess.run(
            [cybergov, "push", "--endpoint", endpoint],
            env=env,
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return endpoint

    def stop(self, endpoint: str) -> None:
        """Stop one server (a runaway query may still be burning CPU in it)."""
        process = self._processes.pop(endpoint)
        process.kill()
        process.wait(10)
        self._output.pop(process.pid).close()

    def stop_all(self) -> None:
        for endpoint in list(self._processes):
            self.stop(endpoint)


class OxigraphServers(EngineServers):
    """In-memory `oxigraph serve` (from PyPI) processes."""

    def _launch(self, settings: Settings) -> tuple[subprocess.Popen, str]:
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        port = free_port()
        process = self._popen(
            [binary, "serve", "--bind", f"127.0.0.1:{port}", "--timeout-s", str(int(settings.query_timeout))]
        )
        return process, f"http://127.0.0.1:{port}/query"


class VirtuosoServers(EngineServers):
    """Virtuoso (Debian's virtuoso-opensource: `virtuoso-t -f -c <ini>`), each with a database of its own
    in a temporary folder, its SQL and HTTP ports on 127.0.0.1, loaded through its digest-protected graph store."""

    kind = "virtuoso"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder

    def settings_update(self, endpoint: str) -> dict:
        return {**super().settings_update(endpoint), "endpoint_user": "dba", "endpoint_password": "dba"}

    def _launch(self, settings: Settings) -> tuple[subprocess.Popen, str]:
        binary = shutil.which("virtuoso-t")
        if binary is None:
            raise RuntimeError("virtuoso-t not found: `make test` installs Debian's virtuoso-opensource")
        folder = Path(tempfile.mkdtemp(dir=self._folder))
        http_port = free_port()
        (folder / "virtuoso.ini").write_text(
            VIRTUOSO_INI.format(
                dir=folder,
                sql_port=free_port(),
                http_port=http_port,
                buffers=10_000,
                dirty=6_000,
                timeout=int(settings.query_timeout),
            )
        )
        process = self._popen([binary, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder)
        return process, f"http://127.0.0.1:{http_port}/sparql"


@pytest.fixture(scope="session")
def oxigraph_servers():
    """The factory of oxigraph servers; every server it started is stopped at the end of the session."""
    servers = OxigraphServers()
    yield servers
    servers.stop_all()


@pytest.fixture(scope="session")
def virtuoso_servers(tmp_path_factory):
    """The factory of Virtuoso servers; every server it started is stopped at the end of the session."""
    servers = VirtuosoServers(tmp_path_factory.mktemp("virtuoso"))
    yield servers
    servers.stop_all()


@pytest.fixture(scope="session")
def engine_servers(request):
    """The servers of the pass's backend: oxigraph serve (remote) or Virtuoso (virtuoso)."""
    return request.getfixturevalue("virtuoso_servers" if BACKEND == "virtuoso" else "oxigraph_servers")


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory, engine_servers) -> Settings:
    """Settings over tests/fixtures/data with a private cache directory (and, remote passes, an endpoint)."""
    settings = Settings(
        root=REPO,
        data_dir=FIXTURES / "data",
        cache_dir=tmp_path_factory.mktemp("cache"),
        query_timeout=3.0,
        query_workers=2,
    )
    if BACKEND != "embedded":
        build(settings)
        settings = settings.model_copy(update=engine_servers.settings_update(engine_servers.start(settings)))
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
