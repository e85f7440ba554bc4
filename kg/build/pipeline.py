"""The build pipeline: load -> reason -> validate -> write the dataset, cached by a content hash.

A warm start finds `.cache/build-<hash>.nq` for the current inputs and skips the work.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg import named_queries
from kg.build.cache_files import locked, matches, read_json, sha256_file, write_json
from kg.build.in_store import build_in_store, write_store_dataset
from kg.build.loading import SourceFile, load_folder, merge, source_paths
from kg.build.owlrl_reference import closure
from kg.build.report import ValidationReport, load_shapes, validate_graph
from kg.build.validation import CompiledShapes, compile_for_store, validate_fast
from kg.config import Settings
from kg.errors import InconsistencyError, ValidationFailed
from kg.namespaces import DEFAULT_GRAPHS, GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY
from kg.terms import to_oxigraph

PIPELINE_VERSION = "3"
DEFAULT_GRAPH_COUNT = "default"  # write_dataset's key for the default graph's count


@dataclass
class BuildResult:
    """A built dataset on disk and what it took to make it."""

    version: str
    dataset_path: Path
    counts: dict[str, int]
    timings: dict[str, float] = field(default_factory=dict)
    from_cache: bool = False
    report: ValidationReport | None = None
    default_triples: int | None = None  # triples in the default graph (the union); None for builds before it was recorded

    @property
    def triples(self) -> int:
        return sum(v for k, v in self.counts.items() if k in (GRAPH_ASSERTED, GRAPH_ONTOLOGY, GRAPH_INFERRED))


def input_paths(settings: Settings) -> list[Path]:
    """Every file whose content determines the build."""
    paths = source_paths(settings.ontology_path) + source_paths(settings.data_path) + source_paths(settings.shapes_path)
    for folder in ("build/rules", "build/consistency", "build/owl2rl", "build/owl2rl/errors", "build/pipeline_queries"):
        paths += sorted((Path(named_queries.PACKAGE_DIR) / folder).glob("*.rq"))
    return paths


def content_hash(settings: Settings) -> str:
    """A hash of the inputs' names and bytes, the reasoner and the pipeline version."""
    digest = hashlib.sha256(
        f"{PIPELINE_VERSION}|{settings.reasoner}|{settings.validator}|{settings.file_graphs}".encode())
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


def write_dataset(path: Path, graphs: dict[str, Graph]) -> dict[str, int]:
    """Write named graphs, and their union as the default graph, as N-Quads (atomically).

    Returns the triple count per named graph, and of the default graph under DEFAULT_GRAPH_COUNT.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    quads = []
    counts: dict[str, int] = {}
    union: set = set()
    for name, graph in graphs.items():
        g = ox.NamedNode(name)
        counts[name] = len(graph)
        named = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), g) for s, p, o in graph]
        quads.extend(named)
        if name in DEFAULT_GRAPHS:
            union.update(q.triple for q in named)
    # the default graph holds the union the contract names (asserted + ontology + inferred)
    quads.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in union)
    ox.serialize(quads, str(tmp), format=ox.RdfFormat.N_QUADS)
    os.replace(tmp, path)
    counts[DEFAULT_GRAPH_COUNT] = len(union)
    return counts


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
    return BuildResult(version=version, dataset_path=dataset_path, counts=meta["counts"],
                       timings=meta.get("timings", {}), from_cache=True, default_triples=meta.get("default_triples"))


def _build(settings: Settings, version: str, dataset_path: Path, meta_path: Path, *, strict: bool) -> BuildResult:
    cache = settings.cache_path
    if settings.reasoner == "fast" and settings.validator == "fast":
        return _build_fast(settings, version, dataset_path, meta_path, strict=strict)

    timings: dict[str, float] = {}
    started = time.perf_counter()
    loaded = load_inputs(settings)
    ontology = merge(loaded.ontology)
    asserted = merge(loaded.data)
    timings["load"] = time.perf_counter() - started

    mark = time.perf_counter()
    reasoning = closure(asserted, ontology, reasoner=settings.reasoner)
    timings["reason"] = time.perf_counter() - mark
    if strict and reasoning.problems:
        raise InconsistencyError(reasoning.problems)

    mark = time.perf_counter()
    full = Graph()
    full += ontology
    full += asserted
    full += reasoning.inferred
    validate = validate_fast if settings.validator == "fast" else validate_graph
    report = validate(full, load_shapes(loaded.shapes), sources=loaded.data + loaded.ontology)
    timings["validate"] = time.perf_counter() - mark
    if strict and not report.conforms:
        raise ValidationFailed(report)

    mark = time.perf_counter()
    graphs: dict[str, Graph] = {GRAPH_ONTOLOGY: ontology, GRAPH_ASSERTED: asserted, GRAPH_INFERRED: reasoning.inferred}
    if settings.file_graphs:
        for source in loaded.data + loaded.ontology:
            graphs[source.graph_iri] = source.graph
    cache.mkdir(parents=True, exist_ok=True)
    counts = write_dataset(dataset_path, graphs)
    default_triples = counts.pop(DEFAULT_GRAPH_COUNT)
    timings["write"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    _write_meta(meta_path, version, counts, timings, conforms=report.conforms and not reasoning.problems,
                dataset_path=dataset_path, default_triples=default_triples)
    return BuildResult(version=version, dataset_path=dataset_path, counts=counts, timings=timings, report=report,
                       default_triples=default_triples)


def _write_meta(path: Path, version: str, counts: dict[str, int], timings: dict[str, float], *,
                conforms: bool, dataset_path: Path, default_triples: int) -> None:
    """What a cache hit reads back (atomically written): counts per graph and of the default graph, timings,
    whether the build passed the shapes and the reasoner, and the dataset's sha256 (checked before reuse)."""
    write_json(path, {"version": version, "counts": counts, "default_triples": default_triples, "timings": timings,
                      "conforms": conforms, "dataset": dataset_path.name, "sha256": sha256_file(dataset_path)})


def _build_fast(settings: Settings, version: str, dataset_path: Path, meta_path: Path, *,
                strict: bool) -> BuildResult:
    """The build on the fast engine (kg.build.in_store): same checks, same dataset, no rdflib copies."""
    started = time.perf_counter()
    built = build_in_store(settings.ontology_path, settings.data_path, settings.shapes_path, settings.root)
    if strict and built.problems:
        raise InconsistencyError(built.problems)
    if strict and not built.report.conforms:
        raise ValidationFailed(built.report)
    mark = time.perf_counter()
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    counts = write_store_dataset(built, dataset_path, file_graphs=settings.file_graphs)
    default_triples = len(built.union)
    timings = dict(built.timings)
    timings["write"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    _write_meta(meta_path, version, counts, timings, conforms=built.report.conforms and not built.problems,
                dataset_path=dataset_path, default_triples=default_triples)
    return BuildResult(version=version, dataset_path=dataset_path, counts=counts, timings=timings,
                       report=built.report, default_triples=default_triples)
