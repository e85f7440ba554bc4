"""kg.store.sparql_parse and kg.store.sparql_policy on their own: the parse tree, the allow-list, the repaired grammar."""

from __future__ import annotations

import pytest

from kg.errors import QueryError, QueryRefused
from kg.store.sparql_parse import ParsedQuery, ParsedUpdate, parse
from kg.store.sparql_policy import check_query

ALLOW = ["allowed.example"]


@pytest.mark.parametrize(
    "query, form",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "select"),
        ("ask {}", "ask"),
        ("PREFIX select: <http://x/> CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
        ("PREFIX construct: <http://x/> SELECT * WHERE { ?s construct:p ?o }", "select"),
        ("DESCRIBE <http://x>", "describe"),
        ('SELECT ("CONSTRUCT" AS ?x) WHERE {} # DESCRIBE', "select"),
    ],
)
def test_form_from_the_parse(query, form):
    assert parse(query).form == form


@pytest.mark.parametrize(
    "query, names",
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", True),
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
        ("SELECT * FROM NAMED <urn:g> WHERE { ?s ?p ?o }", True),
        ("select * where { { select * where { graph ?g { ?s ?p ?o } } } }", True),
        ('SELECT * WHERE { ?s ?p "GRAPH" } # FROM here', False),
        ("SELECT * WHERE { ?s <urn:FROM> ?o }", False),
    ],
)
def test_named_graph_use_from_the_parse(query, names):
    assert parse(query).names_graphs is names


def test_update_operations_are_named():
    parsed = parse("PREFIX a: <http://a/> LOAD <http://x> ; INSERT DATA { <http://a> <http://b> <http://c> }")
    assert isinstance(parsed, ParsedUpdate)
    assert parsed.operations == ("LOAD", "INSERT DATA")


def test_a_prologue_alone_is_a_syntax_error():
    with pytest.raises(QueryError):
        parse("PREFIX a: <http://a/>")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://allowed.example/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE <HTTPS://Allowed.Example:8443/sparql> { ?s ?p ?o } }",
        "PREFIX e: <http://allowed.example/> SELECT * WHERE { SERVICE e:sparql { ?s ?p ?o } }",
        # rdflib's own grammar failed here (an IRI with # before SERVICE on the same line)
        (
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT * WHERE { ?s rdfs:label ?l "
            "SERVICE <http://allowed.example/> { ?s ?p ?o } }"
        ),
    ],
)
def test_allow_listed_service_passes(query):
    assert isinstance(check_query(query, allowlist=ALLOW), ParsedQuery)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://allowed.example.evil.test/> { } }",
        "SELECT * WHERE { SERVICE <http://allowed.example@127.0.0.1/> { } }",
        "PREFIX e: <http://allowed.example> SELECT * WHERE { SERVICE e:\\@127.0.0.1 { } }",
        "BASE <http://allowed.example/> SELECT * WHERE { SERVICE <//127.0.0.1/> { } }",
        "BASE <http://allowed.example/> SELECT * WHERE { SERVICE <x> { } }",
        "PREFIX e: <x/> SELECT * WHERE { SERVICE e:y { } }",
        "SELECT * WHERE { SERVICE undeclared:x { } }",
        "SELECT * WHERE { SERVICE ?e { } }",
        "SELECT * WHERE { SERVICE <ftp://allowed.example/> { } }",
    ],
)
def test_service_off_the_allow_list_or_not_absolute_is_refused(query):
    with pytest.raises(QueryRefused):
        check_query(query, allowlist=ALLOW)


def test_long_triple_block_parses():
    """rdflib's grammar reads `a . b . c ...` recursively (about 100 patterns); the repaired copy loops."""
    query = "SELECT * WHERE {\n" + "".join(f"?s{i} <urn:p> ?o{i} .\n" for i in range(2000)) + "}"
    assert parse(query).form == "select"


def test_deep_nesting_is_a_query_error():
    with pytest.raises(QueryError, match="nests too deeply"):
        parse("SELECT * WHERE " + "{" * 5000 + "}" * 5000)


@pytest.mark.parametrize(
    "escape", ["\\u0022", "\\u003E", "\\u0023", "\\u005C", "\\u000A", "\\U00000022", "\\u000D"]
)
def test_escapes_of_syntax_characters_are_refused(escape):
    with pytest.raises(QueryError, match="write the character itself"):
        parse(f'SELECT ("a{escape}b" AS ?x) WHERE {{}}')


def test_rdflib_grammar_is_left_untouched():
    """The repairs live in a private copy (STYLE: never mutate a library's state)."""
    from rdflib.plugins.sparql.parser import ServiceGraphPattern, TriplesBlock
    from rdflib.plugins.sparql.parserutils import Comp

    from kg.store.sparql_grammar import grammar

    grammar()
    assert type(ServiceGraphPattern) is Comp
    assert TriplesBlock.expr is not grammar()[0]  # rdflib's Forward still holds its own (recursive) rule


# Issue 13: a text that only adds comment lines at its end (a client numbering its requests) reuses the reading
# of the text without them, where both readings are sure those lines are comments; the answer is always the
# whole text's own reading (same parse, same refusal, same error and position).
_NUMBERED = [
    "SELECT * WHERE { ?s ?p ?o }",
    "PREFIX e: <http://allowed.example/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }",
    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } # a comment of its own",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "SELECT * WHERE {",
    'SELECT * WHERE { ?s ?p """ } . ?s ?p " }',
    "SELECT * WHERE { ?s ?p 'a' }",
]
_ENDINGS = [
    "\n# request 7\n",
    "\n# request 7",
    "\n  \t# one\n# two\n",
    '\n# """ } SERVICE <http://evil.example/> { ?a ?b ?c }\n',
    "\n# x\rSERVICE <http://evil.example/> { ?a ?b ?c }\n",
    "\n# \\u0023\n",
    "\n#\n",
]


def _reading(read, text: str):
    try:
        return read(text)
    except (QueryError, QueryRefused) as exc:
        return type(exc).__name__, str(exc), getattr(exc, "line", None), getattr(exc, "column", None)


@pytest.mark.parametrize("query", _NUMBERED)
@pytest.mark.parametrize("ending", _ENDINGS)
def test_trailing_comment_lines_never_change_the_reading(query, ending):
    from kg.store import sparql_parse

    text = query + ending
    _reading(parse, query)  # the shorter text is known first, as with a client numbering its requests
    assert _reading(parse, text) == _reading(sparql_parse._parse, text)  # so the policy's verdict is the same


def test_a_numbered_request_is_not_parsed_again(monkeypatch):
    from kg.store import sparql_parse

    query = "SELECT ?s WHERE { ?s a <http://example.org/Numbered> }"
    first = parse(query)

    def refuse(text):
        raise AssertionError(f"parsed again: {text!r}")

    monkeypatch.setattr(sparql_parse, "_parse", refuse)
    assert parse(query + "\n# request 1\n") == first
    assert parse(query + "\n# request 2\n# and more\n") == first
    with pytest.raises(AssertionError):  # a long-string quote before the comment: read whole
        parse(query.replace("Numbered>", "Numbered> . ?s ?p '''x'''") + "\n# request 3\n")
