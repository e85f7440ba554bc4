"""The servers a benchmark run compares, each started on 127.0.0.1 over the same built dataset:
this project's API (uvicorn + uvloop + httptools), `oxigraph serve` (loaded with kg.store.push) and
rdflib-endpoint (over the default graph: asserted + ontology + inferred, as N-Triples).
"""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from bench.serving import free_port, running, uvicorn_command
from kg.namespaces import DEFAULT_GRAPHS
from kg.store.push import push

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@contextmanager
def ours(env: dict[str, str], *, port: int | None = None):
    """This project's API over the settings in env (CYBERGOV_*) on port (or a free one); yields its URL."""
    port = port or free_port()
    args = [*uvicorn_command(port), "--no-access-log"]
    args += ["--loop", "uvloop"] if _has("uvloop") else []
    args += ["--http", "httptools"] if _has("httptools") else []
    with _running(args, f"http://127.0.0.1:{port}/health", env=dict(os.environ, **env)):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def oxigraph(dataset: Path):
    """`oxigraph serve` (in memory) loaded with the build; yields the query endpoint URL."""
    port = free_port()
    binary = shutil.which("oxigraph") or str(BIN / "oxigraph")
    base = f"http://127.0.0.1:{port}"
    with _running([binary, "serve", "--bind", f"127.0.0.1:{port}"], base + "/query?query=ASK%7B%7D"):
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
    with _running(
        [binary, "serve", str(ntriples), "--host", "127.0.0.1", "--port", str(port)],
        base + "/?query=ASK%7B%7D",
        timeout=600,
    ):
        yield base + "/"


def _running(args: list[str], ready: str, *, env: dict | None = None, timeout: float = 120.0):
    """A peer started and waited for: any answer below 500 means it is up (the URLs ask a query or /health)."""
    return running(args, ready, timeout=timeout, env=env, name=args[0], ready=lambda status: status < 500)


def has_rdflib_endpoint() -> bool:
    """Whether rdflib-endpoint is installed (the bench extra: `make bench` installs it)."""
    return shutil.which("rdflib-endpoint") is not None or (BIN / "rdflib-endpoint").exists()


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
