"""Issue 10 for the query workers: a memory limit that answers 503 and replaces the worker, a worker
dying mid-query retried once on a fresh one, and an in-memory copy that does not hold what the build
recorded never answers (the worker answers from the store on disk)."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from kg.build.pipeline import build
from kg.errors import QueryError, WorkerDied, WorkerMemoryExceeded
from kg.store.embedded import materialize, union_file
from kg.store.sandbox import QuerySandbox

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
VALUES = " ".join(str(i) for i in range(64))
# ORDER BY makes the engine hold every row: 64^3 rows, each with a 95 KB string (about 25 GB)
HUNGRY = (
    f"SELECT ?x WHERE {{ VALUES ?a {{ {VALUES} }} VALUES ?b {{ {VALUES} }} VALUES ?c {{ {VALUES} }} "
    f'BIND(CONCAT("{"y" * 95_000}", STR(?a), STR(?b), STR(?c)) AS ?x) }} ORDER BY ?x LIMIT 1'
)
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"VALUES ?{v} {{ {' '.join(str(i) for i in range(60))} }}" for v in "abcd")
    + " }"
)  # 13M rows: seconds
MEMORY = 1_500_000_000


@pytest.fixture(scope="module")
def built(fixture_settings):
    return build(fixture_settings)


@pytest.fixture(scope="module")
def store_dir(built, tmp_path_factory):
    return materialize(built.dataset_path, tmp_path_factory.mktemp("limits") / f"store-{built.version}")


def _run(sandbox: QuerySandbox, query: str):
    return sandbox.run(query, fmt="csv", default_graphs=None, named_graphs=None)


def _peak(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields.get("VmPeak", "0 kB").split()[0]) * 1024


def test_query_over_the_memory_limit_is_503_and_the_worker_replaced(store_dir):
    sandbox = QuerySandbox(str(store_dir), workers=1, timeout=60, max_results=100, memory_limit=MEMORY)
    try:
        before = sandbox.pids
        peak = {"vm": 0}
        done = threading.Event()

        def sample():
            while not done.is_set():
                for pid in before:
                    peak["vm"] = max(peak["vm"], _peak(pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            with pytest.raises(WorkerMemoryExceeded) as refused:
                _run(sandbox, HUNGRY)
        finally:
            done.set()
            sampler.join()
        assert refused.value.setting == "CYBERGOV_QUERY_WORKER_MEMORY" and refused.value.limit == MEMORY
        assert "CYBERGOV_QUERY_WORKER_MEMORY" in str(refused.value)
        assert 0 < peak["vm"] <= MEMORY
        assert int(_run(sandbox, COUNT).body.split()[-1]) > 1000  # a fresh worker answers the next query
        assert not set(sandbox.pids) & set(before)
    finally:
        sandbox.close()


def test_worker_killed_mid_query_is_retried_once_on_a_fresh_one(store_dir):
    sandbox = QuerySandbox(str(store_dir), workers=1, timeout=60, max_results=100)
    try:
        victim = sandbox.pids[0]

        def kill_soon():
            time.sleep(0.3)
            os.kill(victim, signal.SIGKILL)

        killer = threading.Thread(target=kill_soon)
        killer.start()
        out = _run(sandbox, SLOW)
        killer.join()
        assert int(out.body.split()[-1]) == 60**4
        assert sandbox.retried == 1
        assert victim not in sandbox.pids
    finally:
        sandbox.close()


def test_a_damaged_memory_copy_never_answers(store_dir, built, tmp_path):
    """Half a default.nt (the issue's case): the copy holds fewer triples than the build recorded, so
    the worker keeps answering from the store on disk, with every triple."""
    half = tmp_path / "half.default.nt"
    lines = union_file(store_dir).read_bytes().splitlines(keepends=True)
    half.write_bytes(b"".join(lines[: len(lines) // 2]))
    damaged = QuerySandbox(
        str(store_dir),
        workers=1,
        timeout=10,
        max_results=100,
        memory_path=str(half),
        memory_triples=built.default_triples,
    )
    try:
        deadline = time.monotonic() + 30
        while not (status := damaged.memory_status()) or "error" not in status[0]:
            assert time.monotonic() < deadline, status
            time.sleep(0.1)
        assert "the build recorded" in status[0]["error"] and status[0]["ready"] is False
        assert int(_run(damaged, COUNT).body.split()[-1]) == built.default_triples
        assert damaged.answered == {"memory": 0, "disk": 1}
    finally:
        damaged.close()


def test_a_query_that_kills_its_worker_is_retried_once_then_refused(store_dir):
    """10,000 nested groups overflow the engine parser's stack (SIGSEGV): the worker is replaced, the
    query retried once, then answered WorkerDied (503), and the next query is served."""
    sandbox = QuerySandbox(str(store_dir), workers=1, timeout=30, max_results=100)
    try:
        nested = "SELECT * WHERE " + "{" * 10_000 + "}" * 10_000
        with pytest.raises((WorkerDied, QueryError)) as refused:  # QueryError if the engine ever parses it
            _run(sandbox, nested)
        if isinstance(refused.value, WorkerDied):
            assert sandbox.retried == 1 and "died twice" in str(refused.value)
        assert int(_run(sandbox, COUNT).body.split()[-1]) > 1000
    finally:
        sandbox.close()
