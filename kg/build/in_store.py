"""The build: parse, reason, validate and write without leaving pyoxigraph (kg.build.pipeline calls it).

Every source file is parsed into its own named graph of an in-memory store; their N-Triples lines make the
asserted/ontology graphs (kg.build.inferred); the OWL 2 RL rules close their union in
place (kg.build.reasoning) in a second store that holds only that union (pyoxigraph answers faster
without the named graphs); the informative entailments go to the inferred graph; the SHACL shapes
run as SPARQL on the union (kg.build.validation); the named graphs are dumped as N-Quads.
Problems point at files and lines through views of the file graphs (kg.build.store_view), so no triple
is copied into rdflib. owlrl and pySHACL are the tests' oracles (tests/oracles.py).
"""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg import named_queries
from kg.build.inferred import graph_lines, inferred_lines, quad_lines, store_of
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
from kg.build.store_view import StoreView
from kg.build.validation import validate_fast
from kg.errors import LoadError, SourcePosition
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY, file_graph

_DATASET_FORMATS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
_COPY_CHUNK = 8 << 20


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


def close_in_store(ontology_path: Path, data_path: Path, shapes_path: Path, root: Path) -> StoreBuild:
    """Parse and reason on pyoxigraph (validate_in_store then runs the shapes).

    Returns:
        the dataset store (named graphs: one per file, asserted, ontology), the closed union, the inferred
        graph, the source files, the shapes and the contradictions; no report yet.
    Raises:
        LoadError: an input does not parse.
    """
    timings: dict[str, float] = {}
    mark = time.perf_counter()
    store = ox.Store()
    ontology = [_load_file(store, p, root) for p in source_paths(ontology_path)]
    data = [_load_file(store, p, root) for p in source_paths(data_path)]
    shapes = load_shapes(load_folder(shapes_path, root=root))
    # the asserted and ontology graphs are the files' graphs merged: N-Triples lines, each triple once
    ontology_lines = graph_lines(store, *(ox.NamedNode(s.graph_iri) for s in ontology))
    asserted_lines = graph_lines(store, *(ox.NamedNode(s.graph_iri) for s in data))
    work = store_of(ontology_lines, asserted_lines)
    timings["load"] = time.perf_counter() - mark

    mark = time.perf_counter()
    reason_in_store(work)
    inferred = inferred_lines(work, ontology_lines, asserted_lines, prune=True)
    problems = problems_in_store(work)
    timings["reason"] = time.perf_counter() - mark
    return StoreBuild(
        store=store,
        union=work,
        asserted=asserted_lines,
        ontology=ontology_lines,
        inferred=inferred,
        sources=data + ontology,
        shapes=shapes,
        problems=problems,
        timings=timings,
    )


def validate_in_store(built: StoreBuild) -> ValidationReport:
    """Run the shapes on the closed union (kg.build.validation); also kept in built.report."""
    mark = time.perf_counter()
    built.report = validate_fast(
        None, built.shapes, sources=built.sources, store=built.union, labels=StoreView(built.union)
    )
    built.timings["validate"] = time.perf_counter() - mark
    return built.report


def build_in_store(ontology_path: Path, data_path: Path, shapes_path: Path, root: Path) -> StoreBuild:
    """Parse, reason and validate on pyoxigraph (close_in_store, then validate_in_store).

    Raises:
        LoadError: an input does not parse.
    """
    built = close_in_store(ontology_path, data_path, shapes_path, root)
    validate_in_store(built)
    return built


def default_graph_path(path: Path) -> Path:
    """Where the build at path (build-<version>.nq) keeps its default graph as N-Triples, for the embedded store."""
    return path.with_name(path.name.removesuffix(".nq") + ".default.nt")


@dataclass
class Written:
    """A dataset file and its default graph (default_graph_path) written under temporary names (pending,
    pending_default), until publish() renames them into place."""

    path: Path
    pending: Path
    pending_default: Path
    counts: dict[str, int]

    def publish(self) -> None:
        os.replace(self.pending_default, default_graph_path(self.path))
        os.replace(self.pending, self.path)

    def discard(self) -> None:
        self.pending.unlink(missing_ok=True)
        self.pending_default.unlink(missing_ok=True)


def write_store_dataset(built: StoreBuild, path: Path, *, file_graphs: bool) -> Written:
    """Write the named graphs and their union (as the default graph) as N-Quads, under a temporary name that
    Written.publish renames to path; and the union alone as N-Triples (default_graph_path, renamed likewise),
    which the embedded store's query workers load, so that it need not be read back out of the store.

    The per-file graphs are written only when file_graphs is set (the store keeps them: problems point at files).
    Returns the pending file and the triple count per named graph.
    """
    store = built.store
    counts = (
        {
            solution["g"].value: int(solution["n"].value)
            for solution in store.query(named_queries.get("graph-counts", "build/pipeline_queries").text)
        }
        if file_graphs
        else {}
    )
    graphs = {GRAPH_ASSERTED: built.asserted, GRAPH_ONTOLOGY: built.ontology, GRAPH_INFERRED: built.inferred}
    counts[GRAPH_ASSERTED], counts[GRAPH_ONTOLOGY] = len(built.asserted), len(built.ontology)
    counts[GRAPH_INFERRED] = built.inferred.count(b"\n")
    # the default graph: the union the shapes ran on (asserted + ontology + inferred); N-Triples lines are N-Quads
    # of the default graph, so the embedded store answers without a union of three graphs
    default = default_graph_path(path)
    pending_default = default.with_name(f".{default.name}.{os.getpid()}.tmp")
    built.union.dump(str(pending_default), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    pending = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with pending.open("wb") as out:
        if file_graphs:
            store.dump(out, format=ox.RdfFormat.N_QUADS)
        for name, lines in graphs.items():
            out.writelines(
                quad_lines(io.BytesIO(lines) if isinstance(lines, bytes) else lines, ox.NamedNode(name))
            )
        with pending_default.open("rb") as union:
            shutil.copyfileobj(union, out, _COPY_CHUNK)
    return Written(path=path, pending=pending, pending_default=pending_default, counts=counts)


__all__ = [
    "StoreBuild",
    "Written",
    "build_in_store",
    "close_in_store",
    "default_graph_path",
    "validate_in_store",
    "write_store_dataset",
]
