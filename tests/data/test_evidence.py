"""Evidence level on every curated record (issue 11, deliver 2): the levels in data/, and `cybergov stats`.

The classification of every source host is docs/notes/evidence-levels.md; these tests pin what it decides for a
few records of each kind and check that `cybergov stats` counts what the Turtle holds.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from typer.testing import CliRunner

from kg.cli import app

REPO = Path(__file__).resolve().parents[2]
CGO = "https://w3id.org/cybergov/ontology#"
ID = "https://w3id.org/cybergov/id/"
EVIDENCE = URIRef(CGO + "evidence")
LEVELS = {ID + "evidence/" + n: n for n in ("depositary", "official", "secondary")}


@pytest.fixture(scope="module")
def records(data_graph: Graph) -> dict[URIRef, list[str]]:
    """Every curated record (asserted type a subclass of cgo:CuratedRecord) and its evidence levels."""
    classes, frontier = set(), {URIRef(CGO + "CuratedRecord")}
    while frontier:
        c = frontier.pop()
        classes.add(c)
        frontier |= set(data_graph.subjects(RDFS.subClassOf, c)) - classes
    subjects = {
        s
        for c in classes
        for s in data_graph.subjects(RDF.type, c)
        if not str(s).startswith(ID + "evidence/")
    }
    return {s: [LEVELS.get(str(o), str(o)) for o in data_graph.objects(s, EVIDENCE)] for s in subjects}


def test_every_curated_record_has_exactly_one_known_level(records):
    wrong = {
        str(s): levels
        for s, levels in records.items()
        if len(levels) != 1 or levels[0] not in LEVELS.values()
    }
    assert len(records) > 1400
    assert wrong == {}


def test_every_secondary_record_says_why(records, data_graph):
    secondary = [s for s, levels in records.items() if levels == ["secondary"]]
    assert secondary, "the issue-11 migration left secondary records (copies, press); this test must see them"
    silent = [
        str(s) for s in secondary if not any(str(c).strip() for c in data_graph.objects(s, RDFS.comment))
    ]
    assert silent == []


@pytest.mark.parametrize(
    ("record", "level"),
    [
        # the depositary's own chart (CoE Treaty Office) and the UN's own list
        ("participation/budapest-convention/ALB", "depositary"),
        ("membership/un/FRA", "depositary"),
        ("state/FRA", "depositary"),
        # the UN Secretary-General as depositary (MTDSG) for the UN Convention
        ("participation/un-cybercrime-convention/DZA", "depositary"),
        # EUR-Lex is the EU's own publication of its acts
        ("instrument/nis2-directive", "depositary"),
        # a web-archive capture of nato.int counts as nato.int
        ("organization/nato", "depositary"),
        # another government's treaty database (the Netherlands) for a CoE treaty
        ("participation/budapest-second-protocol/ALB", "official"),
        # a member state's presidency site, not the SCO Secretariat
        ("membership/sco/IRN", "official"),
        # ccdcoe.org is the CCDCOE's own page, but not NATO's, OSCE's or the UN's
        ("norm/osce-2013-cbm-1", "official"),
        # third-party copies and press only
        ("participation/budapest-convention/GBR", "secondary"),
        ("membership/nato/SWE", "secondary"),
        ("treaty/cis-computer-information-agreement", "secondary"),
    ],
)
def test_level_of(records, record, level):
    assert records[URIRef(ID + record)] == [level]


def test_stats_counts_records_per_level(records):
    """`cybergov stats` prints the records per level; the numbers are those of the Turtle."""
    result = CliRunner().invoke(app, ["stats"], env={"CYBERGOV_ROOT": str(REPO)})
    assert result.exit_code == 0, result.output
    section = result.output.rsplit("\nevidence level", 1)[1].splitlines()[1:]  # the last section
    printed = {line.split()[0]: int(line.split()[-1]) for line in section if line.strip()}
    expected = Counter(levels[0] for levels in records.values())
    assert printed == dict(expected)
    assert set(printed) == {"depositary", "official", "secondary"}
