"""The servers a benchmark run compares, each started on 127.0.0.1 over the same built dataset:
this project's API (uvicorn + uvloop + httptools), `oxigraph serve` (loaded with kg.store.push) and
rdflib-endpoint (over the default graph: asserted + ontology + inferred, as N-Triples).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.namespaces import DEFAULT_GRAPHS
from kg.store.push import push

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited while starting: {process.args}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not answer {url} within {timeout:g} s")


@contextmanager
def _process(args: list[str], ready: str, *, env: dict | None = None, timeout: float = 120.0):
    process = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(ready, process, timeout=timeout)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextmanager
def ours(env: dict[str, str], *, port: int | None = None):
    """This project's API over the settings in env (CYBERGOV_*) on port (or a free one); yields its URL."""
    port = port or free_port()
    args = [
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
        "--no-access-log",
    ]
    args += ["--loop", "uvloop"] if _has("uvloop") else []
    args += ["--http", "httptools"] if _has("httptools") else []
    with _process(args, f"http://127.0.0.1:{port}/health", env=dict(os.environ, **env)):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def oxigraph(dataset: Path):
    """`oxigraph serve` (in memory) loaded with the build; yields the query endpoint URL."""
    port = free_port()
    binary = shutil.which("oxigraph") or str(BIN / "oxigraph")
    base = f"http://127.0.0.1:{port}"
    with _process([binary, "serve", "--bind", f"127.0.0.1:{port}"], base + "/query?query=ASK%7B%7D"):
        push(dataset, base + "/store")
        yield base + "/query"


def default_graph_file(dataset: Path, target: Path) -> Path:
    """The union of asserted + ontology + inferred as N-Triples (what rdflib-endpoint serves)."""
    if not target.exists():
        wanted = {ox.NamedNode(g) for g in DEFAULT_GRAPHS}
        triples = {
            q.triple
            for q in ox.parse(path=str(dataset), format=ox.RdfFormat.N_QUADS)
            if q.graph_name in wanted
        }
        ox.serialize(triples, str(target), format=ox.RdfFormat.N_TRIPLES)
    return target


@contextmanager
def rdflib_endpoint(ntriples: Path):
    """rdflib-endpoint over one N-Triples file; yields its SPARQL endpoint URL."""
    port = free_port()
    binary = shutil.which("rdflib-endpoint") or str(BIN / "rdflib-endpoint")
    base = f"http://127.0.0.1:{port}"
    # `rdflib-endpoint serve` answers SPARQL at "/" (not /sparql)
    with _process(
        [binary, "serve", str(ntriples), "--host", "127.0.0.1", "--port", str(port)],
        base + "/?query=ASK%7B%7D",
        timeout=600,
    ):
        yield base + "/"


def has_rdflib_endpoint() -> bool:
    """Whether rdflib-endpoint is installed (the bench extra: `make bench` installs it)."""
    return shutil.which("rdflib-endpoint") is not None or (BIN / "rdflib-endpoint").exists()


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
