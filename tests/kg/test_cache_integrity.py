"""Issue 10, never serve silently wrong data: the build cache is written atomically under a lock and
every file is checked against the sha256 its build recorded before it is used. Two processes
cold-starting on one cache both start (one builds, the other waits and reuses); a truncated N-Quads
file, half a default.nt, a damaged store file or a corrupt build-*.json each lead to a rebuild,
never to an empty or half graph."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build.cache_files import tree_digests
from kg.build.pipeline import build
from kg.config import Settings
from kg.store import held_counts, open_store, recorded_counts
from kg.store.embedded import manifest_file, materialize, union_file

REPO = Path(__file__).resolve().parents[2]
FIXTURE_DATA = REPO / "tests" / "fixtures" / "data"

CHILD = """
import json, sys
from pathlib import Path
from kg.build.pipeline import build
from kg.config import Settings
from kg.store import held_counts, open_store, recorded_counts
settings = Settings(root=Path(sys.argv[1]), data_dir=Path(sys.argv[2]), cache_dir=Path(sys.argv[3]), query_workers=1)
built = build(settings)
store = open_store(settings, built)
print(json.dumps({"version": built.version, "from_cache": built.from_cache, "held": held_counts(store),
                  "recorded": recorded_counts(built)}))
store.close()
"""


def settings_for(cache: Path) -> Settings:
    return Settings(root=REPO, data_dir=FIXTURE_DATA, cache_dir=cache, query_workers=1)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A cache with the fixture data built and materialized once (copied by each test)."""
    cache = tmp_path_factory.mktemp("warm")
    settings = settings_for(cache)
    built = build(settings)
    materialize(built.dataset_path, cache / f"store-{built.version}")
    return cache


@pytest.fixture
def cache(warm_cache, tmp_path) -> Path:
    copy = tmp_path / "cache"
    shutil.copytree(warm_cache, copy)
    return copy


def reopen(cache: Path) -> tuple[dict, dict]:
    """Start as a server does (build, then open the store); returns what is held and what was recorded."""
    settings = settings_for(cache)
    built = build(settings)
    store = open_store(settings, built)
    try:
        return held_counts(store), recorded_counts(built)
    finally:
        store.close()


def test_two_processes_cold_starting_on_one_cache_both_start(tmp_path):
    for round_ in range(2):
        cache = tmp_path / f"cache-{round_}"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, str(REPO), str(FIXTURE_DATA), str(cache)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [child.communicate(timeout=600) for child in children]
        for child, (_out, err) in zip(children, outputs, strict=False):
            assert child.returncode == 0, err[-2000:]
        answers = [json.loads(out.strip().splitlines()[-1]) for out, _err in outputs]
        assert answers[0]["version"] == answers[1]["version"]
        assert sorted(a["from_cache"] for a in answers) == [False, True]  # one built, the other reused it
        for answer in answers:
            assert answer["held"] == answer["recorded"] and answer["held"]["asserted"] > 0
        assert len(list(cache.glob("build-*.nq"))) == 1
        assert not [
            p.name for p in cache.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".store-")
        ]


def test_reopening_reuses_an_intact_cache_and_does_not_change_it(cache):
    store_dir = next(p for p in cache.glob("store-*") if p.is_dir())
    before = tree_digests(store_dir)
    held, recorded = reopen(cache)
    assert held == recorded
    assert tree_digests(store_dir) == before  # a read-only open writes nothing the manifest covers
    assert build(settings_for(cache)).from_cache


def test_truncated_nquads_with_the_store_removed_is_rebuilt(cache):
    nquads = next(cache.glob("build-*.nq"))
    store_dir = next(p for p in cache.glob("store-*") if p.is_dir())
    shutil.rmtree(store_dir)
    manifest_file(store_dir).unlink()
    union_file(store_dir).unlink()
    data = nquads.read_bytes()
    nquads.write_bytes(data[: len(data) // 3])
    assert not build(settings_for(cache)).from_cache  # the damaged dataset is not reused
    held, recorded = reopen(cache)
    assert held == recorded and held["asserted"] > 0


def test_half_a_default_nt_is_rewritten(cache):
    store_dir = next(p for p in cache.glob("store-*") if p.is_dir())
    union = union_file(store_dir)
    whole = union.read_bytes()
    union.write_bytes(whole[: len(whole) // 2])
    held, recorded = reopen(cache)
    assert held == recorded
    assert union.read_bytes().count(b"\n") == recorded["default"] == whole.count(b"\n")


def test_a_damaged_store_file_is_rebuilt(cache):
    store_dir = next(p for p in cache.glob("store-*") if p.is_dir())
    victim = max(store_dir.glob("*.sst"), key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    held, recorded = reopen(cache)
    assert held == recorded


@pytest.mark.parametrize("damage", [b"{ not json", b"", b"[]", b'{"counts": {}}'])
def test_a_corrupt_build_meta_is_rebuilt_not_a_traceback(cache, damage):
    meta = next(cache.glob("build-*.json"))
    meta.write_bytes(damage)
    built = build(settings_for(cache))
    assert not built.from_cache
    assert json.loads(meta.read_text())["sha256"]
    held, recorded = reopen(cache)
    assert held == recorded


def _drop_store(cache: Path) -> Path:
    store_dir = next(p for p in cache.glob("store-*") if p.is_dir())
    shutil.rmtree(store_dir)
    manifest_file(store_dir).unlink()
    union_file(store_dir).unlink()
    return store_dir


def test_the_builds_own_default_graph_becomes_the_stores_union_file(cache):
    """Issue 13: the N-Triples the build wrote are linked, not dumped again out of RocksDB."""
    store_dir = _drop_store(cache)
    built_default = next(cache.glob("build-*.default.nt"))
    held, recorded = reopen(cache)
    assert held == recorded
    assert union_file(store_dir).samefile(built_default)


def test_a_damaged_default_graph_of_the_build_is_not_served(cache):
    store_dir = _drop_store(cache)
    built_default = next(cache.glob("build-*.default.nt"))
    whole = built_default.read_bytes()
    built_default.write_bytes(whole[: len(whole) // 2])
    held, recorded = reopen(cache)
    assert held == recorded
    assert not union_file(store_dir).samefile(built_default)
    assert union_file(store_dir).read_bytes().count(b"\n") == recorded["default"] == whole.count(b"\n")
