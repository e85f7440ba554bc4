"""kg.memory_only: inside memory_only() reading a store raises NotInMemory; memoized answers still come back."""

from __future__ import annotations

import threading

import pytest

from kg import named_queries
from kg.memory_only import NotInMemory, memory_only, require_store_read
from kg.store.cached import CachedStore


def test_reading_is_refused_inside_the_block_only():
    require_store_read()  # outside: allowed
    with memory_only():
        with pytest.raises(NotInMemory):
            require_store_read()
    require_store_read()  # allowed again after the block, even when it ended by an exception


def test_the_block_holds_for_its_own_thread_only():
    seen = []
    with memory_only():
        worker = threading.Thread(target=lambda: seen.append(require_store_read() is None))
        worker.start()
        worker.join()
    assert seen == [True]


def test_the_store_refuses_every_read_inside_the_block(fixture_store):
    inner = fixture_store.inner if isinstance(fixture_store, CachedStore) else fixture_store
    query = named_queries.get("states").text
    assert inner.select(query)  # outside: answers
    with memory_only():
        for read in (lambda: inner.select(query), lambda: inner.ask("ASK { ?s ?p ?o }")):
            with pytest.raises(NotInMemory):
                read()


def test_a_memoized_answer_is_served_inside_the_block_and_a_new_one_is_refused(fixture_store):
    store = CachedStore(fixture_store.inner if isinstance(fixture_store, CachedStore) else fixture_store)
    query = named_queries.get("states").text
    first = store.select(query)
    with memory_only():
        assert store.select(query) == first
        with pytest.raises(NotInMemory):
            store.select(query, bindings={"unused": "x"})
