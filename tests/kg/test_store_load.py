"""The embedded store's bulk loads (kg.build.store_dir.StoreLoad): the files of one add() load side by side, a thread
each, or in pieces, in the background or in the caller; the store holds every quad of every file, and a file that does
not parse (or names a blank node and was to load in pieces) fails the commit with its name."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.store_dir import Span, StoreLoad, _lower_priority, _pieces
from kg.errors import StoreError

EX = "https://example.org/"


def _write(path: Path, first: int, count: int, graph: str | None) -> set[ox.Quad]:
    quads = {
        ox.Quad(
            ox.NamedNode(f"{EX}s{i}"),
            ox.NamedNode(f"{EX}p{i % 7}"),
            ox.Literal(str(i)),
            ox.NamedNode(graph) if graph else ox.DefaultGraph(),
        )
        for i in range(first, first + count)
    }
    ox.serialize(quads, str(path), format=ox.RdfFormat.N_QUADS)
    return quads


@pytest.mark.parametrize("background", [True, False])
def test_files_added_together_all_load(tmp_path, background):
    parts = [
        (tmp_path / "a.nq", _write(tmp_path / "a.nq", 0, 5000, EX + "g1")),
        (tmp_path / "b.nq", _write(tmp_path / "b.nq", 5000, 5000, EX + "g2")),
        (tmp_path / "c.nq", _write(tmp_path / "c.nq", 10000, 4000, None)),
    ]
    load = StoreLoad(tmp_path / "store", background=background)
    load.add(parts[0][0])
    load.add(parts[1][0], parts[2][0])
    target = load.commit()
    store = ox.Store.read_only(str(target))
    assert set(store) == set().union(*(quads for _path, quads in parts))
    assert load.files == [path for path, _quads in parts]


def test_a_file_that_does_not_parse_among_two_fails_the_commit_with_the_files_named(tmp_path):
    good = tmp_path / "good.nq"
    _write(good, 0, 100, EX + "g")
    bad = tmp_path / "bad.nq"
    bad.write_text('<https://example.org/s> <https://example.org/p> "unterminated .\n')
    load = StoreLoad(tmp_path / "store")
    load.add(good, bad)
    with pytest.raises(StoreError, match="bad.nq"):
        load.commit()
    assert not (tmp_path / "store").exists()


def test_pieces_are_whole_lines_that_make_the_file(tmp_path):
    path = tmp_path / "a.nq"
    _write(path, 0, 3000, EX + "g")
    text = path.read_bytes()
    pieces = [piece for _path, piece in _pieces(path, 1000)]
    assert len(pieces) > 100
    assert b"".join(pieces) == text
    longest = max(len(line) for line in text.splitlines(keepends=True))
    assert all(piece.endswith(b"\n") and len(piece) <= 1000 + longest for piece in pieces)
    # a line longer than a piece is one piece
    assert [piece for _path, piece in _pieces(path, 10)] == text.splitlines(keepends=True)


@pytest.mark.parametrize("background", [True, False])
def test_files_in_pieces_load_every_quad(tmp_path, background):
    parts = [
        (tmp_path / "a.nq", _write(tmp_path / "a.nq", 0, 5000, EX + "g1")),
        (tmp_path / "b.nq", _write(tmp_path / "b.nq", 5000, 3000, None)),
    ]
    load = StoreLoad(tmp_path / "store", background=background)
    load.add(*(path for path, _quads in parts), piece_bytes=4096)
    store = ox.Store.read_only(str(load.commit()))
    assert set(store) == set().union(*(quads for _path, quads in parts))


def test_a_file_with_a_blank_node_does_not_load_in_pieces(tmp_path):
    path = tmp_path / "blank.nq"
    _write(path, 0, 2000, EX + "g")
    with path.open("a") as out:
        out.write('_:b1 <https://example.org/p> "x" .\n_:b1 <https://example.org/q> "y" .\n')
    load = StoreLoad(tmp_path / "store", background=False)
    load.add(path, piece_bytes=4096)
    with pytest.raises(StoreError, match="blank.nq names a blank node"):
        load.commit()
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("piece_bytes", [None, 2048])
def test_spans_of_one_file_load_on_their_own(tmp_path, piece_bytes):
    """A dataset written as one file is loaded span by span (kg.build.in_store): each span's quads, none twice."""
    path = tmp_path / "dataset.nq"
    first = _write(tmp_path / "a.nq", 0, 3000, EX + "g1")
    second = _write(tmp_path / "b.nq", 3000, 2000, None)
    middle = (tmp_path / "a.nq").stat().st_size
    path.write_bytes((tmp_path / "a.nq").read_bytes() + (tmp_path / "b.nq").read_bytes())
    spans = [Span(path, 0, middle), Span(path, middle, path.stat().st_size)]
    assert [piece for _span, piece in _pieces(spans[1], 10**9)] == [(tmp_path / "b.nq").read_bytes()]
    load = StoreLoad(tmp_path / "store")
    load.add(spans[0], piece_bytes=piece_bytes)
    load.add(spans[1], piece_bytes=piece_bytes)
    store = ox.Store.read_only(str(load.commit()))
    assert set(store) == first | second
    assert len(store) == len(first) + len(second)


@pytest.mark.skipif(sys.platform != "linux", reason="a nice value per thread is Linux's")
def test_a_load_with_a_niceness_runs_its_threads_at_that_priority(tmp_path):
    """kg.build.pipeline loads a big build's store at a lower priority than the rules and the shapes: the loading
    thread and the threads it starts (the pieces', RocksDB's) have the nice value; the caller's is unchanged."""
    seen: list[int] = []

    def child() -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    def loader() -> None:
        _lower_priority(7)
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        thread = threading.Thread(target=child)
        thread.start()
        thread.join()

    base = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=loader)
    thread.start()
    thread.join()
    assert seen == [min(base + 7, 19)] * 2
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == base
    path = tmp_path / "a.nq"
    quads = _write(path, 0, 3000, EX + "g")
    load = StoreLoad(tmp_path / "store", niceness=7)
    load.add(path, piece_bytes=4096, threads=1)
    assert set(ox.Store.read_only(str(load.commit()))) == quads
