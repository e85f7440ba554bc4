"""A problem's record is found by looking up the words lines start with (kg.build.report._subject_line).

The first line of a record about an IRI is the first line that starts (after spaces) with one of the IRI's
forms, <iri> or a prefixed name, followed by a space, ';', ',' or the line's end. Scanning every line with a
regular expression for each problem cost about 1 ms per problem at 100k synthetic triples (issue 13); the
lookup in SourceFile.first_words must find the same line. The scan is kept here as the reference.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from kg.build.loading import SourceFile, load_folder
from kg.build.report import _prefix_lines, _subject_line

REPO = Path(__file__).resolve().parents[2]
NS = "urn:x:"


def reference_line(text: str, iri: str) -> int | None:
    """The line as the scan found it before (kg.build.report at 0a06dec)."""
    forms = ["<" + re.escape(iri) + ">"]
    for prefix, namespace in _prefix_lines(text):
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            forms.append(re.escape(prefix + ":" + local.replace("/", "\\/")))
            forms.append(re.escape(prefix + ":" + local))
    pattern = re.compile(r"^\s*(?:" + "|".join(forms) + r")(?=[\s;,]|$)")
    return next((n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)), None)


def source(text: str) -> SourceFile:
    return SourceFile(name="t.ttl", graph_iri="urn:g", text=text, graph=Graph())


LOCALS = ["a", "a/b", "a,b", "a;b", "ab", "b"]
WORDS = st.sampled_from(
    [f"<{NS}{local}>" for local in LOCALS]
    + [f"x:{local}" for local in LOCALS]
    + ["x:a\\/b", "y:a", "<urn:y:a>", "", "p", '"o"', "."]
)
GAPS = st.sampled_from(["", " ", "  ", "\t", "\u00a0", ";", ",", " ;", " ."])
LINES = st.lists(st.tuples(GAPS, WORDS, GAPS, WORDS), max_size=8).map(
    lambda parts: [lead.lstrip(";,.") + a + gap + b for lead, a, gap, b in parts]
)


@settings(max_examples=300, deadline=None)
@given(lines=LINES, local=st.sampled_from(LOCALS), declared=st.booleans())
def test_the_lookup_finds_the_line_the_scan_finds(lines, local, declared):
    header = [f"@prefix x: <{NS}> ."] if declared else []
    text = "\n".join(header + lines)
    assert _subject_line(source(text), NS + local) == reference_line(text, NS + local)


def test_the_lookup_finds_every_record_of_the_curated_data():
    files = load_folder(REPO / "data", root=REPO)
    checked = 0
    for file in files:
        subjects = {str(s) for s in file.graph.subjects() if isinstance(s, URIRef)}
        for iri in sorted(subjects):
            assert _subject_line(file, iri) == reference_line(file.text, iri), (file.name, iri)
            checked += 1
    assert checked > 100
