"""A query worker that dies is retried once before an error (issue 10): the server keeps serving.

The worker processes are killed from outside with SIGKILL, as the kernel's OOM killer or an
operator would: once while idle, once while several concurrent queries keep every worker busy.
Every request must still get its answer (200), and the pool must be back to full strength.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time

import httpx
from worker_processes import wait_for_workers

# ~0.2 s on the fixture data: long enough that a worker is busy when it is killed
MEDIUM = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?b ?f }} # request {n}"
SMALL = "ASK {{ ?s ?p ?o }} # request {n}"  # the comment makes each query text (and cache key) distinct
_numbers = itertools.count()


def sparql(client: httpx.Client, template: str) -> httpx.Response:
    return client.get(
        "/sparql",
        params={"query": template.format(n=next(_numbers))},
        headers={"Accept": "application/sparql-results+json"},
    )


def test_a_killed_idle_worker_costs_no_request_an_error(server):
    base, pid = server
    workers = wait_for_workers(pid, 2)
    os.kill(workers[0], signal.SIGKILL)
    with httpx.Client(base_url=base, timeout=30) as client:
        # two workers taken in turn: the dead one comes up within the first two requests
        statuses = [sparql(client, SMALL).status_code for _ in range(6)]
    assert statuses == [200] * 6
    assert workers[0] not in wait_for_workers(pid, 2)


def test_a_worker_killed_under_load_costs_no_request_an_error(server):
    base, pid = server
    workers = wait_for_workers(pid, 2)
    outcomes: list[int | str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client_loop():
        with httpx.Client(base_url=base, timeout=30) as client:
            while not stop.is_set():
                try:
                    status: int | str = sparql(client, MEDIUM).status_code
                except httpx.HTTPError as exc:  # a stuck or dropped request counts as a failure
                    status = type(exc).__name__
                with lock:
                    outcomes.append(status)

    threads = [threading.Thread(target=client_loop) for _ in range(6)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 30
    while len(outcomes) < 6 and time.monotonic() < deadline:  # the load is running: both workers busy
        time.sleep(0.05)
    os.kill(workers[0], signal.SIGKILL)
    killed_at = len(outcomes)
    time.sleep(2.0)
    with httpx.Client(base_url=base, timeout=10) as client:  # the server answers others meanwhile
        health = client.get("/health")
        rest = client.get("/treaties/budapest-convention/parties", params={"as_of": "2020-01-01"})
    stop.set()
    for thread in threads:
        thread.join(60)

    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    assert health.status_code == 200 and rest.status_code == 200
    assert len(outcomes) > killed_at, "no request was answered after the kill"
    failures = [o for o in outcomes if o != 200]
    assert not failures, f"{len(failures)} of {len(outcomes)} requests failed around the kill: {failures}"
    assert workers[0] not in wait_for_workers(pid, 2)
    with httpx.Client(base_url=base, timeout=30) as client:  # later requests succeed
        assert [sparql(client, SMALL).status_code for _ in range(4)] == [200] * 4
