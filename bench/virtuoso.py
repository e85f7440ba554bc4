"""Virtuoso as a benchmark peer: Debian's virtuoso-opensource (`virtuoso-t -f -c <ini>`), started on 127.0.0.1
with a database of its own in a temporary folder and loaded with kg.store.push, as tests/conftest.py's
VirtuosoServers does for the API suite.

Virtuoso has no default graph of its own (kg.store.push puts the contract's default graph into GRAPH_DEFAULT), so
every query a benchmark sends it names that graph (default-graph-uri), as kg.store.remote does.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

from bench.serving import free_port, running
from kg.namespaces import GRAPH_DEFAULT
from kg.store.push import graph_store_url, push

# One ini for the API suite's servers (tests/conftest.py) and the bench peer (buffers sized per run)
INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ThreadsPerQuery = 1
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {timeout}
MaxQueryCostEstimationTime = 0
"""
USER, PASSWORD = "dba", "dba"  # a fresh database's administrator; the server listens on 127.0.0.1 only


def available() -> bool:
    return shutil.which("virtuoso-t") is not None


def paths(path: str, queries: list[str]) -> list[str]:
    """GET paths for queries at Virtuoso's endpoint path, each reading the contract's default graph."""
    graph = quote(GRAPH_DEFAULT, safe="")
    return [f"{path}?query={quote(q)}&default-graph-uri={graph}" for q in queries]


@contextmanager
def virtuoso(dataset: Path, *, triples: int = 0, timeout: float = 120.0):
    """Virtuoso loaded with a build; yields its SPARQL endpoint URL (http://127.0.0.1:PORT/sparql).

    Args:
        dataset: the built N-Quads (kg.build.pipeline.BuildResult.dataset_path).
        triples: about how many quads the dataset holds (sizes the buffers: 8 KB pages, ~2/3 of them dirty).
    Raises:
        RuntimeError: virtuoso-t is missing, or the server did not start (bench.serving.ServerDidNotStart).
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise RuntimeError("virtuoso-t not found: apt-get install virtuoso-opensource (make virtuoso)")
    folder = Path(tempfile.mkdtemp(prefix="bench-virtuoso-"))
    http_port = free_port()
    buffers = max(10_000, min(340_000, triples // 4))
    (folder / "virtuoso.ini").write_text(
        INI.format(
            dir=folder,
            sql_port=free_port(),
            http_port=http_port,
            buffers=buffers,
            dirty=buffers * 3 // 4,
            timeout=60,
        )
    )
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    try:
        with running(
            [binary, "-f", "-c", str(folder / "virtuoso.ini")],
            endpoint,
            timeout=timeout,
            name=f"Virtuoso (its log: {folder / 'virtuoso.log'})",
            cwd=folder,
            stop_wait=30,
            params={"query": "ASK {}"},
            interval=0.3,
        ):
            push(
                dataset,
                graph_store_url(endpoint, kind="virtuoso"),
                kind="virtuoso",
                timeout=1800,
                auth=httpx.DigestAuth(USER, PASSWORD),
            )
            yield endpoint
    finally:
        shutil.rmtree(folder, ignore_errors=True)


__all__ = ["available", "paths", "virtuoso"]
