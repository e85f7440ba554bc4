"""The counts README.md gives under "What the graph holds" are the curated data's (issue 3: the README shows them)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _readme_number(pattern: str) -> int:
    match = re.search(pattern, README.replace("\n", " "))
    assert match, f"README no longer says {pattern!r}"
    return int(match.group(1).replace(",", ""))


def _count(select, cls: str) -> int:
    rows = select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}")
    return int(rows[0]["n"])


def test_participation_records(select):
    assert _readme_number(r"with ([\d,]+) participation records") == _count(select, "cgo:TreatyParticipation")


def test_states_and_memberships(select):
    assert _readme_number(r"([\d,]+) states \(the 193 UN") == _count(select, "cgo:State")
    assert _readme_number(r"([\d,]+) memberships,") == _count(select, "cgo:Membership")


def test_per_treaty_counts(select):
    for name, slug in (
        ("Budapest Convention", "budapest-convention"),
        ("its First Protocol", "budapest-first-protocol"),
        ("Second Protocol", "budapest-second-protocol"),
        ("Convention 108", "convention-108"),
        ("Convention 108\\+", "convention-108-plus"),
        ("UN Convention against Cybercrime", "un-cybercrime-convention"),
    ):
        rows = select(f"SELECT (COUNT(?p) AS ?n) WHERE {{ ?p cgo:instrument treaty:{slug} }}")
        assert _readme_number(name + r" ([\d,]+)[,)]") == int(rows[0]["n"]), slug


def test_reported_totals_and_curated_records(select):
    assert _readme_number(r"([\d,]+) reported totals:") == _count(select, "cgo:ReportedTotal")
    # a curated record is any resource with an evidence level (the shapes require one on each)
    rows = select("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x cgo:evidence ?e }")
    assert _readme_number(r"([\d,]+) curated records,") == int(rows[0]["n"])
    for level in ("depositary", "official", "secondary"):
        rows = select(
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE "
            f"{{ ?x cgo:evidence <https://w3id.org/cybergov/id/evidence/{level}> }}"
        )
        assert _readme_number(rf"([\d,]+) {level}[,;)]") == int(rows[0]["n"]), level
