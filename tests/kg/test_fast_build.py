"""The build (kg.build.in_store) writes what owlrl and pySHACL, the oracles, give on the same inputs (issues 6, 12)."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from oracles import closure_owlrl
from rdflib import BNode, Graph, Literal
from rdflib.compare import to_isomorphic
from rdflib.namespace import OWL

from kg.build.pipeline import build, load_inputs
from kg.build.report import load_shapes, validate_graph
from kg.errors import InconsistencyError
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY
from kg.terms import to_rdflib


def graphs(path) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graph = out.setdefault(name, Graph())
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return out


def comparable(graph: Graph) -> Graph:
    """What both reasoners must agree on (owlrl also adds reflexive owl:sameAs and literal typing)."""
    kept = Graph()
    for s, p, o in graph:
        if not (p == OWL.sameAs and s == o) and not isinstance(s, Literal):
            kept.add((s, p, o))
    return kept


class Reference:
    """The fixture inputs closed by owlrl and validated by pySHACL, laid out like a build's graphs."""

    def __init__(self, settings):
        loaded = load_inputs(settings)
        ontology, asserted = loaded.ontology_graph, loaded.data_graph
        inferred = closure_owlrl(asserted, ontology).inferred
        self.graphs = {GRAPH_ONTOLOGY: ontology, GRAPH_ASSERTED: asserted, GRAPH_INFERRED: inferred}
        self.graphs.update({source.graph_iri: source.graph for source in loaded.data + loaded.ontology})
        self.report = validate_graph(
            ontology + asserted + inferred, load_shapes(loaded.shapes), sources=loaded.data + loaded.ontology
        )


@pytest.fixture(scope="module")
def both(fixture_settings, tmp_path_factory):
    """The fixture data built by the product, and the same inputs through the oracles."""
    root = tmp_path_factory.mktemp("builds")
    fast = build(fixture_settings.model_copy(update={"cache_dir": root / "fast"}), use_cache=False)
    return fast, Reference(fixture_settings)


def test_the_fast_build_writes_the_reference_dataset(both):
    fast, reference = both
    ours, theirs = graphs(fast.dataset_path), reference.graphs
    for name in (GRAPH_ASSERTED, GRAPH_ONTOLOGY):  # blank nodes differ between runs: compare up to renaming
        assert to_isomorphic(ours[name]) == to_isomorphic(theirs[name]), name
    assert len(ours[GRAPH_INFERRED]) > 100
    assert {t for t in comparable(ours[GRAPH_INFERRED]) if not any(isinstance(n, BNode) for n in t)} == {
        t for t in comparable(theirs[GRAPH_INFERRED]) if not any(isinstance(n, BNode) for n in t)
    }
    assert set(ours) - {""} == set(theirs)  # the same named graphs, file graphs included
    union = ours[GRAPH_ASSERTED] + ours[GRAPH_ONTOLOGY] + ours[GRAPH_INFERRED]
    assert to_isomorphic(ours[""]) == to_isomorphic(union)  # the default graph is their union


def test_the_fast_build_reports_what_pyshacl_reports(both):
    fast, reference = both

    def key(p):
        return (p.severity, p.focus, p.path, p.value, p.shape, p.file, p.line)

    assert sorted(map(key, fast.report.problems)) == sorted(map(key, reference.report.problems))
    assert (
        fast.report.problems
    )  # the fixtures have warnings (e.g. no Wikidata id), so the comparison means something
    for name in (GRAPH_ASSERTED, GRAPH_ONTOLOGY):
        assert fast.counts[name] == len(reference.graphs[name])


def test_the_fast_build_refuses_contradictions(fixture_settings, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(fixture_settings.data_path, data)
    shutil.copy(
        fixture_settings.root / "tests" / "fixtures" / "reasoning" / "state-organization-clash.ttl", data
    )
    settings = fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})
    with pytest.raises(InconsistencyError) as caught:
        build(settings)
    assert any("Disjoint classes" in p and "state/XXA" in p for p in caught.value.problems)
    # the sources' part of the dataset was written and being loaded into the store while the rules ran: all gone
    assert [p.name for p in settings.cache_path.iterdir() if p.name != ".lock"] == []


def test_blank_nodes_of_one_file_stay_one_node_in_every_graph(fixture_settings, tmp_path):
    """The file's graph, the asserted graph and the working union share blank nodes (no copy renames them)."""
    data = tmp_path / "data"
    shutil.copytree(fixture_settings.data_path, data)
    (data / "bnode.ttl").write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<urn:x> rdfs:seeAlso [ rdfs:label "a note" ] .\n'
    )
    settings = fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})
    result = build(settings)
    found = graphs(result.dataset_path)
    in_file = {
        o for s, p, o in found[[g for g in found if g.endswith("data/bnode.ttl")][0]] if isinstance(o, BNode)
    }
    in_asserted = {o for o in found[GRAPH_ASSERTED].objects() if isinstance(o, BNode)}
    assert len(in_file) == 1 and in_file <= in_asserted
