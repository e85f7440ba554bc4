"""Answer from memory in the event loop when possible, else in a worker thread (kg.memory_only).

A sync route runs in Starlette's thread pool: a hop that costs more than the whole answer of a date route once
its records are indexed (a new `as_of` is a few look-ups). The REST routes are decorated with
`answers_from_memory`, which makes them `async` and hands their answer to `memory_first`: it runs in the event
loop with reading the store forbidden; the first request for a treaty, state or organization (its records not
read yet), or any answer that needs the store (JSON-LD's graph, a memo entry dropped), meets NotInMemory and
runs again in the thread pool, where it may read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from kg.memory_only import NotInMemory, memory_only

T = TypeVar("T")


async def memory_first(answer: Callable[[], T]) -> T:
    """answer() computed from memory if it can be, else in the thread pool (it must only read: it may run twice)."""
    try:
        with memory_only():
            return answer()
    except NotInMemory:
        return await run_in_threadpool(answer)


def answers_from_memory(route: Callable[..., Any]) -> Callable[..., Any]:
    """A read-only route's `def` as an `async def` whose answer goes through memory_first (FastAPI reads the
    parameters from the wrapped function's signature). Put it under the route's decorator."""

    @functools.wraps(route)
    async def endpoint(*args: Any, **kwargs: Any) -> Any:
        return await memory_first(lambda: route(*args, **kwargs))

    return endpoint


__all__ = ["answers_from_memory", "memory_first"]
