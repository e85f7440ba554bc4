"""The build pipeline: load -> reason -> validate -> write the dataset, cached by a content hash.

A warm start finds `.cache/build-<hash>.nq` for the current inputs and skips the work.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg import named_queries
from kg.build.cache_files import locked, matches, read_json, write_json
from kg.build.in_store import (
    close_sources,
    default_graph_path,
    find_problems,
    load_sources,
    start_dataset,
    start_work,
    validate_in_store,
    write_inferred,
)
from kg.build.loading import SourceFile, load_folder, merge, source_paths
from kg.build.report import ValidationReport, load_shapes
from kg.build.store_dir import BUILT_DEFAULT_GRAPH, Span, StoreLoad, store_dir
from kg.build.validation import CompiledShapes, compile_for_store
from kg.config import Settings
from kg.errors import InconsistencyError, StoreError, ValidationFailed
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY

PIPELINE_VERSION = "4"
# The embedded store's bulk load runs beside the rules (the dataset's sources' part: files' graphs, asserted, ontology)
# and beside the shapes (the inferred part). A part up to OVERLAP_MAX_BYTES (about 600k quads, a 200k-triple source)
# loads whole. A bigger build's parts load in pieces of LOAD_PIECE_BYTES (about 200k quads; whole, pyoxigraph's
# batches came to 2 GB at 1M source triples), the sources' part one piece at a time beside the rules, the inferred part
# two at a time beside the shapes, at a lower priority (LOAD_NICENESS, kg.build.store_dir.StoreLoad): the rules and
# the shapes keep the core they need, and the loads take what is left. At 1M source triples the build took 64-69 s with
# the loads after the shapes, 59-64 s with them beside at the same priority (the rules 4-8 s slower), 52-53 s now.
# A small build loads at the same priority: its store was ready later at a lower one (100k: 5.2-5.6 s against 4.9-5.1).
OVERLAP_MAX_BYTES = 112 << 20
LOAD_PIECE_BYTES = 48 << 20
LOAD_NICENESS = 15
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _LoadPlan:
    """How the embedded store loads a build's two parts, chosen once by the size of the sources' part: a part up to
    OVERLAP_MAX_BYTES loads whole, at the build's priority; a bigger one in pieces (piece_bytes), at LOAD_NICENESS."""

    niceness: int = 0
    piece_bytes: int | None = None  # None: each part whole

    @classmethod
    def for_sources(cls, size: int) -> _LoadPlan:
        return (
            cls() if size <= OVERLAP_MAX_BYTES else cls(niceness=LOAD_NICENESS, piece_bytes=LOAD_PIECE_BYTES)
        )

    def add_sources(self, load: StoreLoad, part: Span) -> None:
        """The sources' part, beside the rules: whole, or one piece at a time."""
        if self.piece_bytes is None:
            load.add(part)
        else:
            load.add(part, piece_bytes=self.piece_bytes, threads=1)

    def add_inferred(self, load: StoreLoad, blank: Span, rest: Span) -> None:
        """The inferred part (kg.build.in_store.write_inferred's spans that the store loads), beside the shapes: the two
        at once, or the span with every blank node whole and the other in pieces."""
        if self.piece_bytes is None:
            load.add(blank, rest)
        else:
            load.add(blank)
            load.add(rest, piece_bytes=self.piece_bytes)


@dataclass
class BuildResult:
    """A built dataset on disk and what it took to make it."""

    version: str
    dataset_path: Path
    counts: dict[str, int]
    timings: dict[str, float] = field(default_factory=dict)
    from_cache: bool = False
    report: ValidationReport | None = None
    default_triples: int | None = (
        None  # triples in the default graph (the union); None for builds before it was recorded
    )
    default_path: Path | None = None  # the default graph as N-Triples (None: not written) ...
    default_sha256: str | None = (
        None  # ... and its sha256, checked before it is used (kg.store.embedded.materialize)
    )

    @property
    def triples(self) -> int:
        return sum(v for k, v in self.counts.items() if k in (GRAPH_ASSERTED, GRAPH_ONTOLOGY, GRAPH_INFERRED))


def input_paths(settings: Settings) -> list[Path]:
    """Every file whose content determines the build."""
    paths = (
        source_paths(settings.ontology_path)
        + source_paths(settings.data_path)
        + source_paths(settings.shapes_path)
    )
    for folder in (
        "build/rules",
        "build/rules/delta",
        "build/rules/keys",
        "build/consistency",
        "build/owl2rl",
        "build/owl2rl/delta",
        "build/owl2rl/keys",
        "build/owl2rl/errors",
        "build/pipeline_queries",
    ):
        paths += sorted((Path(named_queries.PACKAGE_DIR) / folder).glob("*.rq"))
    return paths


def content_hash(settings: Settings) -> str:
    """A hash of the inputs' names and bytes and the pipeline version."""
    digest = hashlib.sha256(f"{PIPELINE_VERSION}|{settings.file_graphs}".encode())
    package = Path(named_queries.PACKAGE_DIR).resolve()
    for path in input_paths(settings):
        if path.is_relative_to(settings.root):
            name = path.relative_to(settings.root).as_posix()
        elif path.resolve().is_relative_to(package):  # the rules: named the same in a checkout and in a wheel
            name = "kg/" + path.resolve().relative_to(package).as_posix()
        else:
            name = path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass
class Loaded:
    """The parsed inputs of a build (the merged graphs are computed once: a check worker keeps them)."""

    ontology: list[SourceFile]
    data: list[SourceFile]
    shapes: list[SourceFile]

    @cached_property
    def ontology_graph(self) -> Graph:
        return merge(self.ontology)

    @cached_property
    def data_graph(self) -> Graph:
        return merge(self.data)

    @cached_property
    def shapes_graph(self) -> Graph:
        return load_shapes(self.shapes)

    @cached_property
    def compiled_shapes(self) -> CompiledShapes:
        return compile_for_store(self.shapes_graph)


def load_inputs(settings: Settings) -> Loaded:
    """Parse ontology, data and shapes (raises LoadError on the first unreadable file)."""
    root = settings.root
    return Loaded(
        ontology=load_folder(settings.ontology_path, root=root),
        data=load_folder(settings.data_path, root=root),
        shapes=load_folder(settings.shapes_path, root=root),
    )


def build(settings: Settings, *, use_cache: bool = True, strict: bool = True) -> BuildResult:
    """Build (or reuse) the reasoned, validated dataset.

    Args:
        settings: where the sources are and where the cache goes.
        use_cache: reuse a dataset built from identical inputs.
        strict: raise when the data has SHACL violations or contradictions.
    Returns:
        the build result, pointing at the N-Quads file.
    Raises:
        LoadError: an input does not parse.
        ValidationFailed: violations (strict only).
        InconsistencyError: contradictions found by the reasoner (strict only).
    """
    cache = settings.cache_path
    version = content_hash(settings)
    dataset_path = cache / f"build-{version}.nq"
    meta_path = cache / f"build-{version}.json"
    with locked(cache):  # one process builds; another starting on the same cache waits, then reuses it
        if use_cache:
            hit = _cached(version, dataset_path, meta_path, strict=strict)
            if hit is not None:
                return hit
        return _build(settings, version, dataset_path, meta_path, strict=strict)


def _cached(version: str, dataset_path: Path, meta_path: Path, *, strict: bool) -> BuildResult | None:
    """The cached build if its meta reads and the dataset has the sha256 the meta records; else None.

    A build written by a non-strict run (e.g. the benchmarks) from data that does not pass is not
    reused by a strict one: building again raises with the full report, rather than serve it.
    """
    meta = read_json(meta_path)
    if meta is None or not isinstance(meta.get("counts"), dict):
        return None
    if not matches(dataset_path, meta.get("sha256")):
        return None
    if strict and not meta.get("conforms", False):
        return None
    default = default_graph_path(dataset_path)
    recorded = meta.get("default_sha256")
    return BuildResult(
        version=version,
        dataset_path=dataset_path,
        counts=meta["counts"],
        timings=meta.get("timings", {}),
        from_cache=True,
        default_triples=meta.get("default_triples"),
        default_path=default if recorded else None,
        default_sha256=recorded,
    )


def _write_meta(
    path: Path,
    version: str,
    counts: dict[str, int],
    timings: dict[str, float],
    *,
    conforms: bool,
    dataset_path: Path,
    default_triples: int,
    sha256: str,
    default_sha256: str,
) -> None:
    """What a cache hit reads back (atomically written): counts per graph and of the default graph, timings,
    whether the build passed the shapes and the reasoner, and the sha256 of the dataset and of its default graph
    (checked before reuse)."""
    write_json(
        path,
        {
            "version": version,
            "counts": counts,
            "default_triples": default_triples,
            "timings": timings,
            "conforms": conforms,
            "dataset": dataset_path.name,
            "sha256": sha256,
            "default_sha256": default_sha256,
        },
    )


def _build(
    settings: Settings, version: str, dataset_path: Path, meta_path: Path, *, strict: bool
) -> BuildResult:
    """Parse, reason inside pyoxigraph (kg.build.in_store) and validate, writing the dataset in parts as soon as each
    is known: the embedded store's bulk load (kg.build.store_dir) takes the sources' part while the rules run and the
    inferred part while the shapes run (a big build's in pieces, at a lower priority); then keep the dataset
    and the store, or neither when the build fails."""
    started = time.perf_counter()
    sources = load_sources(settings.ontology_path, settings.data_path, settings.shapes_path, settings.root)
    mark = time.perf_counter()
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    work = start_work(sources)  # the rules' store is made on a thread while the sources' part is written
    written = start_dataset(sources, dataset_path, file_graphs=settings.file_graphs)
    timings = sources.timings
    timings["write"] = time.perf_counter() - mark
    target = store_dir(settings.cache_path, version)
    embedded = settings.store == "embedded"
    plan = _LoadPlan.for_sources(written.parts[0].size)
    load = StoreLoad(target, niceness=plan.niceness) if embedded else None
    try:
        if load is not None:
            plan.add_sources(load, written.parts[0])
        built = close_sources(sources, work)
        del sources, work
        # the contradictions are looked for on a thread (queries that only read the closed store) while the inferred
        # part is written and the shapes run; they are reported first, as when they were looked for first
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="contradictions") as pool:
            contradictions = pool.submit(find_problems, built)
            mark = time.perf_counter()
            inferred = write_inferred(built, written)
            if load is not None:  # while the shapes run
                plan.add_inferred(load, *inferred[:2])
            # the graphs' lines are in the files now: not kept while the shapes run
            built.asserted, built.ontology, built.inferred = (), (), b""
            timings["write"] += time.perf_counter() - mark
            report = validate_in_store(built)
            if contradictions.result() and strict:
                raise InconsistencyError(built.problems)
        if strict and not report.conforms:
            raise ValidationFailed(report)
        default_triples, problems = len(built.union), built.problems
        # the work stores are freed on a thread (0.08 s at 100k, 1.4 s at 1M) while the last loads run
        threading.Thread(target=[built].clear, name="free work stores").start()
        del built
        dataset_sha256, default_sha256 = written.sha256()
        if load is not None:
            mark = time.perf_counter()
            # a hard link: the file keeps its inode; the copies of the asserted and inferred graphs in the default graph
            # were not loaded
            _commit(load, written.pending_default, default_sha256)
            timings["store"] = time.perf_counter() - mark
            load = None
        written.publish()
    finally:
        if load is not None:
            load.discard()
        written.discard()
    timings["total"] = time.perf_counter() - started
    _write_meta(
        meta_path,
        version,
        written.counts,
        timings,
        conforms=report.conforms and not problems,
        dataset_path=dataset_path,
        default_triples=default_triples,
        sha256=dataset_sha256,
        default_sha256=default_sha256,
    )
    return BuildResult(
        version=version,
        dataset_path=dataset_path,
        counts=written.counts,
        timings=timings,
        report=report,
        default_triples=default_triples,
        default_path=default_graph_path(dataset_path),
        default_sha256=default_sha256,
    )


def _commit(load: StoreLoad, default: Path, default_sha256: str) -> None:
    """Put the store the build loaded in place; if the load failed, kg.store.embedded.materialize loads it again
    (and reports the error) when the store is opened."""
    try:
        load.commit(default=default, default_sha256=default_sha256, default_graph=BUILT_DEFAULT_GRAPH)
    except StoreError as exc:
        log.warning("the build's store was not kept (%s); it is loaded when first opened", exc)
