"""kg.workers: a worker pool keeps its size."""

from __future__ import annotations

import os
import signal
import time

from kg.workers import WorkerPool


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


def test_an_idle_worker_that_died_is_replaced_even_when_is_alive_cannot_tell():
    """Killed while idle and reaped by someone else (as a Process.start() in another thread reaps every finished
    child), a worker's is_alive() stays True; the pool reads its pipe, replaces it and answers without a retry."""
    pool = WorkerPool(_sleeper, (0.0,), workers=2, name="test")
    try:
        for pid in pool.pids:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)  # reaped here: multiprocessing's own poll now gets ECHILD
        assert all(worker.process.is_alive() for worker in pool._all)  # what the pool could not trust
        killed = set(pool.pids)
        assert [pool.call(n, timeout=10) for n in range(3)] == [0, 1, 2]
        assert pool.retried == 0
        assert not set(pool.pids) & killed
    finally:
        pool.close()


def test_each_idle_replaces_a_dead_worker_that_is_alive_cannot_tell():
    """each_idle puts back only the workers it can hand a request to (the check _take makes): one killed and reaped
    elsewhere is replaced there, not left in the idle queue."""
    pool = WorkerPool(_sleeper, (0.0,), workers=2, name="test")
    try:
        dead = pool.pids[0]
        os.kill(dead, signal.SIGKILL)
        os.waitpid(dead, 0)
        assert pool.each_idle("ping", timeout=5) == ["ping"]
        deadline = time.monotonic() + 30
        while pool._idle.qsize() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the replacement starts in the background
        assert dead not in pool.pids and len(pool.pids) == 2
        assert dead not in [w.process.pid for w in list(pool._idle.queue) if w is not None]
    finally:
        pool.close()


def _leaves_on_signal(seconds: float):  # runs in the worker process
    """A handler whose "linger" request starts a thread that keeps the process alive for seconds and makes SIGUSR1
    end the first thread alone (pthread_exit in the signal handler, which Python runs in that thread): the state of a
    worker killed from outside while its other threads still free their memory."""
    import ctypes
    import threading

    def leave(signum, frame):
        ctypes.CDLL(None).pthread_exit(None)

    def handle(request):
        if request == "linger":
            signal.signal(signal.SIGUSR1, leave)
            threading.Thread(target=time.sleep, args=(seconds,)).start()
        return request

    return handle


def _state(pid: int) -> str:
    stat = open(f"/proc/{pid}/stat").read()
    return stat[stat.rfind(")") + 2]


def test_a_worker_whose_first_thread_has_exited_is_not_handed_a_request():
    """A worker killed from outside is a zombie at once but lives, pipe open and quiet, until its last thread has
    gone: is_alive() and the pipe both say it can take a request, which then waited for an answer that never came
    (or broke, and the retry met a second worker dying the same way). The pool reads the process's state and
    answers from a fresh worker at once, without a retry."""
    pool = WorkerPool(_leaves_on_signal, (60.0,), workers=1, name="test")
    try:
        assert pool.call("linger", timeout=10) == "linger"
        (pid,) = pool.pids
        os.kill(pid, signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while _state(pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        (worker,) = pool._all
        # what the pool used to trust: the process is not reaped and its pipe is quiet
        assert _state(pid) == "Z" and worker.process.is_alive() and not worker.conn.poll(0)
        started = time.monotonic()
        assert pool.call("ping", timeout=5) == "ping"
        assert time.monotonic() - started < 4  # not the 5 s limit spent on a worker that cannot answer
        assert pool.retried == 0
        assert pool.pids and pid not in pool.pids
    finally:
        pool.close()
