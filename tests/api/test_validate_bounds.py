"""Issue 10 for POST /validate: the memory bombs end in a clear 413/503 under the worker's memory
limit while the server keeps serving; JSON-LD nested 10,000 deep is a 400 before any parser
sees it; several workers and a per-client limit keep one big upload from starving the others."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.config import Settings

REPO = Path(__file__).resolve().parents[2]
PROBLEM = "application/problem+json"
SMALL = b"@prefix ex: <http://example.org/b/> .\nex:a ex:b ex:c .\n"
MEMORY = 1_000_000_000  # bytes of address space per validation worker in these tests


def transitive_chain(n: int = 3000) -> bytes:
    """The issue's 64 KB bomb: a transitive property over an n-node chain (closure: n^2/2 triples)."""
    lines = [
        "@prefix ex: <http://example.org/b/> .",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
        "ex:p a owl:TransitiveProperty .",
    ] + [f"ex:n{i} ex:p ex:n{i + 1} ." for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def same_as_chain(n: int = 1500) -> bytes:
    """The issue's 37 KB bomb: an owl:sameAs chain (closure: n^2 pairs, and every triple copied)."""
    lines = ["@prefix ex: <http://example.org/b/> .", "@prefix owl: <http://www.w3.org/2002/07/owl#> ."]
    lines += [f"ex:a{i} owl:sameAs ex:a{i + 1} ." for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


NESTED_PREFIX = '{"@id": "http://example.org/x", "http://example.org/p": '


def nested_jsonld(depth: int = 10_000) -> bytes:
    return (NESTED_PREFIX + "[" * depth + "1" + "]" * depth + "}").encode()


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    return Settings(
        root=REPO,
        data_dir=REPO / "tests" / "fixtures" / "canonical",
        cache_dir=tmp_path_factory.mktemp("cache"),
        validate_workers=2,
        validate_per_client=1,
        validate_worker_memory=MEMORY,
        validate_timeout=60,
    )


@pytest.fixture(scope="module")
def app(settings, fixture_store):
    application = create_app(settings, store=fixture_store)
    with TestClient(application):  # runs the lifespan: the pool is closed at the end
        yield application


def as_client(app, host: str) -> TestClient:
    """A client whose requests come from host (the per-client limit counts by address)."""
    return TestClient(app, client=(host, 50000))


class PeakMemory:
    """Samples the validation workers' peak address space and resident size from /proc while running, and the
    address-space limit each worker runs under (/proc/<pid>/limits); it samples once more on exit, so a worker that
    is replaced between two samples (a bomb that fails at once) still leaves the limits of the pool seen."""

    def __init__(self, app) -> None:
        self.app, self.vm, self.rss = app, 0, 0
        self.limits: set[int] = set()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        pool = getattr(self.app.state, "check_pool", None)
        for pid in pool.pids if pool else []:
            try:
                fields = dict(
                    line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                )
                limits = Path(f"/proc/{pid}/limits").read_text().splitlines()
            except (OSError, ValueError):
                continue
            self.vm = max(self.vm, int(fields.get("VmPeak", "0 kB").split()[0]) * 1024)
            self.rss = max(self.rss, int(fields.get("VmHWM", "0 kB").split()[0]) * 1024)
            for line in limits:
                if line.startswith("Max address space"):
                    soft = line.split()[3]
                    self.limits.add(-1 if soft == "unlimited" else int(soft))

    def _run(self) -> None:
        while not self._done.is_set():
            self._sample()
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()
        self._sample()


@pytest.mark.parametrize("bomb", [transitive_chain, same_as_chain], ids=["transitive-3000", "sameas-1500"])
def test_memory_bomb_ends_in_a_clear_answer_and_the_server_keeps_serving(
    app, settings, bomb, record_property
):
    body = bomb()
    with as_client(
        app, "10.0.0.9"
    ) as warm:  # both workers started (they start on first use), so the sampler sees
        for _ in range(settings.validate_workers):  # the one that takes the bomb from before it gets it
            assert (
                warm.post("/validate", content=SMALL, headers={"Content-Type": "text/turtle"}).status_code
                == 200
            )
    with as_client(app, "10.0.0.1") as client, PeakMemory(app) as peak:
        started = time.monotonic()
        response = client.post("/validate", content=body, headers={"Content-Type": "text/turtle"})
        seconds = time.monotonic() - started
    record_property("bytes", len(body))
    record_property("seconds", round(seconds, 1))
    record_property("peak_vm_mb", peak.vm // 1_000_000)
    record_property("peak_rss_mb", peak.rss // 1_000_000)
    print(
        f"\n{bomb.__name__}: {len(body)} bytes -> {response.status_code} in {seconds:.1f} s, "
        f"worker peak {peak.vm / 1e6:.0f} MB address space, {peak.rss / 1e6:.0f} MB resident"
    )
    assert response.status_code in (413, 503), response.text[:300]
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert (
        problem["setting"]
        if response.status_code == 413
        else "CYBERGOV_VALIDATE_TIMEOUT" in problem["detail"]
    )
    if response.status_code == 413:
        assert problem["setting"] == "CYBERGOV_VALIDATE_WORKER_MEMORY" and problem["limit"] == MEMORY
    # the limit held: every worker runs under it, and none was seen with more address space than allowed
    assert peak.limits == {MEMORY}
    assert 0 < peak.vm <= MEMORY
    with as_client(app, "10.0.0.2") as other:
        assert other.get("/health").status_code == 200
        after = other.post("/validate", content=SMALL, headers={"Content-Type": "text/turtle"})
    assert after.status_code == 200, after.text[:300]


def test_jsonld_nested_10000_deep_is_400_naming_the_limit(app, settings):
    with as_client(app, "10.0.0.3") as client:
        response = client.post(
            "/validate", content=nested_jsonld(), headers={"Content-Type": "application/ld+json"}
        )
        assert response.status_code == 400
        assert response.headers["content-type"] == PROBLEM
        problem = response.json()
        assert "CYBERGOV_MAX_NESTING_DEPTH" in problem["detail"]
        # the object is level 1: the limit is passed at the limit-th bracket
        assert (problem["line"], problem["column"]) == (1, len(NESTED_PREFIX) + settings.max_nesting_depth)
        shallow = client.post(
            "/validate", content=nested_jsonld(depth=3), headers={"Content-Type": "application/ld+json"}
        )
    assert shallow.status_code in (200, 422), shallow.text[:300]


def test_a_small_upload_is_not_stuck_behind_a_big_one(app):
    """One client's long check holds one worker; another client's small check runs on the other and
    finishes first; the first client cannot start a second check meanwhile (429)."""
    big: dict = {}

    def send_big():
        with as_client(app, "10.0.0.4") as client:
            big["response"] = client.post(
                "/validate", content=transitive_chain(), headers={"Content-Type": "text/turtle"}
            )
            big["ended"] = time.monotonic()

    thread = threading.Thread(target=send_big)
    thread.start()
    try:
        pool = None
        deadline = time.monotonic() + 30
        while pool is None or not pool.busy:  # wait until the big check holds a worker
            assert time.monotonic() < deadline, "the big check did not start"
            time.sleep(0.05)
            pool = getattr(app.state, "check_pool", None)
        with as_client(app, "10.0.0.4") as same:
            second = same.post("/validate", content=SMALL, headers={"Content-Type": "text/turtle"})
        with as_client(app, "10.0.0.5") as other:
            small = other.post("/validate", content=SMALL, headers={"Content-Type": "text/turtle"})
        small_ended = time.monotonic()
        assert thread.is_alive() or big["ended"] > small_ended  # the small one finished while the big one ran
    finally:
        thread.join(120)
    assert second.status_code == 429 and second.headers["content-type"] == PROBLEM
    assert "CYBERGOV_VALIDATE_PER_CLIENT" in second.json()["detail"]
    assert small.status_code == 200, small.text[:300]
    assert big["response"].status_code in (413, 503)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "zombie" not in state


@pytest.mark.skipif(
    __import__("os").environ.get("CYBERGOV_TEST_BACKEND", "embedded") != "embedded",
    reason="the remote store has no query workers",
)
def test_workers_are_closed_on_app_shutdown(fixture_settings):
    """The app's own query workers and its validation workers stop with the app."""
    application = create_app(fixture_settings.model_copy(update={"query_workers": 1, "validate_workers": 1}))
    with TestClient(application) as client:
        assert (
            client.post(
                "/sparql", content="ASK { ?s ?p ?o }", headers={"Content-Type": "application/sparql-query"}
            ).status_code
            == 200
        )
        assert (
            client.post("/validate", content=SMALL, headers={"Content-Type": "text/turtle"}).status_code
            == 200
        )
        pids = application.state.store.sandbox.pids + application.state.check_pool.pids
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)
