"""Many SELECTs answered on a few threads (kg.build.query_batch): each text once, the same answers as one by one."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.build.query_batch import answer_all, default_threads


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(
        b'<urn:a> <urn:p> "1" .\n<urn:a> <urn:p> "2" .\n<urn:b> <urn:p> "3" .\n<urn:b> <urn:q> <urn:a> .\n',
        format=ox.RdfFormat.N_TRIPLES,
    )
    return store


QUERIES = [
    "SELECT ?s ?o WHERE { ?s <urn:p> ?o } ORDER BY ?o",
    "SELECT ?s WHERE { ?s <urn:q> ?o }",
    "SELECT ?s ?o WHERE { ?s <urn:p> ?o } ORDER BY ?o",  # the same text again
    "SELECT ?x WHERE { ?x <urn:none> ?y }",
]


def rows(answer) -> list[tuple]:
    return [tuple(s[v] for v in answer.variables) for s in answer.solutions]


@pytest.mark.parametrize("threads", [1, 3])
def test_each_text_is_answered_once_with_its_solutions(store, threads):
    answers = answer_all(store, QUERIES, threads=threads)
    assert list(answers) == [QUERIES[0], QUERIES[1], QUERIES[3]]
    assert answers[QUERIES[0]].variables == ["s", "o"]
    assert [o.value for _s, o in rows(answers[QUERIES[0]])] == ["1", "2", "3"]
    assert rows(answers[QUERIES[1]]) == [(ox.NamedNode("urn:b"),)]
    assert rows(answers[QUERIES[3]]) == []


def test_threads_give_the_answers_one_thread_gives(store):
    one, three = answer_all(store, QUERIES, threads=1), answer_all(store, QUERIES, threads=3)
    assert {q: rows(a) for q, a in one.items()} == {q: rows(a) for q, a in three.items()}


def test_a_bad_query_raises_as_pyoxigraph_raises(store):
    with pytest.raises(SyntaxError):
        answer_all(store, [QUERIES[0], "SELECT WHERE {"], threads=2)


def test_the_default_is_at_least_one_thread():
    assert 1 <= default_threads() <= 4
