"""SPARQL kept in .rq files with a comment header, loaded by name.

Header lines start with '#+ ' and hold 'key: value' pairs; a value continues on following
'#+   ' lines. Known keys: summary, description, params (comma-separated 'name: meaning').
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class NamedQuery:
    """One .rq file: its name (file stem), header fields and text."""

    name: str
    text: str
    summary: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)


def parse_header(text: str) -> dict[str, str]:
    """The '#+ key: value' header of a query file."""
    header: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        body = line[2:]
        if body.startswith("   ") and key:
            header[key] += " " + body.strip()
            continue
        if ":" in body:
            key, _, value = body.strip().partition(":")
            key = key.strip()
            header[key] = value.strip()
    return header


def _params(spec: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, meaning = part.partition(":")
        params[name.strip()] = meaning.strip()
    return params


def read_query(path: Path) -> NamedQuery:
    """Read one .rq file."""
    text = path.read_text(encoding="utf-8")
    header = parse_header(text)
    return NamedQuery(
        name=path.stem,
        text=text,
        summary=header.get("summary", ""),
        description=header.get("description", ""),
        params=_params(header.get("params", "")),
    )


@cache
def queries_in(folder: str) -> dict[str, NamedQuery]:
    """Every .rq file in a folder of the kg package ('queries', 'rules', 'consistency'), by name."""
    directory = PACKAGE_DIR / folder
    return {p.stem: read_query(p) for p in sorted(directory.glob("*.rq"))}


def get(name: str, folder: str = "queries") -> NamedQuery:
    """One named query.

    Raises:
        KeyError: no such query.
    """
    return queries_in(folder)[name]
