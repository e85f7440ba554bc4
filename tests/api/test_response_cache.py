"""GET answers are cached by graph version + URL + Accept, with ETags and 304s (issue 6)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.cache import ResponseCache
from kg.store.cached import CachedStore

ASK = "ASK { ?s ?p ?o }"


def test_repeated_sparql_get_has_the_same_body_and_etag(client):
    first = client.get(
        "/sparql", params={"query": ASK}, headers={"Accept": "application/sparql-results+json"}
    )
    second = client.get(
        "/sparql", params={"query": ASK}, headers={"Accept": "application/sparql-results+json"}
    )
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first.headers["etag"] == second.headers["etag"]


def test_if_none_match_gets_304_from_the_cache(client):
    url = "/treaties/budapest-convention/parties?as_of=2020-01-01"
    first = client.get(url)
    assert first.status_code == 200 and first.headers.get("etag")
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_accept_is_part_of_the_key(client):
    url = "/treaties/budapest-convention/parties?as_of=2020-01-01"
    as_json = client.get(url, headers={"Accept": "application/json"})
    as_csv = client.get(url, headers={"Accept": "text/csv"})
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_csv.headers["content-type"].startswith("text/csv")


class _Store:
    def __init__(self) -> None:
        self.version = "v1"


def _app(counter: list) -> FastAPI:
    app = FastAPI()
    app.state.store = _Store()

    @app.get("/thing")
    def thing():
        counter.append(1)
        return {"n": len(counter)}

    @app.post("/thing")
    def post_thing():
        counter.append(1)
        return {"n": len(counter)}

    app.add_middleware(ResponseCache, max_entries=8)
    return app


def test_a_new_graph_version_misses_the_cache():
    calls: list = []
    app = _app(calls)
    with TestClient(app) as c:
        assert c.get("/thing").json() == {"n": 1}
        assert c.get("/thing").json() == {"n": 1}  # from the cache
        app.state.store.version = "v2"
        assert c.get("/thing").json() == {"n": 2}
    assert len(calls) == 2


def test_posts_are_never_cached():
    calls: list = []
    with TestClient(_app(calls)) as c:
        c.post("/thing")
        c.post("/thing")
    assert len(calls) == 2


class _Counting:
    version = "v"

    def __init__(self) -> None:
        self.calls = 0

    def select(self, query, *, bindings=None):
        self.calls += 1
        return [{"x": "1"}]

    def counts(self):
        return {"g": 1}


def test_cached_store_runs_a_named_query_once_per_binding():
    inner = _Counting()
    store = CachedStore(inner, max_entries=2)
    rows = store.select("Q", bindings={"t": "a"})
    rows[0]["x"] = "changed"  # the caller's copy; the memo keeps its own
    assert store.select("Q", bindings={"t": "a"}) == [{"x": "1"}]
    store.select("Q", bindings={"t": "b"})
    assert inner.calls == 2
    assert store.counts() == {"g": 1}  # everything else is the inner store's
