"""The dumps GET /dump serves, kept on disk per graph version (api.routes.dump).

Making a dump reads every quad of the store into Python and compresses it: about 0.5 s on the curated data, 106 s
at a million source triples, in the server's process, for every request. The first request for a version and format
now streams the dump as it is made and keeps it: written under a temporary name, its sha256 beside it, renamed into
place only when complete (a client that goes away midway leaves nothing). Later requests get the file, opened, checked
against its sha256 and sent from the same open file; a file that does not match is not served, and the dump is made
again. Keeping a version's dump removes the dumps of older versions in the same format but the newest of them (the
version before, which another API instance on the same cache may still serve for a moment).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.build.cache_files import read_json, write_json

FOLDER = "dumps"
log = logging.getLogger(__name__)


def dump_path(cache: Path, version: str, suffix: str) -> Path:
    """Where the gzip dump of a graph version in one format (suffix: nq, trig) is kept."""
    return cache / FOLDER / f"dump-{version}.{suffix}.gz"


def _digest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def opened(cache: Path, version: str, suffix: str) -> BinaryIO | None:
    """The kept dump of a version, open at its start, if it is there and its bytes have the sha256 recorded when it was
    kept; else None. The bytes checked are those the caller reads: an API instance keeping a newer version may remove
    the file meanwhile (_remove_others), and the open file still reads whole."""
    path = dump_path(cache, version, suffix)
    try:
        file = path.open("rb")
    except OSError:
        return None
    recorded = (read_json(_digest_path(path)) or {}).get("sha256")
    try:
        good = recorded is not None and hashlib.file_digest(file, "sha256").hexdigest() == recorded
        file.seek(0)
    except OSError:
        good = False
    if not good:
        file.close()
        return None
    return file


def keeping(chunks: Iterator[bytes], cache: Path, version: str, suffix: str) -> Iterator[bytes]:
    """The chunks of a dump, passed on as they come and written to a temporary file; when the last one has passed,
    the file is kept as the version's dump (dump_path). If the chunks fail or the caller stops early, the temporary
    file is removed and nothing is kept; if the cache cannot be written, the chunks are passed on all the same."""
    path = dump_path(cache, version, suffix)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    digest = hashlib.sha256()
    out = None
    opened = complete = False
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            out = tmp.open("wb")
            opened = True
        except OSError as exc:
            log.warning("the dump is not kept: %s", exc)
        for chunk in chunks:
            if out is not None:
                try:
                    out.write(chunk)
                    digest.update(chunk)
                except OSError as exc:
                    log.warning("the dump is not kept: %s", exc)
                    out.close()
                    out = None
            yield chunk
        if out is not None:
            try:
                out.flush()
                os.fsync(out.fileno())
                out.close()
                write_json(
                    _digest_path(path),
                    {"version": version, "sha256": digest.hexdigest(), "kept_ns": time.time_ns()},
                )
                os.replace(tmp, path)
                complete = True
            except OSError as exc:
                log.warning("the dump is not kept: %s", exc)
            if complete:
                _remove_others(path, suffix)
    finally:
        if out is not None:
            out.close()
        if opened and not complete:
            tmp.unlink(missing_ok=True)


def _kept_ns(path: Path) -> int:
    """When a dump was kept (its sha256 file says; a file's mtime can be the same for two written within a clock
    tick); 0 when unknown."""
    kept_ns = (read_json(_digest_path(path)) or {}).get("kept_ns")
    return kept_ns if isinstance(kept_ns, int) else 0


def _remove_others(path: Path, suffix: str) -> None:
    """Remove the kept dumps of older versions in the same format (and their sha256), all but the newest of them: API
    instances that share the cache see a new version up to CYBERGOV_VERSION_CHECK_SECONDS apart, and one still on the
    version before may be about to send its file."""
    others = sorted(
        (other for other in path.parent.glob(f"dump-*.{suffix}.gz") if other != path),
        key=_kept_ns,
    )
    for other in others[:-1]:
        other.unlink(missing_ok=True)
        _digest_path(other).unlink(missing_ok=True)


__all__ = ["dump_path", "keeping", "opened"]
