"""The build pipeline round-trips through its cache and the store answers from it."""

from __future__ import annotations

import shutil
from collections import Counter

import pyoxigraph as ox
import pytest

from kg.build.cache_files import read_json, sha256_file
from kg.build.pipeline import build, content_hash
from kg.build.store_dir import (
    BUILT_APART,
    apart_graphs,
    discard,
    intact,
    manifest_file,
    store_dir,
    union_file,
)
from kg.errors import LoadError, ValidationFailed
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY
from kg.store.embedded import EmbeddedStore, materialize
from kg.store.engine import dataset_args


def quads(path):
    return set(map(str, ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)))


def dataset_quads(target, version, *, terms=False):
    """The dataset an embedded store serves (kg.store.embedded.EmbeddedStore.quads), as text or as terms."""
    store = EmbeddedStore(target, version=version, timeout=5, max_results=10, workers=1)
    try:
        held = list(store.quads())
    finally:
        store.close()
    return held if terms else list(map(str, held))


def test_build_then_cache_gives_the_same_dataset(fixture_settings, tmp_path):
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path})
    first = build(settings)
    assert not first.from_cache
    assert (
        first.counts[GRAPH_ASSERTED] > 0
        and first.counts[GRAPH_INFERRED] > 0
        and first.counts[GRAPH_ONTOLOGY] > 0
    )
    meta = read_json(first.dataset_path.with_suffix(".json"))
    # the sha256 computed as the parts were written is that of the published files
    assert meta["sha256"] == sha256_file(first.dataset_path)
    assert meta["default_sha256"] == first.default_sha256 == sha256_file(first.default_path)
    second = build(settings)
    assert second.from_cache
    assert second.version == first.version
    assert second.counts == first.counts
    rebuilt = build(settings, use_cache=False)
    assert quads(rebuilt.dataset_path) == quads(first.dataset_path)


def test_the_default_graph_of_the_dataset_is_the_union_the_shapes_ran_on(fixture_settings, tmp_path):
    """The dataset is written in two parts (sources, then inferred; kg.build.in_store): its default graph is still
    exactly the N-Triples copy the query workers load, and the union of the three graphs."""
    built = build(fixture_settings.model_copy(update={"cache_dir": tmp_path}))
    default, named = set(), {GRAPH_ASSERTED: set(), GRAPH_ONTOLOGY: set(), GRAPH_INFERRED: set()}
    for quad in ox.parse(path=str(built.dataset_path), format=ox.RdfFormat.N_QUADS, rename_blank_nodes=False):
        triple = str(ox.Triple(quad.subject, quad.predicate, quad.object))
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.add(triple)
        elif quad.graph_name.value in named:
            named[quad.graph_name.value].add(triple)
    copy = {
        str(t)
        for t in ox.parse(
            path=str(built.default_path), format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=False
        )
    }
    assert default == copy == set().union(*named.values())
    assert len(default) == built.default_triples
    assert {name: len(triples) for name, triples in named.items()} == {
        name: built.counts[name] for name in named
    }


@pytest.mark.parametrize("overlap", [True, False])
def test_a_blank_node_stays_one_node_in_the_loaded_store(fixture_settings, tmp_path, monkeypatch, overlap):
    """Each bulk load gives blank nodes new ids: a blank node with an asserted label and an inferred property value
    must still be one node once the dataset's parts are in the store, whole or in pieces."""
    from kg.build import pipeline

    monkeypatch.setattr(pipeline, "OVERLAP_MAX_BYTES", 1 << 40 if overlap else 0)
    monkeypatch.setattr(pipeline, "LOAD_PIECE_BYTES", 4096)  # a big build's: many pieces
    data = tmp_path / "data"
    shutil.copytree(fixture_settings.data_path, data)
    (data / "bnode.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix cgo: <https://w3id.org/cybergov/ontology#> .\n"
        '<urn:x> rdfs:seeAlso [ rdfs:label "a note" ; cgo:participant <https://w3id.org/cybergov/id/state/FRA> ] .\n'
    )
    settings = fixture_settings.model_copy(
        update={"data_dir": data, "cache_dir": tmp_path / "cache", "store": "embedded"}
    )
    built = build(
        settings, strict=False
    )  # the record is incomplete: the shapes say so, the store is loaded anyway
    target = store_dir(settings.cache_path, built.version)
    assert apart_graphs(target) == BUILT_APART  # the default graph is the store's own, asserted and inferred
    store = ox.Store.read_only(str(target))
    label = "?b <http://www.w3.org/2000/01/rdf-schema#label> 'a note'"
    inverse = (
        "<https://w3id.org/cybergov/id/state/FRA> <https://w3id.org/cybergov/ontology#hasParticipation> ?b"
    )
    # the label is asserted (the sources' part), the inverse of cgo:participant inferred (the inferred part)
    dataset = dataset_args(None, None, apart=BUILT_APART)
    assert len(list(store.query(f"SELECT ?b WHERE {{ {label} . {inverse} }}", **dataset))) == 1
    in_graphs = f"SELECT ?b WHERE {{ GRAPH <{GRAPH_ASSERTED}> {{ {label} }} GRAPH <{GRAPH_INFERRED}> {{ {inverse} }} }}"
    assert len(list(store.query(in_graphs))) == 1


def test_the_built_store_holds_each_triple_of_its_default_graph_once(fixture_settings, tmp_path):
    """The build's store keeps the asserted and inferred graphs out of its own default graph, which holds only the
    ontology's triples that are not asserted: read together as the default graph, the three repeat no triple and make
    the union the build recorded (a triple in two of them would be counted twice)."""
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path, "store": "embedded"})
    built = build(settings)
    store = ox.Store.read_only(str(store_dir(tmp_path, built.version)))
    own = {str(q) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    asserted = {
        str(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_ASSERTED))
    }
    assert own and not own & asserted
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    rows = list(store.query(count, **dataset_args(None, None, apart=BUILT_APART)))
    assert int(rows[0]["n"].value) == built.default_triples
    ontology = list(store.query(count, default_graph=[ox.NamedNode(GRAPH_ONTOLOGY)]))
    assert len(own) == int(ontology[0]["n"].value) - len(
        list(
            store.query(
                f"SELECT * WHERE {{ GRAPH <{GRAPH_ONTOLOGY}> {{ ?s ?p ?o }} GRAPH <{GRAPH_ASSERTED}> {{ ?s ?p ?o }} }}"
            )
        )
    )


def test_content_hash_changes_with_the_data(fixture_settings, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(fixture_settings.data_path, data)
    settings = fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})
    before = content_hash(settings)
    (data / "minimal.ttl").write_text((data / "minimal.ttl").read_text() + "\n# a comment\n")
    assert content_hash(settings) != before


def invalid_copy(fixture_settings, tmp_path):
    """Settings over a copy of the fixture data with a consent dated before its signature."""
    data = tmp_path / "data"
    shutil.copytree(fixture_settings.data_path, data)
    text = (data / "minimal.ttl").read_text().replace('"2006-01-10"', '"2000-01-10"')
    (data / "minimal.ttl").write_text(text)
    return fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})


def test_build_refuses_invalid_data(fixture_settings, tmp_path):
    settings = invalid_copy(fixture_settings, tmp_path)
    with pytest.raises(ValidationFailed) as caught:
        build(settings)
    assert any("before the signature" in p.message for p in caught.value.report.problems)
    # the embedded store was being loaded while the shapes ran: nothing of it (nor of the dataset) is left
    left = sorted(p.name for p in settings.cache_path.iterdir() if p.name != ".lock")
    assert left == [], left


def test_a_cold_build_leaves_the_store_that_opening_reuses(fixture_settings, tmp_path):
    """The build bulk-loads the embedded store itself (issue 13); materialize finds it intact and leaves it as it is."""
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path, "store": "embedded"})
    built = build(settings)
    target = store_dir(tmp_path, built.version)
    assert intact(target)
    manifest = manifest_file(target).stat().st_mtime_ns
    assert (
        materialize(
            built.dataset_path, target, default=built.default_path, default_sha256=built.default_sha256
        )
        == target
    )
    assert manifest_file(target).stat().st_mtime_ns == manifest
    built_quads = quads(built.dataset_path)
    held = dataset_quads(target, built.version)
    assert len(held) == len(built_quads)  # blank nodes get new ids in a load: the rest compares as text
    assert {q for q in held if "_:" not in q} == {q for q in built_quads if "_:" not in q}
    assert union_file(target).read_bytes() == built.default_path.read_bytes()
    # a store loaded again from the published file holds the union in its own default graph: the same dataset
    discard(target)
    materialize(built.dataset_path, target, default=built.default_path, default_sha256=built.default_sha256)
    assert intact(target) and apart_graphs(target) == ()
    again = dataset_quads(target, built.version)
    assert len(again) == len(held)
    assert {q for q in again if "_:" not in q} == {q for q in held if "_:" not in q}


def test_a_build_for_the_remote_store_loads_no_embedded_store(fixture_settings, tmp_path):
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path, "store": "remote"})
    built = build(settings)
    assert not store_dir(tmp_path, built.version).exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store-")]


def test_build_reports_syntax_errors_with_position(fixture_settings, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "broken.ttl").write_text("@prefix a: <http://x/> .\na:b a:c \n a:d a:e .\n")
    settings = fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})
    with pytest.raises(LoadError) as caught:
        build(settings)
    assert caught.value.position.line == 3
    assert caught.value.position.file.endswith("broken.ttl")


def test_store_counts_match_the_build(fixture_settings, fixture_store):
    built = build(fixture_settings)
    counts = fixture_store.counts()
    for graph in (GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY):
        assert counts[graph] == built.counts[graph]


def test_a_cached_non_strict_build_of_invalid_data_is_not_served(fixture_settings, tmp_path):
    """The benchmarks build without the gate; a later strict build (the server's) must still refuse the data."""
    settings = invalid_copy(fixture_settings, tmp_path)
    lenient = build(settings, strict=False)
    assert not lenient.report.conforms
    with pytest.raises(ValidationFailed):
        build(settings)
    assert build(settings, strict=False).from_cache  # the lenient caller still gets the cached build


def test_the_store_loaded_in_pieces_holds_what_the_whole_files_give(fixture_settings, tmp_path, monkeypatch):
    """A big build (over OVERLAP_MAX_BYTES) loads its parts in pieces, at a lower priority: the same quads."""
    from kg.build import pipeline

    stores = {}
    for overlap in (True, False):
        monkeypatch.setattr(pipeline, "OVERLAP_MAX_BYTES", 1 << 40 if overlap else 0)
        monkeypatch.setattr(pipeline, "LOAD_PIECE_BYTES", 1 << 40 if overlap else 2048)
        settings = fixture_settings.model_copy(
            update={"cache_dir": tmp_path / str(overlap), "store": "embedded"}
        )
        built = build(settings)
        stores[overlap] = dataset_quads(
            store_dir(settings.cache_path, built.version), built.version, terms=True
        )
    datasets = {overlap: ox.Dataset(held) for overlap, held in stores.items()}
    for dataset in datasets.values():  # each load names blank nodes its own way
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    whole, pieces = ({str(q) for q in datasets[overlap]} for overlap in (True, False))
    assert len(whole) == sum(built.counts.values()) + built.default_triples
    assert pieces == whole


@pytest.mark.parametrize("overlap", [True, False])
def test_the_store_is_loaded_whole_or_in_pieces(fixture_settings, tmp_path, monkeypatch, overlap):
    """Above kg.build.pipeline.OVERLAP_MAX_BYTES the parts load in pieces (memory): same store, same refusal."""
    from kg.build import pipeline

    monkeypatch.setattr(pipeline, "OVERLAP_MAX_BYTES", 1 << 40 if overlap else 0)
    settings = fixture_settings.model_copy(update={"cache_dir": tmp_path / "ok", "store": "embedded"})
    built = build(settings)
    assert intact(store_dir(settings.cache_path, built.version))
    bad = invalid_copy(fixture_settings, tmp_path)
    with pytest.raises(ValidationFailed):
        build(bad)
    assert [p.name for p in bad.cache_path.iterdir() if p.name != ".lock"] == []


def _unlabelled(quads) -> Counter:
    """Quads with every blank node written `_:b` (two builds label them apart), counted."""

    def term(t):
        return "_:b" if isinstance(t, ox.BlankNode) else str(t)

    return Counter(tuple(map(term, (q.subject, q.predicate, q.object, q.graph_name))) for q in quads)


def test_without_file_graphs_the_build_keeps_every_other_graph(fixture_settings, tmp_path):
    """CYBERGOV_FILE_GRAPHS=false: the dataset and the store have no graph per source file, and the same asserted,
    ontology, inferred and default graphs as a build with them; the two are cached apart (the version differs)."""
    kept = build(fixture_settings.model_copy(update={"cache_dir": tmp_path / "with", "store": "embedded"}))
    settings = fixture_settings.model_copy(
        update={"cache_dir": tmp_path / "without", "store": "embedded", "file_graphs": False}
    )
    lean = build(settings)
    assert lean.version != kept.version
    file_graphs = {g for g in kept.counts if g not in (GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY)}
    assert file_graphs and all("/graph/file/" in g for g in file_graphs)
    assert set(lean.counts) == {GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY}
    assert {g: kept.counts[g] for g in lean.counts} == lean.counts
    assert lean.default_triples == kept.default_triples

    def parsed(path):
        return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))

    def not_in_a_file_graph(quads):
        return [
            q for q in quads if getattr(q.graph_name, "value", None) not in file_graphs
        ]  # DefaultGraph: no value

    assert _unlabelled(parsed(lean.dataset_path)) == _unlabelled(
        not_in_a_file_graph(parsed(kept.dataset_path))
    )
    assert _unlabelled(parsed(lean.default_path)) == _unlabelled(parsed(kept.default_path))
    served = dataset_quads(store_dir(settings.cache_path, lean.version), lean.version, terms=True)
    served_with = dataset_quads(store_dir(tmp_path / "with", kept.version), kept.version, terms=True)
    assert _unlabelled(served) == _unlabelled(not_in_a_file_graph(served_with))
