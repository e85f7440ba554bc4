"""kg.workers: a worker's reply does not wait for the server to read it.

A worker's socket pair takes a whole reply (kg.workers.SOCKET_BUFFER): with the kernel's default buffer
(about 200 KB), a worker sending a larger answer stayed blocked in write() until the server's thread,
waiting for the GIL behind the event loop, had read it piece by piece.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from kg.workers import SOCKET_BUFFER, WorkerPool

REPLY = 1 << 20  # bytes: five times the kernel's default socket buffer, well under the widened one
READ, WRITE = "0", "1"  # x86-64 system call numbers in /proc/<pid>/syscall


def _big_reply(size: int):  # runs in the worker process
    reply = b"x" * size
    return lambda request: reply


def _syscall(pid: int) -> str:
    """The system call the process is blocked in, by number ("running" when it is not in one)."""
    return Path(f"/proc/{pid}/syscall").read_text().split()[0]


def _wmem_max() -> int:
    return int(Path("/proc/sys/net/core/wmem_max").read_text())


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not Path("/proc/self/syscall").exists(), reason="reads /proc"
)
def test_a_worker_has_sent_a_large_reply_before_the_server_reads_it():
    assert (
        min(SOCKET_BUFFER, _wmem_max()) > 2 * REPLY
    )  # (the kernel doubles what is asked, and counts overhead)
    pool = WorkerPool(_big_reply, (REPLY,), workers=1, name="test")
    try:
        worker = pool._idle.get(timeout=5)
        worker.conn.send("question")
        deadline = time.monotonic() + 10
        while _syscall(worker.process.pid) != READ and time.monotonic() < deadline:
            time.sleep(0.05)  # the worker computes, then sends; nothing reads on this side yet
        assert _syscall(worker.process.pid) == READ, "the worker is still sending (blocked in write)"
        assert len(worker.conn.recv()) == REPLY
    finally:
        pool.close()


def _sleeper(seconds: float):  # runs in the worker process
    def handle(request):
        time.sleep(seconds if request == "slow" else 0)
        return request

    return handle


def test_a_worker_that_times_out_in_each_idle_is_replaced_once():
    """each_idle's request timing out stops and replaces the worker (in _ask); it used to be replaced a second time
    afterwards, so the pool grew a worker beyond its size with every timeout."""
    pool = WorkerPool(_sleeper, (30.0,), workers=2, name="test")
    try:
        assert pool.each_idle("slow", timeout=0.2) == []
        deadline = time.monotonic() + 30
        while pool._idle.qsize() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the replacements start in the background
        time.sleep(0.5)  # a second replacement, if any, would have been queued by now too
        assert pool._idle.qsize() == 2
        assert len(pool.pids) == 2
        assert pool.call("fast", timeout=5) == "fast"
    finally:
        pool.close()
