"""The memory limit of a worker process, set in the child, and how its death is told apart.

A worker sets RLIMIT_AS (its address space) on itself before it loads anything big; past it, an
allocation fails: Python raises MemoryError (the worker reports it and exits) and the Rust engine
aborts the process (SIGABRT). The parent reads either as "over the memory limit" and replaces the
worker. cgroups would count resident memory instead, but need privileges the service does not have.
"""

from __future__ import annotations

import resource
import signal

MEMORY_EXIT = 3  # a worker that caught MemoryError exits with this code


def limit_memory(limit: int) -> None:
    """Cap this process's address space at limit bytes (0: no cap). Call in the child only."""
    if limit > 0:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def died_of_memory(exitcode: int | None) -> bool:
    """Whether a worker's exit code says it ran out of memory (MemoryError caught, or an aborted allocation)."""
    return exitcode in (MEMORY_EXIT, -signal.SIGABRT)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"
