"""`cybergov fmt` (kg/fmt.py): the canonical Turtle layout of the curated data (issue 11, deliver 1).

The layout is stable whatever the input order; a comment after the header is refused, never dropped. Every data
file's round trip is tested in tests/data/test_canonical.py.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.curate.fmt import CommentOutsideHeader, find_comment, format_text
from kg.errors import LoadError

runner = CliRunner()

MESSY = """# A header comment
# on two lines.

@prefix cgo:  <https://w3id.org/cybergov/ontology#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix p: <https://w3id.org/cybergov/id/participation/> .
p:budapest-convention\\/FRA cgo:asOf "2026-01-01"^^xsd:date ; dct:source <https://b.example/>, <https://a.example/> ;
    a cgo:TreatyParticipation ; rdfs:comment "say \\"why\\"\\nhere"@en ;
    cgo:dateBound [ cgo:notAfter "2015-12-03"^^xsd:date ; cgo:boundedProperty cgo:consentDate ] ,
                  [ cgo:notBefore "2001-11-23"^^xsd:date ; cgo:boundedProperty cgo:signatureDate ] ;
    cgo:participant <https://w3id.org/cybergov/id/state/FRA> .
<https://w3id.org/cybergov/id/treaty/budapest-convention> cgo:topicList ( "b" "a" ) ; cgo:count 75 .
"""


def test_layout_is_stable_whatever_the_input_order():
    once = format_text(MESSY)
    # the same triples written another way (statements reversed, objects swapped) give the same text
    graph = Graph().parse(data=MESSY, format="turtle")
    reordered = "\n".join(reversed(graph.serialize(format="nt").strip().splitlines())) + "\n"
    assert format_text("# A header comment\n# on two lines.\n" + reordered) == once
    assert isomorphic(graph, Graph().parse(data=once, format="turtle"))
    assert format_text(once) == once


def test_layout_details():
    once = format_text(MESSY)
    assert once.startswith("# A header comment\n# on two lines.\n\n@prefix cgo:")
    assert (
        "@prefix part: <https://w3id.org/cybergov/id/participation/> ." in once
    )  # the project's prefix, not p:
    assert "@prefix p:" not in once
    lines = once.splitlines()
    block = lines[lines.index("part:budapest-convention\\/FRA") :]
    assert block[1] == "    a cgo:TreatyParticipation ;"
    # provenance and comment last, in this order
    order = [
        next(i for i, line in enumerate(block) if line.strip().startswith(p))
        for p in ("cgo:dateBound", "cgo:participant", "dct:source", "cgo:asOf", "rdfs:comment")
    ]
    assert order == sorted(order)
    assert "    dct:source <https://a.example/> , <https://b.example/> ;" in block
    assert 'rdfs:comment "say \\"why\\"\\nhere"@en .' in once
    assert 'cgo:topicList ( "b" "a" )' in once  # a list keeps its order
    assert "cgo:count 75" in once
    # the entity comes before the reified record
    assert once.index("treaty:budapest-convention") < once.index("part:budapest-convention\\/FRA")


def test_comment_after_the_header_is_refused_with_its_line():
    text = MESSY.replace("cgo:participant", "# a note a curator wrote\n    cgo:participant")
    with pytest.raises(CommentOutsideHeader) as err:
        format_text(text, path="x.ttl")
    assert err.value.line == 13
    assert "x.ttl:13" in str(err.value) and "rdfs:comment" in str(err.value)


def test_hash_inside_iris_and_strings_is_not_a_comment():
    assert find_comment('<https://w3id.org/cybergov/ontology#x> "a # b" """c\n# d""" \'e#\' .') is None
    assert find_comment('<a:b> <a:c> "x" . # there') == (1, '<a:b> <a:c> "x" . # there')


def test_syntax_error_is_a_load_error():
    with pytest.raises(LoadError):
        format_text("@prefix a: <http://x/> .\na:b a:c\n")


def test_cli_check_names_the_file_and_the_command(tmp_path):
    messy = tmp_path / "messy.ttl"
    messy.write_text(MESSY)
    result = runner.invoke(app, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"not canonical: {messy}" in result.output
    assert f"cybergov fmt {messy}" in result.output
    assert messy.read_text() == MESSY  # --check changes nothing

    result = runner.invoke(app, ["fmt", str(messy)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["fmt", "--check", str(messy)]).exit_code == 0


def test_cli_refuses_a_file_it_would_lose_a_comment_from(tmp_path):
    path = tmp_path / "commented.ttl"
    text = MESSY.replace("cgo:participant", "# keep me\n    cgo:participant")
    path.write_text(text)
    result = runner.invoke(app, ["fmt", str(path)])
    assert result.exit_code == 2
    assert "keep me" in result.output
    assert path.read_text() == text
