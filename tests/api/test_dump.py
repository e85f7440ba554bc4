"""GET /dump (issue 10): the whole dataset, gzip-compressed N-Quads or TriG, versioned, parsed back."""

from __future__ import annotations

import gzip
import os
from collections import Counter

import pyoxigraph as ox
import pytest

from api import dump_cache
from kg.namespaces import DEFAULT_GRAPHS


def _graph_counts(body: bytes, rdf_format) -> Counter:
    counts: Counter = Counter()
    for quad in ox.parse(gzip.decompress(body), format=rdf_format):
        counts["" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value] += 1
    return counts


@pytest.mark.parametrize(
    "path, rdf_format",
    [
        ("/dump", ox.RdfFormat.N_QUADS),
        ("/dump?format=trig", ox.RdfFormat.TRIG),
        ("/dump.nq.gz", ox.RdfFormat.N_QUADS),
        ("/dump.trig.gz", ox.RdfFormat.TRIG),
    ],
)
def test_dump_holds_every_graph(client, fixture_store, path, rdf_format):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/gzip"
    assert r.headers["etag"] == f'"{fixture_store.version}"'
    counts = _graph_counts(r.content, rdf_format)
    named = {g: n for g, n in counts.items() if g}
    assert named == fixture_store.counts()  # every named graph, every triple
    health = client.get("/health").json()
    assert counts[""] > 0 and counts[""] <= health["triples"]  # the default graph: the union of the three
    assert counts[""] >= max(fixture_store.counts()[g] for g in DEFAULT_GRAPHS)


def test_dump_default_graph_matches_sparql(client):
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    total = int(r.json()["results"]["bindings"][0]["n"]["value"])
    assert _graph_counts(client.get("/dump").content, ox.RdfFormat.N_QUADS)[""] == total


def test_dump_not_modified(client):
    etag = client.get("/dump").headers["etag"]
    r = client.get("/dump", headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b""


def test_dump_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "application/gzip" in paths["/dump"]["get"]["responses"]["200"]["content"]
    assert "/dump.nq.gz" in paths and "/dump.trig.gz" in paths


def _kept(cache, version: str, suffix: str) -> bytes | None:
    """The bytes of a kept dump (api.dump_cache.opened), None if there is none."""
    file = dump_cache.opened(cache, version, suffix)
    if file is None:
        return None
    with file:
        return file.read()


def _kept_file(fixture_settings, fixture_store, suffix="nq"):
    return dump_cache.dump_path(fixture_settings.cache_path, fixture_store.version, suffix)


def test_a_dump_is_kept_and_served_from_the_file(client, fixture_settings, fixture_store, monkeypatch):
    """The first request keeps the dump; the next ones get the same bytes without reading the store."""
    first = client.get("/dump.nq.gz")
    path = _kept_file(fixture_settings, fixture_store)
    assert first.status_code == 200 and path.read_bytes() == first.content

    def no_store_read():
        raise AssertionError("the store was read for a kept dump")

    monkeypatch.setattr(fixture_store, "quads", no_store_read)
    again = client.get("/dump")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == f'"{fixture_store.version}"'
    assert "attachment" in again.headers["content-disposition"]
    part = client.get("/dump", headers={"Range": "bytes=0-9"})  # a download can resume
    assert part.status_code == 206 and part.content == first.content[:10]


def test_a_kept_dump_removed_while_it_is_sent_is_sent_whole(
    client, fixture_settings, fixture_store, monkeypatch
):
    """Another API instance keeping a newer version may remove this version's file after it was checked: the answer is
    still the whole file, and a byte range too (sent from the file opened for the check), and no file is left open."""
    first = client.get("/dump.nq.gz")
    path = _kept_file(fixture_settings, fixture_store)
    opened = dump_cache.opened

    def opened_then_removed(*args):
        file = opened(*args)
        assert file is not None  # the kept file was found and checked ...
        path.unlink()  # ... and is removed before it is sent
        return file

    def no_store_read():
        raise AssertionError("the store was read for a kept dump")

    monkeypatch.setattr(dump_cache, "opened", opened_then_removed)
    monkeypatch.setattr(fixture_store, "quads", no_store_read)
    descriptors = len(os.listdir("/proc/self/fd"))
    again = client.get("/dump.nq.gz")
    assert again.status_code == 200 and again.content == first.content and not path.exists()
    path.write_bytes(first.content)
    part = client.get("/dump.nq.gz", headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == first.content[10:20]
    path.write_bytes(first.content)
    assert client.head("/dump.nq.gz").status_code == 200
    assert len(os.listdir("/proc/self/fd")) == descriptors


def _same_dataset(body: bytes, other: bytes, rdf_format) -> bool:
    """Two dumps hold the same dataset: the same count in every graph and the same quads without a blank node (a
    remote store's SPARQL answers name blank nodes and order quads as they come, so its dumps differ in bytes)."""

    def plain(data: bytes) -> set:
        quads = ox.parse(gzip.decompress(data), format=rdf_format)
        return {str(q) for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}

    return _graph_counts(body, rdf_format) == _graph_counts(other, rdf_format) and plain(body) == plain(other)


def test_a_damaged_kept_dump_is_made_again(client, fixture_settings, fixture_store):
    """A kept file that no longer has its recorded sha256 is not served: the dump is made again and kept."""
    trig = ox.RdfFormat.TRIG
    good = client.get("/dump?format=trig").content
    path = _kept_file(fixture_settings, fixture_store, "trig")
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))
    r = client.get("/dump.trig.gz")
    assert r.status_code == 200 and _same_dataset(r.content, good, trig)
    assert path.read_bytes() == r.content  # kept again
    path.unlink()
    again = client.get("/dump.trig.gz")  # a missing file too
    assert _same_dataset(again.content, good, trig) and path.read_bytes() == again.content


def test_a_dump_stopped_midway_keeps_nothing(tmp_path):
    chunks = dump_cache.keeping(iter([b"a", b"b", b"c"]), tmp_path, "v1", "nq")
    assert next(chunks) == b"a"
    chunks.close()  # the client went away
    assert _kept(tmp_path, "v1", "nq") is None
    assert list((tmp_path / dump_cache.FOLDER).iterdir()) == []


def test_a_failing_dump_keeps_nothing(tmp_path):
    def failing():
        yield b"a"
        raise OSError("the store went away")

    with pytest.raises(OSError):
        list(dump_cache.keeping(failing(), tmp_path, "v1", "nq"))
    assert list((tmp_path / dump_cache.FOLDER).iterdir()) == []


def test_a_new_version_replaces_the_older_dumps_of_its_format(tmp_path):
    """Keeping a version's dump removes the older versions' but the one before it (another instance on the same cache
    may still serve it for a moment); other formats stay."""
    for version in ("v1", "v2", "v3"):
        assert (
            b"".join(dump_cache.keeping(iter([version.encode()]), tmp_path, version, "nq"))
            == version.encode()
        )
    assert b"".join(dump_cache.keeping(iter([b"trig"]), tmp_path, "v1", "trig")) == b"trig"
    assert _kept(tmp_path, "v1", "nq") is None
    assert not dump_cache.dump_path(tmp_path, "v1", "nq").with_name("dump-v1.nq.gz.json").exists()
    assert _kept(tmp_path, "v2", "nq") == b"v2"  # the version before
    assert _kept(tmp_path, "v3", "nq") == b"v3"
    assert _kept(tmp_path, "v1", "trig") == b"trig"  # another format stays


def test_an_unwritable_cache_still_streams_the_dump(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert b"".join(dump_cache.keeping(iter([b"a", b"b"]), blocked, "v1", "nq")) == b"ab"
    assert _kept(blocked, "v1", "nq") is None
