"""The memory limit of a worker process, set in the child, and how its death is told apart.

A worker sets RLIMIT_AS (its address space) on itself before it loads anything big; past it, an
allocation fails: Python raises MemoryError (the worker reports it and exits) and the Rust engine
aborts the process (SIGABRT). The parent reads either as "over the memory limit" and replaces the
worker. cgroups would count resident memory instead, but need privileges the service does not have.
"""

from __future__ import annotations

import ctypes
import resource
import signal

MEMORY_EXIT = 3  # a worker that caught MemoryError exits with this code
_M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


def limit_memory(limit: int) -> None:
    """Cap this process's address space at limit bytes (0: no cap). Call in the child only."""
    if limit > 0:
        _few_arenas()
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _few_arenas() -> None:
    """Keep glibc to ARENAS malloc arenas: each thread that allocates may get its own, which reserves 64 MB of
    address space it may never use, and RLIMIT_AS counts what is reserved. With the engine's threads, a fresh
    validation worker under a 1 GB cap sometimes failed a 200 MB allocation on a one-triple contribution (413).
    Elsewhere than glibc there is nothing to do."""
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, ARENAS)
    except (OSError, AttributeError):
        pass


def died_of_memory(exitcode: int | None) -> bool:
    """Whether a worker's exit code says it ran out of memory (MemoryError caught, or an aborted allocation)."""
    return exitcode in (MEMORY_EXIT, -signal.SIGABRT)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"
