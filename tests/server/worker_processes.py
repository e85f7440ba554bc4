"""The server's worker processes, seen from outside through /proc (Linux)."""

from __future__ import annotations

import time
from pathlib import Path


def children(pid: int) -> list[int]:
    """The pids whose parent is pid (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def query_workers(pid: int) -> list[int]:
    """The server's query worker processes: its multiprocessing spawn children (not the resource tracker)."""
    workers = []
    for child in children(pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            workers.append(child)
    return workers


def wait_for_workers(pid: int, count: int, *, timeout: float = 60.0) -> list[int]:
    """The server's query workers once there are `count` of them (a killed one is replaced in the background).

    Raises:
        AssertionError: not `count` workers within timeout.
    """
    deadline = time.monotonic() + timeout
    while True:
        workers = query_workers(pid)
        if len(workers) == count:
            return workers
        assert time.monotonic() < deadline, f"{len(workers)} query workers, not {count}, after {timeout:g} s"
        time.sleep(0.1)
