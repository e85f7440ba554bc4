"""Every curated Turtle file is in the canonical layout of `cybergov fmt` (issue 11: CI checks the format).

A contribution's diff then shows only its facts. The fix for a failure is the command in its message. Every file also
round-trips: formatting a formatted file changes nothing, and the graph is isomorphic before and after.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.curate.fmt import format_text

REPO = Path(__file__).resolve().parents[2]
DATA_FILES = sorted((REPO / "data").rglob("*.ttl"))


def test_data_folder_holds_only_turtle():
    others = [
        str(p.relative_to(REPO)) for p in (REPO / "data").rglob("*") if p.is_file() and p.suffix != ".ttl"
    ]
    assert others == [], f"data/ is the curated Turtle only (no generators, no generated files): {others}"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_data_file_is_canonical(path):
    rel = path.relative_to(REPO)
    text = path.read_text(encoding="utf-8")
    assert format_text(text, path=str(rel)) == text, (
        f"{rel} is not in the canonical Turtle layout; run: .venv/bin/cybergov fmt {rel}"
    )


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_data_file_round_trips(path):
    text = path.read_text(encoding="utf-8")
    once = format_text(text, path=str(path))
    assert format_text(once) == once, f"{path}: formatting a formatted file changed it"
    before, after = Graph().parse(data=text, format="turtle"), Graph().parse(data=once, format="turtle")
    assert isomorphic(before, after), f"{path}: formatting changed the graph"
