"""The embedded store's directory: the built N-Quads bulk-loaded into RocksDB, a build artifact.

A cold build starts the bulk load in a thread as soon as the dataset file is written and runs the shapes
meanwhile (pyoxigraph's bulk load and its queries both release the GIL, so they share two cores); the directory is
renamed into place only when the build is kept, so a build that fails leaves no usable store. kg.store.embedded
reuses the directory when its manifest says it is intact, and loads it the same way (StoreLoad) when it is missing
or damaged. The loaded directory sits beside the N-Triples copy of its default graph (union_file), which query
workers load, and a manifest of both (manifest_file).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox

from kg.build.cache_files import matches, read_json, sha256_file, tree_digests, tree_matches, write_json
from kg.errors import StoreError


def store_dir(cache: Path, version: str) -> Path:
    """Where the embedded store of a build version lives."""
    return cache / f"store-{version}"


def union_file(target: Path) -> Path:
    """Where the default graph of a materialized store is kept as N-Triples (for in-memory copies)."""
    return target.parent / f"{target.name}.default.nt"


def manifest_file(target: Path) -> Path:
    """Where the sha256 of a materialized store's files (and its N-Triples copy) are recorded."""
    return target.parent / f"{target.name}.json"


def intact(target: Path) -> bool:
    """Whether a materialized store and its N-Triples copy are byte for byte what was recorded."""
    manifest = read_json(manifest_file(target))
    if manifest is None or not target.exists():
        return False
    return tree_matches(target, manifest.get("store")) and matches(
        union_file(target), manifest.get("default")
    )


def discard(target: Path) -> None:
    """Remove a store directory, its N-Triples copy and its manifest."""
    for path in (manifest_file(target), union_file(target)):
        path.unlink(missing_ok=True)
    if target.exists():
        shutil.rmtree(target)


def _link(default: Path, target: Path) -> None:
    """A file under a second name (a hard link; a copy across file systems), renamed into place."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(default, tmp)
    except OSError:
        shutil.copyfile(default, tmp)
    os.replace(tmp, target)


def _return_free_memory() -> None:
    """Give the memory the process has freed back to the system (glibc's malloc_trim; nothing elsewhere).

    The build's work stores are freed before a foreground load, but glibc keeps their pages: at 1M source triples the
    bulk loader's batches (about 2 GB) then came on top of 0.8 GB that nothing used (maxrss 3.0 GB; 2.2 GB trimmed).
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


class StoreLoad:
    """A bulk load of an N-Quads file into a temporary directory beside target, running in a thread.

    commit() waits for it and puts the store in place; discard() waits for it and removes it. One of the two must
    be called. With background=False the load runs in the calling thread, before the constructor returns.
    """

    def __init__(self, nquads: Path, target: Path, *, background: bool = True) -> None:
        self.nquads = nquads
        self.target = target
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._load, name=f"bulk-load {target.name}", daemon=True)
        if background:
            self._thread.start()
        else:
            _return_free_memory()
            self._load()

    def _load(self) -> None:
        try:
            store = ox.Store(str(self.tmp))
            store.bulk_load(path=str(self.nquads), format=ox.RdfFormat.N_QUADS)
            store.flush()
            store.optimize()
        except (OSError, SyntaxError) as exc:
            self._error = exc

    def discard(self) -> None:
        """Wait for the load and remove what it wrote."""
        if self._thread.is_alive():
            self._thread.join()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def commit(self, *, default: Path | None = None, default_sha256: str | None = None) -> Path:
        """Wait for the load and put the store at target, with its N-Triples copy and its manifest.

        The copy is the build's own N-Triples of the default graph (default) when its sha256 is default_sha256,
        else it is dumped from the store. A store already at target is replaced. Call it under the cache's lock.

        Raises:
            StoreError: the N-Quads cannot be loaded (the message names the file).
        """
        if self._thread.is_alive():
            self._thread.join()
        try:
            if self._error is not None:
                raise self._error
            discard(self.target)
            union_sha256 = None
            if default is not None and matches(default, default_sha256):
                _link(default, union_file(self.target))
                union_sha256 = (
                    default_sha256  # the same bytes, just checked: not hashed again for the manifest
                )
            else:
                tmp = union_file(self.target).with_name(f".{union_file(self.target).name}.{os.getpid()}.tmp")
                ox.Store(str(self.tmp)).dump(
                    str(tmp), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()
                )
                os.replace(tmp, union_file(self.target))
            os.rename(self.tmp, self.target)
        except (OSError, SyntaxError) as exc:
            shutil.rmtree(self.tmp, ignore_errors=True)
            raise StoreError(
                f"cannot load {self.nquads} into {self.target}: {exc}; delete {self.nquads.parent} to rebuild"
            ) from None
        write_json(
            manifest_file(self.target),
            {
                "store": tree_digests(self.target),
                "default": union_sha256 or sha256_file(union_file(self.target)),
            },
        )
        return self.target


__all__ = ["StoreLoad", "discard", "intact", "manifest_file", "store_dir", "union_file"]
