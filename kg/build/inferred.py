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
from collections.abc import Callable, Collection, Container, Iterable, Iterator

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
    plain = b"".join(line for lines in collections for line in lines if b"_:" not in line)
    blank = b"".join(line for lines in collections for line in lines if b"_:" in line)
    store.load(plain, format=_NT)
    store.extend(ox.parse(blank, format=_NT, rename_blank_nodes=False))
    return store


def inferred_lines(store: ox.Store, *asserted: Container[bytes], prune: bool) -> bytes:
    """The informative triples of a closed default graph that are not asserted, as N-Triples.

    Args:
        store: a store whose default graph kg.build.reasoning.reason_in_store closed.
        asserted: what was asserted (graph_lines of the inputs, from this store or one that shares its blank nodes),
            in one collection of lines or several.
        prune: also remove the uninformative entailments that were not asserted from the default graph, which
            then holds exactly the asserted and the inferred triples (what the shapes validate).
    Returns:
        the inferred triples, one N-Triples line each.
    """
    query = named_queries.get("uninformative", "build/pipeline_queries").text
    uninformative = set(store.query(query).serialize(format=_NT).splitlines(keepends=True))
    without = (*asserted, uninformative)
    chunks: list[bytes] = []
    kept = LineWriter(
        lambda run: chunks.append(b"".join(line for line in run if not any(line in w for w in without)))
    )
    store.dump(kept, format=_NT, from_graph=ox.DefaultGraph())  # filtered as it is written: never held whole
    kept.close()
    lines = b"".join(chunks)
    if prune:
        dropped = b"".join(line for line in uninformative if not any(line in a for a in asserted))
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


def quad_lines(lines: Iterable[bytes], graph: ox.NamedNode) -> Iterator[bytes]:
    """N-Triples lines (each ending with a newline) as N-Quads lines of a named graph, one by one."""
    suffix = f" <{graph.value}> .\n".encode()
    return (line[:-3] + suffix for line in lines)


def as_quads(lines: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples as N-Quads of a named graph."""
    return b"".join(quad_lines(io.BytesIO(lines), graph))


def as_triples(lines: bytes) -> list[ox.Triple]:
    """N-Triples lines as pyoxigraph triples (blank node ids kept)."""
    return [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in ox.parse(lines, format=_NT, rename_blank_nodes=False)
    ]


__all__ = ["LineWriter", "as_quads", "as_triples", "graph_lines", "inferred_lines", "quad_lines", "store_of"]
