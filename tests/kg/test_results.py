"""SELECT answers written by pyoxigraph's writers (kg.store.results.write_solutions): the byte cap stops the
writer, and count_rows counts the rows exactly in every format, whatever the values hold."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import ResultTooLarge
from kg.store import results
from kg.store.engine import serialize_answer

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
# values that look like the writers' own layout: row separators, empty objects, line breaks, quotes, tags
AWKWARD = [
    'a},{"b',
    "{}",
    "x},{}y",
    "line one\nline two",
    "carriage\rreturn",
    "tab\there",
    '"quoted", with comma',
    "<result></result>",
    "",
]


def _store() -> ox.Store:
    store = ox.Store()
    for i, text in enumerate(AWKWARD):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(text)))
    store.add(ox.Quad(ox.BlankNode("b1"), ox.NamedNode(f"{EX}p"), ox.Literal("hi", language="en")))
    store.add(
        ox.Quad(
            ox.NamedNode(f"{EX}n"),
            ox.NamedNode(f"{EX}p"),
            ox.Literal("7", datatype=ox.NamedNode(f"{XSD}integer")),
        )
    )
    return store


QUERIES = {
    "awkward values": ("SELECT ?s ?o WHERE { ?s ?p ?o }", len(AWKWARD) + 2),
    "one empty row": (f"SELECT ?z WHERE {{ OPTIONAL {{ ?s <{EX}none> ?z }} }}", 1),
    "empty rows and full rows": (
        f"SELECT ?o ?z WHERE {{ {{ ?s ?p ?o }} UNION {{ OPTIONAL {{ ?s <{EX}none> ?z }} }} }}",
        len(AWKWARD) + 3,
    ),
    "no rows": ("SELECT ?s WHERE { ?s ?p ?o FILTER(false) }", 0),
    "unbound and bound in one row": (
        f"SELECT ?s ?z WHERE {{ ?s ?p ?o OPTIONAL {{ ?s <{EX}none> ?z }} }}",
        len(AWKWARD) + 2,
    ),
}


@pytest.mark.parametrize("fmt", sorted(results.SELECT_FORMATS))
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rows_are_counted_exactly(fmt, name):
    query, expected = QUERIES[name]
    body = results.write_solutions(_store().query(query), fmt, max_bytes=1_000_000)
    assert results.count_rows(body, fmt) == expected


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_written_answers_read_back_to_the_same_solutions(fmt):
    store = _store()
    query = QUERIES["awkward values"][0]
    body = results.write_solutions(store.query(query), fmt, max_bytes=1_000_000)
    read = ox.parse_query_results(body, format=results.RESULTS_FORMATS[fmt])
    got = sorted((str(s["s"]), str(s["o"])) for s in read)
    want = sorted((str(s["s"]), str(s["o"])) for s in store.query(query))
    assert got == want  # XML keeps the carriage return (written as &#13;), JSON and TSV their escapes


def test_the_byte_cap_stops_the_writer():
    store = _store()
    full = results.write_solutions(store.query("SELECT * WHERE { ?s ?p ?o }"), "json", max_bytes=1_000_000)
    with pytest.raises(results.OverCap):
        results.write_solutions(store.query("SELECT * WHERE { ?s ?p ?o }"), "json", max_bytes=len(full) - 1)
    assert (
        results.write_solutions(store.query("SELECT * WHERE { ?s ?p ?o }"), "json", max_bytes=len(full))
        == full
    )


def test_serialize_answer_refuses_over_either_cap():
    store = _store()
    query = "SELECT * WHERE { ?s ?p ?o }"
    out = serialize_answer(store.query(query), fmt="csv", max_results=len(AWKWARD) + 2, max_bytes=None)
    assert (out.count, out.form, out.media_type) == (len(AWKWARD) + 2, "select", "text/csv")
    with pytest.raises(ResultTooLarge) as rows:
        serialize_answer(store.query(query), fmt="json", max_results=len(AWKWARD) + 1, max_bytes=None)
    assert rows.value.setting == "CYBERGOV_MAX_RESULTS"
    with pytest.raises(ResultTooLarge) as size:
        serialize_answer(store.query(query), fmt="json", max_results=100, max_bytes=100)
    assert size.value.setting == "CYBERGOV_MAX_RESULT_BYTES"


@pytest.mark.parametrize(
    "answer_of, caps",
    [
        (lambda: ox.parse_query_results(_THREE_ROWS, format=ox.QueryResultsFormat.JSON), {"max_results": 2}),
        (lambda: ox.parse_query_results(_THREE_ROWS, format=ox.QueryResultsFormat.JSON), {"max_bytes": 10}),
        (
            lambda: (q.triple for q in ox.parse(_THREE_TRIPLES, format=ox.RdfFormat.N_TRIPLES)),
            {"max_results": 2},
        ),
    ],
    ids=["rows", "bytes", "triples"],
)
def test_a_refused_remote_answer_is_not_dropped_on_another_thread(monkeypatch, answer_of, caps):
    """A remote endpoint's answer is parsed into pyoxigraph objects that must be dropped on the thread that made
    them: the refusal raised in a worker thread, handled and let go on another (as the API does), leaves no
    "dropped on another thread" error behind."""
    import threading

    unraisable = []
    monkeypatch.setattr("sys.unraisablehook", unraisable.append)
    caught = []

    def in_worker():
        try:
            serialize_answer(answer_of(), fmt="json", **{"max_results": 100, "max_bytes": None, **caps})
        except ResultTooLarge as exc:
            caught.append(exc)

    worker = threading.Thread(target=in_worker)
    worker.start()
    worker.join()
    assert len(caught) == 1
    caught.clear()  # the refusal (and whatever its traceback holds) is let go here, on this thread
    assert unraisable == []


_THREE_ROWS = (
    b'{"head":{"vars":["x"]},"results":{"bindings":['
    b'{"x":{"type":"literal","value":"a"}},{"x":{"type":"literal","value":"b"}},'
    b'{"x":{"type":"literal","value":"c"}}]}}'
)
_THREE_TRIPLES = b"<urn:a> <urn:p> <urn:a> .\n<urn:b> <urn:p> <urn:b> .\n<urn:c> <urn:p> <urn:c> .\n"
