"""Answering from memory only: a request may ask that nothing it computes reads the store.

The hot REST routes (a treaty's parties on a date, ...) answer from the record index and the memo of named
queries (kg.store.cached, kg.answers.record_index); once those hold what a request needs, the answer is a few
dictionary look-ups, cheaper than handing the request to a thread. A route runs its answer inside
`memory_only()`; every place that would read the store calls `require_store_read()` first, which raises
`NotInMemory` there, and the route runs the answer again where reading is allowed (api.memory_first).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_MEMORY_ONLY: ContextVar[bool] = ContextVar("cybergov_memory_only", default=False)


class NotInMemory(Exception):
    """An answer asked to be computed from memory needs a read of the store."""


@contextmanager
def memory_only() -> Iterator[None]:
    """Within this block (this thread or task only), reading the store raises NotInMemory."""
    token = _MEMORY_ONLY.set(True)
    try:
        yield
    finally:
        _MEMORY_ONLY.reset(token)


def require_store_read() -> None:
    """Call before reading the store.

    Raises:
        NotInMemory: inside memory_only().
    """
    if _MEMORY_ONLY.get():
        raise NotInMemory


__all__ = ["NotInMemory", "memory_only", "require_store_read"]
