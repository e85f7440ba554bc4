"""The build: parse, reason, validate and write without leaving pyoxigraph (kg.build.pipeline calls it).

Every source file is parsed into its own named graph of an in-memory store; their N-Triples lines make the
asserted/ontology graphs (kg.build.inferred); the OWL 2 RL rules close their union in
place (kg.build.reasoning) in a second store that holds only that union (pyoxigraph answers faster
without the named graphs); the informative entailments go to the inferred graph; the SHACL shapes
run as SPARQL on the union (kg.build.validation). The dataset is written as one N-Quads file in spans, each as soon
as it is known (start_dataset: the files' graphs, asserted, ontology and their copy in the default graph, before the
rules run; write_inferred: the inferred graph and its copy, after them, in three spans, every line of a named graph
that names a blank node in the first), so that kg.build.pipeline can have the embedded store load each span while it
goes on (all but the asserted and inferred graphs' copies in the default graph: the store reads those graphs as part
of its default graph); its sha256 is computed on a thread as the spans are written. Problems point at files and lines
through views of the file graphs (kg.build.store_view), so no triple is copied into rdflib. owlrl and pySHACL are
the tests' oracles (tests/oracles.py).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg import named_queries
from kg.build.inferred import (
    LineWriter,
    as_quads,
    graph_lines,
    inferred_lines,
    line_slices,
    split_blank,
    store_of,
)
from kg.build.loading import (
    DEFAULT_BASE_IRI,
    SourceFile,
    format_for,
    load_folder,
    position_from,
    read_source,
    source_paths,
)
from kg.build.reasoning import problems_in_store, reason_in_store
from kg.build.report import ValidationReport, load_shapes
from kg.build.store_dir import Span
from kg.build.store_view import StoreView
from kg.build.validation import validate_fast
from kg.errors import LoadError, SourcePosition
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY, file_graph

_DATASET_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
_READ_CHUNK = 8 << 20  # _Digest reads back what was written in blocks of this size


@dataclass
class StoreBuild:
    """The closed, validated dataset in a store, and what it took."""

    store: ox.Store
    union: ox.Store
    # the asserted and ontology graphs as N-Triples lines (each ending with a newline, in order), the inferred graph as
    # N-Triples (kg.build.inferred); store holds the files' graphs
    asserted: Collection[bytes]
    ontology: Collection[bytes]
    inferred: bytes
    sources: list[SourceFile]
    shapes: Graph
    problems: list[str]
    timings: dict[str, float]
    report: ValidationReport | None = None  # set by validate_in_store


def _load_file(store: ox.Store, path: Path, root: Path) -> SourceFile:
    """Parse one file into its own named graph.

    Raises:
        LoadError: unreadable file or syntax error (with position).
    """
    name, text = read_source(path, root=root)
    graph = ox.NamedNode(file_graph(name))
    fmt = format_for(path.name)
    try:
        if (
            fmt in _DATASET_FORMATS
        ):  # quads of any graph are merged into the file's graph, as kg.build.loading does
            quads = ox.parse(text.encode("utf-8"), format=fmt, base_iri=DEFAULT_BASE_IRI)
            store.extend([ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads])
        else:
            store.load(text.encode("utf-8"), format=fmt, base_iri=DEFAULT_BASE_IRI, to_graph=graph)
    except SyntaxError as exc:
        raise LoadError(str(exc), position_from(str(exc), name)) from None
    except (ValueError, OSError) as exc:
        raise LoadError(str(exc), SourcePosition(name)) from None
    return SourceFile(name=name, graph_iri=graph.value, text=text, graph=StoreView(store, graph))


@dataclass
class Sources:
    """The parsed sources of a build: each file in its own named graph of store, the ontology and the data as
    N-Triples lines (each triple once, in order), the source files and the shapes."""

    store: ox.Store
    ontology: dict[bytes, None]
    asserted: dict[bytes, None]
    files: list[SourceFile]
    shapes: Graph
    timings: dict[str, float]


def load_sources(ontology_path: Path, data_path: Path, shapes_path: Path, root: Path) -> Sources:
    """Parse every source file into its own named graph (close_sources then reasons).

    Raises:
        LoadError: an input does not parse.
    """
    mark = time.perf_counter()
    store = ox.Store()
    ontology = [_load_file(store, p, root) for p in source_paths(ontology_path)]
    data = [_load_file(store, p, root) for p in source_paths(data_path)]
    shapes = load_shapes(load_folder(shapes_path, root=root))
    # the asserted and ontology graphs are the files' graphs merged: N-Triples lines, each triple once
    ontology_lines = graph_lines(store, *(ox.NamedNode(s.graph_iri) for s in ontology))
    asserted_lines = graph_lines(store, *(ox.NamedNode(s.graph_iri) for s in data))
    return Sources(
        store=store,
        ontology=ontology_lines,
        asserted=asserted_lines,
        files=data + ontology,
        shapes=shapes,
        timings={"load": time.perf_counter() - mark},
    )


def start_work(sources: Sources) -> Future[ox.Store]:
    """The store of the union of the sources that close_sources reasons in (kg.build.inferred.store_of), made on a
    thread: pyoxigraph's load releases the GIL, so the caller writes the dataset's sources' part meanwhile."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="work store")
    try:
        return pool.submit(store_of, sources.ontology, sources.asserted)
    finally:
        pool.shutdown(wait=False)


def close_sources(sources: Sources, work: Future[ox.Store]) -> StoreBuild:
    """Reason on the union of the sources, in the second store that holds only it (work, from start_work); find_problems
    then looks for contradictions and validate_in_store runs the shapes.

    Returns:
        the dataset store (named graphs: one per file), the closed union, the asserted, ontology and inferred
        graphs, the source files and the shapes; no problems or report yet.
    """
    timings = sources.timings
    mark = time.perf_counter()
    union = work.result()
    timings["load"] += time.perf_counter() - mark  # what was left of making it
    mark = time.perf_counter()
    reason_in_store(union)
    inferred = inferred_lines(union, sources.ontology, sources.asserted, prune=True)
    timings["reason"] = time.perf_counter() - mark
    return StoreBuild(
        store=sources.store,
        union=union,
        asserted=sources.asserted,
        ontology=sources.ontology,
        inferred=inferred,
        sources=sources.files,
        shapes=sources.shapes,
        problems=[],
        timings=timings,
    )


def find_problems(built: StoreBuild) -> list[str]:
    """The contradictions of the closed union (kg.build.reasoning.problems_in_store); also kept in built.problems.

    Its queries only read the store: kg.build.pipeline runs it on a thread while the inferred part is written and the
    shapes run (timed apart, as "contradictions")."""
    mark = time.perf_counter()
    built.problems = problems_in_store(built.union)
    built.timings["contradictions"] = time.perf_counter() - mark
    return built.problems


def validate_in_store(built: StoreBuild) -> ValidationReport:
    """Run the shapes on the closed union (kg.build.validation); also kept in built.report."""
    mark = time.perf_counter()
    built.report = validate_fast(
        None, built.shapes, sources=built.sources, store=built.union, labels=StoreView(built.union)
    )
    built.timings["validate"] = time.perf_counter() - mark
    return built.report


def default_graph_path(path: Path) -> Path:
    """Where the build at path (build-<version>.nq) keeps its default graph as N-Triples, for the embedded store."""
    return path.with_name(path.name.removesuffix(".nq") + ".default.nt")


class _Digest:
    """The sha256 of a file as it is written, from each range once it is written (read back on a thread, from the page
    cache, while the build goes on), so the build does not read the whole file again at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._sha256 = hashlib.sha256()
        self._hashed = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256")
        self._pending: list[Future] = []

    def upto(self, end: int) -> None:
        """Hash the bytes written since the last call, up to end (they are on disk: the writer flushed them)."""
        self._pending.append(self._pool.submit(self._update, self._hashed, end))
        self._hashed = end

    def _update(self, start: int, end: int) -> None:
        with self.path.open("rb") as file:
            file.seek(start)
            left = end - start
            while left > 0 and (block := file.read(min(_READ_CHUNK, left))):
                self._sha256.update(block)
                left -= len(block)

    def hexdigest(self) -> str:
        """The file's sha256 (what was written up to the last upto)."""
        for future in self._pending:
            future.result()
        self._pending = []
        return self._sha256.hexdigest()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Written:
    """A dataset file written in parts under a temporary name: the sources' part (start_dataset), then the inferred
    part (write_inferred), each a span of the file that can be loaded on its own (N-Quads lines in any order make the
    same dataset); and the default graph's N-Triples (the union of the asserted, ontology and inferred lines: each
    writes its share, without reading the store back). The sha256 of both is computed as they are written.
    publish() renames the file to path and the N-Triples to default_graph_path(path)."""

    path: Path
    pending: Path
    parts: list[Span]
    pending_default: Path
    counts: dict[str, int]
    digests: tuple[_Digest, _Digest]  # the dataset's and the N-Triples'
    # the sources' lines with a blank node (runs of them), kept for the inferred part: each load of a file gives blank
    # nodes new ids, so every line that names one must be in the same part (a line with "_:" elsewhere comes along harmlessly)
    deferred: list[bytes] = field(default_factory=list)

    def sha256(self) -> tuple[str, str]:
        """The sha256 of the dataset and of its default graph's N-Triples, as written so far."""
        return self.digests[0].hexdigest(), self.digests[1].hexdigest()

    def publish(self) -> None:
        """Put both files in place (call it when nothing reads the parts)."""
        os.replace(self.pending_default, default_graph_path(self.path))
        os.replace(self.pending, self.path)

    def discard(self) -> None:
        for digest in self.digests:
            digest.close()
        for path in (self.pending, self.pending_default):
            path.unlink(missing_ok=True)


def _pending(path: Path, part: str) -> Path:
    return path.with_name(f".{path.name}.{part}.{os.getpid()}.tmp")


def start_dataset(sources: Sources, path: Path, *, file_graphs: bool) -> Written:
    """Write the sources' part of the dataset (N-Quads) in two spans: the files' graphs when file_graphs is set (the
    store keeps them: problems point at files), the asserted and ontology graphs and, in the default graph, the
    ontology's triples that are not asserted; then the asserted triples in the default graph. The embedded store loads
    the first span only: it reads the asserted graph as part of its default graph (kg.build.store_dir.BUILT_APART),
    which then repeats no triple; the published file holds both, for a store loaded from it whole.

    Returns:
        the dataset so far, with the triple count of every named graph written.
    """
    store = sources.store
    counts = (
        {
            solution["g"].value: int(solution["n"].value)
            for solution in store.query(named_queries.get("graph-counts", "build/pipeline_queries").text)
        }
        if file_graphs
        else {}
    )
    counts[GRAPH_ASSERTED], counts[GRAPH_ONTOLOGY] = len(sources.asserted), len(sources.ontology)
    pending = _pending(path, "dataset")
    default = default_graph_path(path)
    pending_default = default.with_name(f".{default.name}.{os.getpid()}.tmp")
    deferred: list[bytes] = []
    with pending.open("wb") as file, pending_default.open("wb") as union:

        def take(block: bytes, *, to_default: bool = False, defer: bool = True) -> None:
            """Write a run of lines, those with a blank node deferred unless defer is False (lines the embedded store
            does not load)."""
            if to_default:
                union.write(block)
            plain, blank = split_blank(block) if defer else (block, b"")
            file.write(plain)
            if blank:
                deferred.append(blank)

        if file_graphs:
            dump = LineWriter(lambda run: take(run.getvalue()))
            store.dump(dump, format=ox.RdfFormat.N_QUADS)
            dump.close()
        asserted = b"".join(sources.asserted)
        for piece in line_slices(asserted):
            take(as_quads(piece, ox.NamedNode(GRAPH_ASSERTED)))
        take(as_quads(b"".join(sources.ontology), ox.NamedNode(GRAPH_ONTOLOGY)))
        # N-Triples lines are N-Quads of the default graph; the default graph's own file (the union the query
        # workers load) starts with the same lines, and write_inferred adds the inferred ones
        take(b"".join([line for line in sources.ontology if line not in sources.asserted]), to_default=True)
        loaded = file.tell()
        take(asserted, to_default=True, defer=False)
        del asserted
    written = Written(
        path=path,
        pending=pending,
        parts=[Span(pending, 0, loaded), Span(pending, loaded, pending.stat().st_size)],
        pending_default=pending_default,
        counts=counts,
        deferred=deferred,
        digests=(_Digest(pending), _Digest(pending_default)),
    )
    written.digests[0].upto(written.parts[0].end)
    written.digests[1].upto(pending_default.stat().st_size)
    return written


def write_inferred(built: StoreBuild, written: Written) -> list[Span]:
    """Write the inferred part of the dataset, in three spans of the file: every line of a named graph with a blank
    node (the sources' ones, Written.deferred, and the inferred graph's: one load gives each blank node its id), the
    other lines of the inferred graph, then the inferred graph's copy in the default graph (every line). The embedded
    store loads the first two side by side (only the first names a blank node, so the second may load in pieces) and
    not the copy: it reads the inferred graph as part of the default graph (kg.store.engine.dataset_args); the
    published file holds all three, for a store loaded from it whole.

    Returns:
        the part's spans (added to written.parts).
    """
    written.counts[GRAPH_INFERRED] = built.inferred.count(b"\n")
    inferred = ox.NamedNode(GRAPH_INFERRED)
    ends = []
    with written.pending.open("ab") as out:
        out.writelines(written.deferred)
        written.deferred = []
        # in slices of whole lines: no copy of the whole graph at once (the build is near its peak)
        out.write(as_quads(b"".join([split_blank(p)[1] for p in line_slices(built.inferred)]), inferred))
        ends.append(out.tell())
        for piece in line_slices(built.inferred):
            out.write(as_quads(split_blank(piece)[0], inferred))
        ends.append(out.tell())
        out.write(built.inferred)
        ends.append(out.tell())
    with written.pending_default.open("ab") as union:
        union.write(built.inferred)
        default_end = union.tell()
    starts = [written.parts[-1].end, *ends[:-1]]
    spans = [Span(written.pending, start, end) for start, end in zip(starts, ends, strict=True)]
    written.parts += spans
    written.digests[0].upto(ends[-1])
    written.digests[1].upto(default_end)
    return spans


__all__ = [
    "Sources",
    "StoreBuild",
    "Written",
    "close_sources",
    "default_graph_path",
    "find_problems",
    "load_sources",
    "start_dataset",
    "start_work",
    "validate_in_store",
    "write_inferred",
]
