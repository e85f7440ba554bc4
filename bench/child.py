"""Measurements that need a fresh process: a cold build (with peak memory) and a warm start.

python -m bench.child build|warm DATA_DIR CACHE_DIR   -> one JSON line on stdout
"""

from __future__ import annotations

import json
import resource
import sys
import time

STARTED = time.perf_counter()


def _peak_mb() -> float:
    """This process's peak resident memory in MiB: VmHWM, which starts again at exec (Linux keeps ru_maxrss across
    fork and exec, so a child of the bench reported the bench's own size when that was larger: 1,389 MB at 100k
    against 581 MB), else ru_maxrss."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    command, data_dir, cache_dir = sys.argv[1:4]
    from kg.build.pipeline import build
    from kg.config import Settings
    from kg.store import open_store

    imported = time.perf_counter()
    settings = Settings(data_dir=data_dir, cache_dir=cache_dir)
    result = build(settings, use_cache=command == "warm", strict=False)
    built = time.perf_counter()
    store = open_store(settings, result)
    store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    ready = time.perf_counter()
    store.close()
    print(
        json.dumps(
            {
                "seconds": ready - imported,  # build (or cache hit) + open the store + first query
                "with_imports": ready - STARTED,
                "store_seconds": ready
                - built,  # open the store (a cold build: load it into RocksDB) + first query
                "timings": result.timings,
                "from_cache": result.from_cache,
                "triples": result.triples,
                "maxrss_mb": _peak_mb(),
            }
        )
    )


if __name__ == "__main__":
    main()
