"""The inferred graph of a closed default graph, computed on N-Triples lines: no Python object per triple.

What the closure added is the closed default graph minus what was asserted, minus the uninformative entailments
(kg/build/pipeline_queries/uninformative.rq, the SPARQL form of kg.build.informative.informative; the tests hold
them equal). pyoxigraph writes a triple as the same N-Triples line from any store (a blank node by its id, which a
copy of the term between stores keeps), so the anti-join is a set lookup of bytes, and the result goes to the
dataset file as bytes (kg.build.in_store). Lines are read back as terms only when a caller wants terms
(ox.parse keeps the blank node ids).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox

from kg import named_queries

_NT = ox.RdfFormat.N_TRIPLES


def graph_lines(store: ox.Store, *graphs: ox.NamedNode | ox.DefaultGraph) -> dict[bytes, None]:
    """The triples of graphs of a store, as N-Triples lines (each ends with a newline), once each, in order."""
    lines: dict[bytes, None] = {}
    for graph in graphs:
        lines.update(dict.fromkeys(store.dump(format=_NT, from_graph=graph).splitlines(keepends=True)))
    return lines


def store_of(*collections: Collection[bytes]) -> ox.Store:
    """A new store whose default graph holds N-Triples lines, blank nodes with the ids the lines give them.

    The lines without a blank node are parsed by the store itself; pyoxigraph's load gives blank nodes new ids, so
    the few lines with one ("_:") are read as terms and added one by one.
    """
    store = ox.Store()
    plain, blank = split_blank(b"".join([b"".join(lines) for lines in collections]))
    store.load(plain, format=_NT)
    store.extend(ox.parse(blank, format=_NT, rename_blank_nodes=False))
    return store


def _uninformative(store: ox.Store) -> set[bytes]:
    """The uninformative triples of the default graph (kg/build/pipeline_queries/uninformative.rq), as lines."""
    query = named_queries.get("uninformative", "build/pipeline_queries").text
    return set(store.query(query).serialize(format=_NT).splitlines(keepends=True))


def _not_in(lines: Iterable[bytes], collections: tuple[Collection[bytes], ...]) -> Iterator[bytes]:
    """The lines in none of the collections (the build passes two, the ontology's and the data's: tested inline, no
    union of them is made, which at 1M source triples would hold another set of a million lines)."""
    if len(collections) == 1:
        (only,) = collections
        return (line for line in lines if line not in only)
    if len(collections) == 2:
        first, second = collections
        return (line for line in lines if line not in first and line not in second)
    return (line for line in lines if not any(line in c for c in collections))


def inferred_lines(store: ox.Store, *asserted: Collection[bytes], prune: bool) -> bytes:
    """The informative triples of a closed default graph that are not asserted, as N-Triples.

    The uninformative triples are looked for on a second thread while the default graph is written out without the
    asserted lines (pyoxigraph reads in parallel); they are taken out of what is left afterwards.

    Args:
        store: a store whose default graph kg.build.reasoning.reason_in_store closed.
        asserted: what was asserted (graph_lines of the inputs, from this store or one that shares its blank nodes),
            in one collection of lines or several.
        prune: also remove the uninformative entailments that were not asserted from the default graph, which
            then holds exactly the asserted and the inferred triples (what the shapes validate).
    Returns:
        the inferred triples, one N-Triples line each.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="uninformative") as pool:
        pending = pool.submit(_uninformative, store)
        chunks: list[bytes] = []
        kept = LineWriter(lambda run: chunks.append(b"".join(_not_in(run, asserted))))
        store.dump(
            kept, format=_NT, from_graph=ox.DefaultGraph()
        )  # filtered as it is written: never held whole
        kept.close()
        uninformative = pending.result()
    # filtered chunk by chunk: no list of every line (at 1M source triples 1.7M lines, 0.3 GB at the build's peak)
    if uninformative:
        for i, chunk in enumerate(chunks):
            chunks[i] = b"".join(
                [line for line in chunk.splitlines(keepends=True) if line not in uninformative]
            )
    lines = b"".join(chunks)
    chunks.clear()
    if prune:
        dropped = b"".join(_not_in(uninformative, asserted))
        default = ox.DefaultGraph()
        for quad in ox.parse(dropped, format=_NT, rename_blank_nodes=False):
            store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, default))
    return lines


class LineWriter:
    """A binary writer for store.dump that hands each run of whole lines (N-Triples or N-Quads, each ending with a
    newline) to take, as they come; close() checks that the dump ended with one."""

    def __init__(self, take: Callable[[Iterable[bytes]], None]) -> None:
        self._take = take
        self._rest = b""

    def write(self, chunk: bytes) -> int:
        data = self._rest + bytes(chunk)
        cut = data.rfind(b"\n") + 1
        self._rest = data[cut:]
        self._take(io.BytesIO(data[:cut]))
        return len(chunk)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._rest:
            raise ValueError("the dump did not end with a newline")


def line_slices(data: bytes, size: int = 16 << 20) -> Iterator[bytes]:
    """Lines (each ending with a newline) in slices of whole lines of about size bytes, in order."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + size, len(data)) - 1) + 1 or len(data)
        yield data[start:end]
        start = end


def split_blank(lines: bytes) -> tuple[bytes, bytes]:
    """N-Triples or N-Quads lines as (the lines without "_:", the lines with it), each in order: the lines that name a
    blank node (a "_:" inside an IRI or a literal comes along harmlessly). Searched with bytes.find, line by line only
    around a "_:"."""
    at = lines.find(b"_:")
    if at == -1:
        return lines, b""
    plain, blank, start = [], [], 0
    while at != -1:
        begin = lines.rfind(b"\n", 0, at) + 1
        end = lines.find(b"\n", at) + 1 or len(lines)
        plain.append(lines[start:begin])
        blank.append(lines[begin:end])
        start = end
        at = lines.find(b"_:", start)
    plain.append(lines[start:])
    return b"".join(plain), b"".join(blank)


def as_quads(lines: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples lines (each ending with " .\n", as pyoxigraph writes them) as N-Quads of a named graph.

    A line holds no newline but its last byte (N-Triples escapes those in literals), so " .\n" ends a line wherever
    it occurs: one bytes.replace, no loop over the lines."""
    return lines.replace(b" .\n", f" <{graph.value}> .\n".encode())


def as_triples(lines: bytes) -> list[ox.Triple]:
    """N-Triples lines as pyoxigraph triples (blank node ids kept)."""
    return [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(lines, format=_NT, rename_blank_nodes=False)
    ]


__all__ = [
    "LineWriter",
    "as_quads",
    "as_triples",
    "graph_lines",
    "inferred_lines",
    "line_slices",
    "split_blank",
    "store_of",
]
