"""The embedded store's directory: the built N-Quads bulk-loaded into RocksDB, a build artifact.

A cold build starts the bulk load in a thread as soon as each part of the dataset file is written and runs the rules
and the shapes meanwhile (pyoxigraph's bulk load and its queries both release the GIL, so they share two cores; a big
build's loads run at a lower priority, so the rules and the shapes keep the core they need); the directory is
renamed into place only when the build is kept, so a build that fails leaves no usable store. kg.store.embedded
reuses the directory when its manifest says it is intact, and loads it the same way (StoreLoad) when it is missing
or damaged. The loaded directory sits beside the N-Triples copy of its default graph (union_file), which query
workers load, and a manifest of both (manifest_file).
"""

from __future__ import annotations

import ctypes
import itertools
import os
import queue
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.build.cache_files import matches, read_json, sha256_file, tree_digests, tree_matches, write_json
from kg.errors import StoreError
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED

PIECE_THREADS = 2  # pieces loaded at once (kg.build.store_dir.StoreLoad)


def store_dir(cache: Path, version: str) -> Path:
    """Where the embedded store of a build version lives."""
    return cache / f"store-{version}"


def union_file(target: Path) -> Path:
    """Where the default graph of a materialized store is kept as N-Triples (for in-memory copies)."""
    return target.parent / f"{target.name}.default.nt"


def manifest_file(target: Path) -> Path:
    """Where the sha256 of a materialized store's files (and its N-Triples copy) are recorded."""
    return target.parent / f"{target.name}.json"


# what a store's own default graph holds (its manifest's "default_graph") -> the named graphs it keeps apart from it,
# which queries read as part of the default graph (kg.store.engine.dataset_args)
_APART = {
    # a store loaded from a whole dataset file (kg.store.embedded.materialize)
    "union": (),
    # the build's (kg.build.pipeline): the ontology's triples that are not asserted
    "ontology": (GRAPH_ASSERTED, GRAPH_INFERRED),
    # the build's before pipeline version 4
    "asserted+ontology": (GRAPH_INFERRED,),
}
BUILT_DEFAULT_GRAPH = "ontology"
BUILT_APART = _APART[BUILT_DEFAULT_GRAPH]


def apart_graphs(target: Path) -> tuple[str, ...]:
    """The named graphs a materialized store keeps out of its own default graph, as its manifest says (none for a
    store loaded from a whole dataset file, which holds the union there)."""
    manifest = read_json(manifest_file(target)) or {}
    return _APART.get(manifest.get("default_graph", "union"), ())


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


@dataclass(frozen=True)
class Span:
    """Bytes start to end of a file, whole N-Quads lines: a part of a dataset that is written as one file
    (kg.build.in_store), loaded on its own."""

    path: Path
    start: int
    end: int

    @classmethod
    def of(cls, item: Path | Span) -> Span:
        """A span as it is, a file as the span of all its bytes."""
        return item if isinstance(item, Span) else cls(item, 0, item.stat().st_size)

    @property
    def size(self) -> int:
        return self.end - self.start

    def read(self) -> bytes:
        with self.path.open("rb") as file:
            file.seek(self.start)
            return file.read(self.size)

    def __str__(self) -> str:
        return f"{self.path} (bytes {self.start}-{self.end})"


def _pieces(item: Path | Span, size: int) -> Iterator[tuple[Path | Span, bytes]]:
    """A file's (or a span's) bytes in pieces of whole lines, each at most size bytes and a line (a line longer than
    size is a piece), each with the file or span."""
    span, rest = Span.of(item), b""
    with span.path.open("rb") as file:
        file.seek(span.start)
        left = span.size
        while left > 0 and (block := file.read(min(size, left))):
            left -= len(block)
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                rest = block
                continue
            rest = block[cut:]
            yield item, block[:cut]
    if rest:
        yield item, rest


def _return_free_memory() -> None:
    """Give the memory the process has freed back to the system (glibc's malloc_trim; nothing elsewhere).

    Called before the first foreground load (background=False: kg.store.embedded loading a missing store). It was
    written for the build's foreground load after its work stores were freed, where glibc kept their pages (at 1M
    source triples 0.8 GB that nothing used under the bulk loader's batches: maxrss 3.0 GB; 2.2 GB trimmed); the
    build now loads in the background, beside its work, and does not call it.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _lower_priority(niceness: int) -> None:
    """Lower the priority of the calling thread, and of the threads it starts, by niceness (Linux: a nice value per
    thread, up to 19; RocksDB's background threads, started by the first load, have it too); nothing elsewhere."""
    if niceness and sys.platform == "linux":
        thread = threading.get_native_id()
        try:
            os.setpriority(
                os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + niceness)
            )
        except OSError:
            pass


class StoreLoad:
    """Bulk loads of N-Quads files, one after the other, into a temporary directory beside target.

    add() queues a file; the loads run in a thread, so a build adds its files as it writes them (the sources' part
    before it reasons, the inferred part before the shapes run: kg.build.pipeline) and they load while it works.
    commit() waits for them and puts the store in place; discard() waits for them and removes what they wrote. One of
    the two must be called. With background=False each file loads in the calling thread, before add() returns. With a
    niceness, the background thread that loads (and the threads it starts) runs at that lower priority, so a build's
    own work keeps the cores it needs while the loads take what is left; without a background thread it is ignored
    (the caller's priority is not lowered).

    pyoxigraph's bulk load holds its batch (up to a million quads, about 1 KB each while it sorts them) in memory, and
    two batches at once on two cores: about 2 GB for the dataset of a million source triples. Files given with
    piece_bytes load in line-aligned pieces of about that size instead, one bulk load each (one batch on one core),
    PIECE_THREADS pieces at a time (or as many as add() is given) whatever file they come from: at 1M source triples
    as fast as whole files, in a quarter of the memory. Each load gives blank nodes new ids, so only files without a
    blank node may load in pieces (kg.build.in_store keeps every line with "_:" in a span of its own); a piece with
    "_:" fails the load.

    The files are the build's own output (written by pyoxigraph and checked against their sha256 before a later
    load), so they load leniently: pyoxigraph does not check every IRI again, which saves about an eighth of the load.
    """

    def __init__(self, target: Path, *, background: bool = True, niceness: int = 0) -> None:
        self.target = target
        self.niceness = niceness
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        self.files: list[Path | Span] = []
        self._error: Exception | None = None
        self._queue: queue.SimpleQueue[tuple[tuple[Path | Span, ...], int | None, int] | None] = (
            queue.SimpleQueue()
        )
        self._store: ox.Store | None = None
        self._thread = (
            threading.Thread(target=self._run, name=f"bulk-load {target.name}", daemon=True)
            if background
            else None
        )
        if self._thread is not None:
            self._thread.start()

    def add(self, *nquads: Path | Span, piece_bytes: int | None = None, threads: int = PIECE_THREADS) -> None:
        """Load files (or spans of one) after those added before them (in the thread, or now without one); the files
        of one call load side by side, a thread each (pyoxigraph's bulk load of a batch uses one core: two files load
        in about half the time), or in pieces with piece_bytes (see the class), threads pieces at a time."""
        self.files.extend(nquads)
        if self._thread is not None:
            self._queue.put((nquads, piece_bytes, threads))
            return
        if self._store is None:
            _return_free_memory()
        self._load_together(nquads, piece_bytes, threads)

    def _run(self) -> None:
        _lower_priority(self.niceness)
        while (item := self._queue.get()) is not None:
            self._load_together(*item)
        self._close()

    def _load_together(self, files: tuple[Path | Span, ...], piece_bytes: int | None, threads: int) -> None:
        if self._error is not None:
            return
        try:
            if self._store is None:
                self._store = ox.Store(str(self.tmp))
        except OSError as exc:
            self._error = exc
            return
        if piece_bytes is None:
            work = [lambda f=f: self._load(f) for f in files]
        else:
            pieces = itertools.chain.from_iterable(_pieces(f, piece_bytes) for f in files)
            taking = threading.Lock()
            work = [lambda: self._load_pieces(pieces, taking)] * threads
        others = [threading.Thread(target=w, name=f"bulk-load {self.target.name}") for w in work[1:]]
        for thread in others:
            thread.start()
        work[0]()
        for thread in others:
            thread.join()

    def _load(self, nquads: Path | Span) -> None:
        if self._error is not None or self._store is None:
            return
        try:
            # a span is read whole (bulk_load reads a path to its end): it holds blank nodes, or it is small
            if isinstance(nquads, Span):
                self._store.bulk_load(input=nquads.read(), format=ox.RdfFormat.N_QUADS, lenient=True)
            else:
                self._store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
        except (OSError, SyntaxError) as exc:
            self._error = exc

    def _load_pieces(self, pieces: Iterator[tuple[Path | Span, bytes]], taking: threading.Lock) -> None:
        """Take the next piece and load it until none is left (in each of PIECE_THREADS threads)."""
        while self._error is None and self._store is not None:
            try:
                with taking:
                    nquads, piece = next(pieces, (None, b""))
                if nquads is None:
                    return
                if b"_:" in piece:
                    raise ValueError(f"{nquads} names a blank node: it cannot load in pieces")
                self._store.bulk_load(input=piece, format=ox.RdfFormat.N_QUADS, lenient=True)
            except (OSError, SyntaxError, ValueError) as exc:
                self._error = exc

    def _close(self) -> None:
        """Flush and close the loaded store (after the last load, in the thread that loaded).

        Not optimized: after two loads RocksDB's compaction took 0.8 s at 100k source triples and doubled the
        directory for a while, for queries on the disk about a tenth faster (bench figures in the README)."""
        try:
            if self._store is not None and self._error is None:
                self._store.flush()
        except OSError as exc:
            self._error = exc
        self._store = None

    def _wait(self) -> None:
        """Wait for every load; the store is then closed (raises the first error of a load)."""
        if self._thread is not None:
            if self._thread.is_alive():
                self._queue.put(None)
                self._thread.join()
        else:
            self._close()
        if self._error is not None:
            raise self._error

    def discard(self) -> None:
        """Wait for the loads and remove what they wrote."""
        try:
            self._wait()
        except (OSError, SyntaxError, ValueError):
            pass  # what it wrote goes anyway
        shutil.rmtree(self.tmp, ignore_errors=True)

    def commit(
        self, *, default: Path | None = None, default_sha256: str | None = None, default_graph: str = "union"
    ) -> Path:
        """Wait for the loads and put the store at target, with its N-Triples copy and its manifest.

        The copy is the build's own N-Triples of the default graph (default) when its sha256 is default_sha256,
        else it is dumped from the store. default_graph: what the loads put in the store's own default graph (a key of
        _APART: BUILT_DEFAULT_GRAPH for kg.build.pipeline's loads, which keep BUILT_APART out of it; the manifest says
        so, and kg.store.embedded queries those graphs with it as the default graph).
        A store already at target is replaced. Call it under the cache's lock.

        Raises:
            StoreError: the N-Quads cannot be loaded (the message names the file).
        """
        try:
            self._wait()
            discard(self.target)
            union_sha256 = None
            if default is not None and matches(default, default_sha256):
                _link(default, union_file(self.target))
                union_sha256 = (
                    default_sha256  # the same bytes, just checked: not hashed again for the manifest
                )
            else:
                tmp = union_file(self.target).with_name(f".{union_file(self.target).name}.{os.getpid()}.tmp")
                loaded = ox.Store(str(self.tmp))
                with tmp.open("wb") as out:
                    loaded.dump(out, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                    for graph in _APART[default_graph]:
                        loaded.dump(out, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
                del loaded
                os.replace(tmp, union_file(self.target))
            os.rename(self.tmp, self.target)
        except (OSError, SyntaxError, ValueError) as exc:
            shutil.rmtree(self.tmp, ignore_errors=True)
            files = ", ".join(str(f) for f in self.files)
            raise StoreError(
                f"cannot load {files} into {self.target}: {exc}; delete {self.target.parent} to rebuild"
            ) from None
        write_json(
            manifest_file(self.target),
            {
                "store": tree_digests(self.target),
                "default": union_sha256 or sha256_file(union_file(self.target)),
                # what the store's own default graph holds (apart_graphs reads it)
                "default_graph": default_graph,
            },
        )
        return self.target


__all__ = [
    "Span",
    "StoreLoad",
    "BUILT_APART",
    "BUILT_DEFAULT_GRAPH",
    "apart_graphs",
    "discard",
    "intact",
    "manifest_file",
    "store_dir",
    "union_file",
]
