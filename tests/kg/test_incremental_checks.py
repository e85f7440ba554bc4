"""Issue 13: an incremental contribution check (reasoning from the contribution against the cached
closure, validating the contribution's resources only) gives what a full rebuild gives: the same
closure (every triple added and every derived triple taken away) and the same report, on every
contribution fixture and on random contributions made of curated records (subsets, copies under
new ids, changed dates). Contributions only add triples (a check has no deletions to test)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.build.loading import SourceFile
from kg.build.pipeline import load_inputs
from kg.build.reasoning import inferred_quads, reason_in_store
from kg.config import Settings
from kg.curate.checking import check_contribution
from kg.curate.closure_cache import ASSERTED, ONTOLOGY, load_closure
from kg.curate.contribution import Contribution, read_paths
from kg.curate.incremental_check import contribution_applied
from kg.curate.report import to_model
from kg.namespaces import CGO, file_graph
from kg.terms import to_oxigraph

REPO = Path(__file__).resolve().parents[2]
CONTRIBUTIONS = REPO / "tests" / "fixtures" / "contributions"
UNREADABLE = {"syntax-errors.ttl", "entity.rdf", "remote-context.jsonld"}
# two values of a functional property: OWL 2 RL equates them over the whole graph, so these take the full path
FULL_PATH = {"functional-date.ttl"}
_DEFAULT = ox.DefaultGraph()


class Canonical:
    """Settings, parsed inputs and the cached closure of one canonical dataset (shared by a module's tests)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded = load_inputs(settings)
        self.closure = load_closure(settings)
        self.asserted = [
            ox.Quad(q.subject, q.predicate, q.object)
            for g in (ASSERTED, ONTOLOGY)
            for q in self.closure.store.quads_for_pattern(None, None, None, g)
        ]


@pytest.fixture(scope="module")
def fixture_canonical(tmp_path_factory) -> Canonical:
    return Canonical(
        Settings(
            root=REPO,
            data_dir=REPO / "tests" / "fixtures" / "canonical",
            cache_dir=tmp_path_factory.mktemp("cache"),
        )
    )


@pytest.fixture(scope="module")
def curated(tmp_path_factory) -> Canonical:
    return Canonical(Settings(root=REPO, cache_dir=tmp_path_factory.mktemp("cache")))


def closed_triples(store: ox.Store) -> set[ox.Triple]:
    return {
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, _DEFAULT)
    }


def rebuilt(canonical: Canonical, contribution: Graph) -> set[ox.Triple]:
    """The closure a full rebuild gives: canonical asserted + ontology + contribution, closed, uninformative pruned."""
    store = ox.Store()
    store.extend(canonical.asserted)
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in contribution)
    inputs = ox.NamedNode("urn:test:inputs")
    store.extend(
        ox.Quad(q.subject, q.predicate, q.object, inputs)
        for q in store.quads_for_pattern(None, None, None, _DEFAULT)
    )
    reason_in_store(store)
    inferred_quads(store, [inputs], prune=True)
    return closed_triples(store)


def report(canonical: Canonical, contribution: Contribution, *, incremental: bool) -> tuple[dict, bool]:
    result = check_contribution(
        canonical.settings,
        contribution,
        loaded=canonical.loaded,
        closure=canonical.closure,
        incremental=incremental,
    )
    dumped = to_model(result).model_dump()
    dumped.pop("seconds"), dumped.pop("timings")
    return dumped, result.incremental


def assert_same_as_rebuild(canonical: Canonical, contribution: Contribution) -> bool:
    """The closure and the report of the incremental check equal a full rebuild's; returns whether it was incremental."""
    graph = Graph()
    for source in contribution.sources:
        graph += source.graph
    before = closed_triples(canonical.closure.store)
    with contribution_applied(canonical.closure, graph) as delta:
        incremental = closed_triples(canonical.closure.store) if delta is not None else None
    assert closed_triples(canonical.closure.store) == before, "the cached closure was not restored"
    if incremental is not None:
        expected = rebuilt(canonical, graph)
        assert incremental - expected == set(), (
            f"{len(incremental - expected)} triples only the incremental check has"
        )
        assert expected - incremental == set(), f"{len(expected - incremental)} triples only the rebuild has"
    fast, used = report(canonical, contribution, incremental=True)
    full, _ = report(canonical, contribution, incremental=False)
    assert fast == full
    assert used == (incremental is not None)
    return used


def test_the_cached_closure_is_what_a_rebuild_gives(fixture_canonical):
    assert closed_triples(fixture_canonical.closure.store) == rebuilt(fixture_canonical, Graph())


FIXTURES = sorted(p.name for p in CONTRIBUTIONS.iterdir() if p.name not in UNREADABLE)


@pytest.mark.parametrize("name", FIXTURES)
def test_every_contribution_fixture_matches_a_full_rebuild(fixture_canonical, name):
    contribution = read_paths([CONTRIBUTIONS / name], root=REPO)
    assert contribution.readable and contribution.sources
    used = assert_same_as_rebuild(fixture_canonical, contribution)
    assert used == (name not in FULL_PATH)


def test_a_contribution_stating_an_axiom_takes_the_full_path(fixture_canonical):
    text = (
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/cybergov/ontology#Treaty> rdfs:subClassOf <https://w3id.org/cybergov/ontology#Thing2> .\n"
    )
    contribution = contribution_of([("axiom.ttl", text)])
    assert assert_same_as_rebuild(fixture_canonical, contribution) is False


def contribution_of(documents: list[tuple[str, str]]) -> Contribution:
    from kg.curate.contribution import read_texts

    return read_texts([(name, text, None) for name, text in documents])


# --- random contributions made of curated records ----------------------------------------------------------

RECORD_CLASSES = (
    CGO.TreatyParticipation,
    CGO.Membership,
    CGO.Treaty,
    CGO.State,
    CGO.DateBound,
    CGO.EntryIntoForceRule,
)


def _records(canonical: Canonical) -> list[URIRef]:
    graph = canonical.loaded.data_graph
    found = {s for cls in RECORD_CLASSES for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    return sorted(found)


def _shift(value: Literal, days: int) -> Literal:
    import datetime

    day = value.toPython()
    return Literal((day + datetime.timedelta(days=days)).isoformat(), datatype=XSD.date)


def _stable(triple) -> tuple[str, str, str]:
    """A sort key that ignores blank node ids (new ones with each parse), so the drawn contributions do not vary."""
    return tuple("" if isinstance(term, BNode) else term.n3() for term in triple)


@st.composite
def curated_contributions(draw, records: list[URIRef], data: Graph) -> Graph:
    """A few curated records, each kept whole or in part, possibly copied under a new id or with a date moved."""
    chosen = draw(st.lists(st.sampled_from(records), min_size=1, max_size=4, unique=True))
    graph = Graph()
    for n, record in enumerate(chosen):
        triples = sorted(data.triples((record, None, None)), key=_stable)
        keep = draw(st.lists(st.booleans(), min_size=len(triples), max_size=len(triples)))
        copy = draw(st.booleans())
        subject = URIRef(f"{record}-copy{n}") if copy else record
        shift = draw(st.sampled_from([0, 0, 1, -400, 3000]))
        for (_s, p, o), kept in zip(triples, keep, strict=False):
            if not kept and p != RDF.type:
                continue
            if isinstance(o, Literal) and o.datatype == XSD.date and shift:
                o = _shift(o, shift)
            graph.add((subject, p, o))
    return graph


def _as_contribution(graph: Graph) -> Contribution:
    """The graph as a contribution document. Its blank nodes are its own, as any document's are (an RDF merge keeps
    the blank nodes of two documents apart): a record's copied link to one of the canonical data's blank nodes (a
    date bound) points at a new node, as it would in a file a curator wrote. With the data graph's own blank nodes
    the full check, which merges rdflib graphs, took it for the canonical node and the incremental one did not."""
    fresh: dict[BNode, BNode] = {}
    own = Graph()
    for triple in graph:
        own.add(tuple(fresh.setdefault(t, BNode()) if isinstance(t, BNode) else t for t in triple))
    text = own.serialize(format="nt")
    name = "random.nt"
    return Contribution(sources=[SourceFile(name=name, graph_iri=file_graph(name), text=text, graph=own)])


def test_random_curated_contributions_match_a_full_rebuild(curated):
    records = _records(curated)
    assert len(records) > 100
    data = curated.loaded.data_graph
    used = []

    @hsettings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(curated_contributions(records, data))
    def check(graph):
        used.append(assert_same_as_rebuild(curated, _as_contribution(graph)))

    check()
    assert any(used), "no random contribution took the incremental path"


def test_the_closure_is_restored_when_a_check_fails_halfway(fixture_canonical):
    closure = fixture_canonical.closure
    before = closed_triples(closure.store)
    graph = read_paths([CONTRIBUTIONS / "good.ttl"], root=REPO).sources[0].graph
    with pytest.raises(RuntimeError, match="halfway"), contribution_applied(closure, graph) as delta:
        assert delta is not None and delta.added  # the contribution and its consequences are in the store
        assert closed_triples(closure.store) != before
        raise RuntimeError("halfway")
    assert closed_triples(closure.store) == before and not closure.damaged


def test_a_damaged_closure_is_never_used(fixture_canonical):
    from kg.curate.incremental_check import DamagedClosure

    closure = fixture_canonical.closure
    closure.damaged = True
    try:
        with pytest.raises(DamagedClosure), contribution_applied(closure, Graph()):
            pass
    finally:
        closure.damaged = False
