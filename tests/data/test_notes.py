"""docs/notes/ is the record of the sources (issue 12): each area's record names every page its data cites, every
host the data cites has an evidence level, and every link to a note resolves."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

REPO = Path(__file__).resolve().parents[2]
NOTES = REPO / "docs" / "notes"
DATA = REPO / "data"
# files whose records are spread over several area records (see docs/notes/README.md)
SHARED = {"organizations/regional.ttl", "rules/entry-into-force.ttl", "coverage.ttl"}


def _index() -> dict[str, list[str]]:
    """data file -> the records the index names for it."""
    files: dict[str, list[str]] = {}
    for line in (NOTES / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| \[([a-z0-9-]+\.md)\]\([a-z0-9-]+\.md\) \| (.+) \|$", line)
        if match:
            for name in re.findall(r"`([^`]+\.ttl)`", match.group(2)):
                files.setdefault(name, []).append(match.group(1))
    return files


INDEX = _index()
DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.ttl"))


def _sources(name: str) -> set[str]:
    graph = Graph()
    graph.parse(DATA / name)
    return {str(o) for o in graph.objects(None, DCTERMS.source)}


def test_the_index_names_every_data_file():
    assert set(DATA_FILES) - SHARED <= set(INDEX), (
        "data files without a source record in docs/notes/README.md"
    )
    assert set(INDEX) <= set(DATA_FILES), "docs/notes/README.md names a data file that does not exist"


@pytest.mark.parametrize("name", sorted(set(DATA_FILES) - SHARED))
def test_the_record_lists_every_source_of_the_file(name: str):
    text = "".join((NOTES / record).read_text(encoding="utf-8") for record in INDEX[name])
    missing = sorted(u for u in _sources(name) if f"<{u}>" not in text)
    assert not missing, f"{name}: sources not in {INDEX[name]}: {missing[:5]}"


@pytest.mark.parametrize("name", sorted(SHARED & set(DATA_FILES)))
def test_a_shared_file_has_its_sources_in_some_record(name: str):
    text = "".join(p.read_text(encoding="utf-8") for p in NOTES.glob("*.md"))
    missing = sorted(u for u in _sources(name) if f"<{u}>" not in text)
    assert not missing, f"{name}: sources in no record: {missing[:5]}"


def test_every_host_the_data_cites_has_an_evidence_level():
    rows = (NOTES / "evidence-levels.md").read_text(encoding="utf-8").split("## The hosts", 1)[1]
    hosts = {m.group(1) for m in re.finditer(r"^\| ([^ |]+) \| [^|]+ \|", rows, flags=re.MULTILINE)} - {
        "host",
        "---",
    }
    unclassified = set()
    for name in DATA_FILES:
        for url in _sources(name):
            parsed = urlparse(url)
            place = parsed.hostname + parsed.path
            if not any(place == h or place.startswith(h + "/") for h in hosts):
                unclassified.add(parsed.hostname)
    assert not unclassified, f"hosts with no row in evidence-levels.md: {sorted(unclassified)}"


def test_links_to_notes_resolve():
    texts = {
        p: p.read_text(encoding="utf-8")
        for p in [
            *DATA.rglob("*.ttl"),
            *(REPO / "docs").rglob("*.md"),
            REPO / "README.md",
            *(REPO / "tests").rglob("*.py"),
        ]
    }
    broken = set()
    for path, text in texts.items():
        for target in re.findall(r"docs/notes/([A-Za-z0-9_-]+\.md)", text):
            if not (NOTES / target).is_file():
                broken.add(f"{path.relative_to(REPO)} -> docs/notes/{target}")
        if path.parent == NOTES or path.parent == REPO / "docs":
            for target in re.findall(r"\]\(((?:notes/)?[A-Za-z0-9_-]+\.md)\)", text):
                if not (path.parent / target).is_file():
                    broken.add(f"{path.relative_to(REPO)} -> {target}")
    assert not broken, sorted(broken)
