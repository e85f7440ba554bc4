"""A runaway query is stopped at its limit while the server keeps answering others (live uvicorn)."""

import threading
import time

import httpx

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
LIMIT = 2.0  # CYBERGOV_QUERY_TIMEOUT of the live server


def test_runaway_query_is_stopped_and_others_are_served(live_server):
    outcome = {}

    def runaway():
        started = time.monotonic()
        response = httpx.get(live_server + "/sparql", params={"query": EXPLOSIVE}, timeout=30)
        outcome["status"] = response.status_code
        outcome["body"] = response.json()
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    health = httpx.get(live_server + "/health", timeout=5)
    health_seconds = time.monotonic() - started
    thread.join(30)

    assert health.status_code == 200
    assert health_seconds < 1.0
    assert outcome["status"] == 503
    assert "stopped" in outcome["body"]["detail"]
    assert outcome["seconds"] < LIMIT + 3.0

    # the killed worker was replaced: an ordinary query works again
    deadline = time.monotonic() + 20
    while True:
        ok = httpx.get(live_server + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        if ok.status_code == 200 or time.monotonic() > deadline:
            break
    assert ok.status_code == 200
    assert ok.json()["boolean"] is True
