"""The build cache's files: written atomically under a lock, each with a sha256 checked before use.

Several servers may start on one cache directory: `locked` serializes whoever builds or
materializes (fcntl.flock on `<cache>/.lock`), so one builds and the others wait and reuse its
result. Every file is written to a temporary name and renamed into place, and its sha256 is
recorded in a JSON manifest written the same way; a file whose digest no longer matches (a
truncated copy, a half-written file from an older version, a disk fault) is never served: the
caller rebuilds it (kg.build.pipeline, kg.store.embedded.materialize).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
# RocksDB's own bookkeeping, rewritten by every open: not part of the data
_VOLATILE = ("LOCK", "LOG")


@contextmanager
def locked(cache_dir: Path):
    """Hold the cache's exclusive lock (blocking until another process releases it). Not reentrant."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / ".lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file's bytes (hashlib releases the GIL, so threads hash in parallel)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _data_files(directory: Path) -> list[Path]:
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(_VOLATILE) and p.name != "IDENTITY"
    )


def tree_digests(directory: Path) -> dict[str, str]:
    """sha256 of every data file of a directory (a RocksDB store), by name."""
    files = _data_files(directory)
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return dict(zip((p.name for p in files), pool.map(sha256_file, files), strict=False))


def write_json(path: Path, value: dict) -> None:
    """Write JSON atomically (temporary file in the same folder, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w") as handle:
        json.dump(value, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> dict | None:
    """A manifest, or None when it is missing or damaged (logged, naming the file)."""
    try:
        value = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("cache file %s is unreadable (%s): rebuilding", path, exc)
        return None
    if not isinstance(value, dict):
        log.warning("cache file %s is not a JSON object: rebuilding", path)
        return None
    return value


def matches(path: Path, recorded: str | None) -> bool:
    """Whether a file exists and has the recorded sha256 (a mismatch is logged, naming the file)."""
    if not path.exists():
        return False
    if recorded is None or sha256_file(path) != recorded:
        log.warning("cache file %s does not match the sha256 its build recorded: rebuilding", path)
        return False
    return True


def tree_matches(directory: Path, recorded: dict | None) -> bool:
    """Whether a directory's data files are exactly the recorded ones, byte for byte."""
    if not directory.is_dir():
        return False
    if not recorded or tree_digests(directory) != recorded:
        log.warning("cache directory %s does not match the digests its build recorded: rebuilding", directory)
        return False
    return True


__all__ = ["locked", "sha256_file", "tree_digests", "write_json", "read_json", "matches", "tree_matches"]
