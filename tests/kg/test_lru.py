"""kg.lru: the one bounded map under the response cache and the store's memo."""

from __future__ import annotations

from kg.lru import LRU, MISSING


def test_the_least_recently_used_entry_goes_first():
    lru = LRU(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1  # a is now the most recent
    lru.put("c", 3)
    assert lru.get("b") is MISSING and lru.get("a") == 1 and lru.get("c") == 3
    assert (lru.hits, lru.misses) == (3, 1)


def test_the_size_budget_drops_old_entries_but_keeps_the_newest():
    lru = LRU(10, max_size=10, size=len)
    lru.put("x", b"12345")
    lru.put("y", b"123456")  # 11 > 10: x goes
    assert lru.get("x") is MISSING and lru.get("y") == b"123456"
    lru.put("z", b"0" * 50)  # alone over the budget: kept, the others go
    assert len(lru) == 1 and lru.get("z") == b"0" * 50


def test_a_key_keeps_its_first_value():
    lru = LRU(4)
    lru.put("k", 1)
    lru.put("k", 2)
    assert lru.get("k") == 1 and len(lru) == 1
