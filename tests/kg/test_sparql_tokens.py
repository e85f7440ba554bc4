"""kg.sparql_tokens: SPARQL text as tokens, for editing trusted queries without reading keywords in strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.sparql_tokens import dollar_variables, first_keyword, replaced, tokens, where_group_start


@given(st.text(alphabet=st.sampled_from(list("SELECT WHERE{}?$x<>\"'#\n\\.:a1 é")), max_size=80))
def test_the_tokens_cover_the_text_in_order(text):
    found = list(tokens(text))
    assert "".join(t.text for t in found) == text
    assert all(a.end == b.start for a, b in zip(found, found[1:], strict=False))


def test_each_kind_is_read_as_sparql_reads_it():
    text = (
        'PREFIX ex: <https://example.org/a#b> SELECT ?x WHERE { ?x ex:p "WHERE {" . FILTER(?x < 3) } # $this'
    )
    kinds = [(t.kind, t.text) for t in tokens(text) if t.kind != "space"]
    assert ("iri", "<https://example.org/a#b>") in kinds
    assert ("string", '"WHERE {"') in kinds
    assert ("punct", "<") in kinds  # an operator, not the start of an IRI
    assert ("comment", "# $this") in kinds
    assert ("variable", "?x") in kinds and ("word", "ex:p") in kinds


def test_where_group_start_skips_comments_strings_and_names():
    text = "# WHERE { here }\nSELECT ?where ('''WHERE {''' AS ?s) WHERE\n# { not this\n{ ?where ?p ?o }"
    start = where_group_start(text)
    assert text[start:].startswith(" ?where ?p ?o }")
    with pytest.raises(QueryError):
        where_group_start("ASK { ?s ?p 'WHERE {' }")


def test_first_keyword_passes_the_prologue():
    text = "# CONSTRUCT rules\nBASE <https://example.org/> PREFIX construct: <x#> CONSTRUCT { ?s ?p ?o } WHERE {}"
    keyword = first_keyword(text)
    assert keyword is not None and keyword.text == "CONSTRUCT"
    assert replaced(text, [(keyword, "INSERT")]).endswith("INSERT { ?s ?p ?o } WHERE {}")
    assert first_keyword("PREFIX a: <x#>") is None


def test_dollar_variables_are_the_variables_only():
    text = 'SELECT $this WHERE { $this ?p "$that" . <https://example.org/$x> ?q $this } # $other'
    assert [t.text for t in dollar_variables(text)] == ["$this", "$this", "$this"]
    rewritten = replaced(text, [(t, "?this") for t in dollar_variables(text)])
    assert rewritten.count("?this") == 3 and '"$that"' in rewritten and "# $other" in rewritten
