"""Many read-only SELECT queries on one pyoxigraph store, answered on a few threads.

pyoxigraph releases the GIL while it evaluates a query, so independent queries (the SHACL constraints of a
build: kg.build.validation) run side by side on the cores the machine has. Each distinct text runs once; the
answers come back by text, whatever order the threads finished in, so callers report in their own order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph as ox

# more threads than this gains nothing on the builds measured (bench/), and each holds its answer in memory
MAX_THREADS = 4


@dataclass(frozen=True)
class Answer:
    """The solutions of one SELECT, read to the end."""

    variables: list[str]
    solutions: list[ox.QuerySolution]


def default_threads() -> int:
    """The threads a full validation uses: the machine's cores, at most MAX_THREADS."""
    return max(1, min(MAX_THREADS, os.cpu_count() or 1))


def _answer(store: ox.Store, query: str) -> Answer:
    solutions = store.query(query)
    return Answer(variables=[v.value for v in solutions.variables], solutions=list(solutions))


def answer_all(store: ox.Store, queries: Iterable[str], *, threads: int = 1) -> dict[str, Answer]:
    """Answer each distinct SELECT text once.

    Args:
        threads: at most this many queries at once (1: one after the other, in this thread).
    Returns:
        the answer of every text.
    Raises:
        SyntaxError, OSError: as pyoxigraph raises them for a query (the first failing one).
    """
    texts = list(dict.fromkeys(queries))
    if threads <= 1 or len(texts) <= 1:
        return {text: _answer(store, text) for text in texts}
    with ThreadPoolExecutor(max_workers=min(threads, len(texts))) as pool:
        return dict(zip(texts, pool.map(lambda text: _answer(store, text), texts), strict=True))


__all__ = ["MAX_THREADS", "Answer", "answer_all", "default_threads"]
