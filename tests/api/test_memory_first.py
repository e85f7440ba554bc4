"""The date routes answer in the event loop once their records are indexed (api.memory_first), else in a thread;
both give the same answer, and an answer that needs the store (JSON-LD's graph) still gets it."""

from __future__ import annotations

import pytest

import api.memory_first
from kg.memory_only import NotInMemory
from kg.store.cached import CachedStore

ROUTES = [
    "/treaties/fixture-convention/parties",
    "/states/FRA/treaties",
    "/states/FRA/memberships",
    "/organizations/fixture-alliance/members",
]


@pytest.fixture
def threaded(monkeypatch):
    """The answers the date routes hand to the thread pool (each call recorded)."""
    calls = []
    original = api.memory_first.run_in_threadpool

    async def counting(answer, *args):
        calls.append(answer)
        return await original(answer, *args)

    monkeypatch.setattr(api.memory_first, "run_in_threadpool", counting)
    return calls


@pytest.fixture
def fresh(fixture_settings, fixture_store):
    """A client over the fixture store with an empty memo and record index (as a new graph version has)."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    inner = fixture_store.inner if isinstance(fixture_store, CachedStore) else fixture_store
    with TestClient(create_app(fixture_settings, store=CachedStore(inner))) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ROUTES)
def test_the_first_answer_reads_in_a_thread_and_the_next_dates_answer_from_memory(fresh, threaded, path):
    client = fresh
    first = client.get(path, params={"as_of": "2015-06-01"})
    assert first.status_code == 200, first.text
    assert len(threaded) == 1  # the records were read in the thread pool
    later = client.get(path, params={"as_of": "2013-02-03"})
    assert later.status_code == 200
    assert len(threaded) == 1  # a new date: answered from memory, no thread
    again = client.get(path, params={"as_of": "2015-06-01"})
    assert again.json()["items"] == first.json()["items"] and again.json()["total"] == first.json()["total"]


@pytest.mark.parametrize("path", ROUTES)
def test_the_answer_from_memory_is_the_answer_of_the_thread(client, monkeypatch, path):
    dates = ["1990-01-01", "2001-11-23", "2004-07-01", "2012-01-01", "2020-12-31", "2030-01-01"]
    client.get(path)  # the records are indexed
    from_memory = [
        client.get(path, params={"as_of": d, "status": "all"}).json() for d in dates if "treat" in path
    ]
    from_memory += [client.get(path, params={"as_of": d}).json() for d in dates]

    def refuse(*_args, **_kwargs):
        raise NotInMemory

    monkeypatch.setattr(api.memory_first, "memory_only", refuse)  # every answer goes to the thread pool
    in_thread = [
        client.get(path, params={"as_of": d, "status": "all"}).json() for d in dates if "treat" in path
    ]
    in_thread += [client.get(path, params={"as_of": d}).json() for d in dates]
    assert from_memory == in_thread


def test_an_answer_that_needs_the_store_is_read_in_a_thread(fresh, threaded):
    client, path = fresh, ROUTES[0]
    client.get(path, params={"as_of": "2015-06-01"})  # the records are indexed, in a thread
    threaded.clear()
    linked = client.get(path, params={"as_of": "2015-06-01", "format": "jsonld"})
    assert linked.status_code == 200 and linked.headers["content-type"].startswith("application/ld+json")
    assert linked.json()["@graph"] or linked.json().get("@id")
    assert len(threaded) == 1  # the graph of the records was not in memory: the thread pool read it


def test_the_decorated_routes_keep_their_parameters_in_the_openapi_description(client):
    paths = client.get("/openapi.json").json()["paths"]
    names = {p["name"] for p in paths["/treaties/{id}/parties"]["get"]["parameters"]}
    assert names == {"id", "as_of", "status", "evidence", "limit", "offset", "format"}
    assert {p["name"] for p in paths["/states"]["get"]["parameters"]} >= {"q", "limit", "offset"}
