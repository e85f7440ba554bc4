"""Fixtures for the fact tests: the curated Turtle, parsed straight from data/ with rdflib.

These tests read the files as a curator wrote them (no reasoning), so that a fact test
fails when the curated record is wrong, whatever the pipeline does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def data_graph() -> Graph:
    """Every curated Turtle file under data/ plus the ontology, in one rdflib graph."""
    graph = Graph()
    graph.parse(REPO / "ontology" / "cybergov.ttl")
    for path in sorted((REPO / "data").rglob("*.ttl")):
        graph.parse(path)
    return graph


PREFIXES = """
PREFIX cgo: <https://w3id.org/cybergov/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX state: <https://w3id.org/cybergov/id/state/>
PREFIX orgn: <https://w3id.org/cybergov/id/organization/>
PREFIX treaty: <https://w3id.org/cybergov/id/treaty/>
PREFIX instr: <https://w3id.org/cybergov/id/instrument/>
PREFIX role: <https://w3id.org/cybergov/id/role/>
PREFIX consent: <https://w3id.org/cybergov/id/consent/>
"""


@pytest.fixture(scope="session")
def select(data_graph: Graph):
    """Run a SELECT over the curated data (PREFIXES above are prepended); returns rows as dicts of str."""

    def run(query: str) -> list[dict[str, str]]:
        result = data_graph.query(PREFIXES + query)
        return [
            {str(k): (str(v) if v is not None else None) for k, v in row.asdict().items()} for row in result
        ]

    return run


def date_interval(value: str) -> tuple[str, str]:
    """The first and last day (ISO strings) a date value stands for, from its lexical form.

    A day ("2009-04-01") stands for itself, a month ("1992-01", xsd:gYearMonth) for its first to last day, a year
    ("1949", xsd:gYear) for 1 January to 31 December: the precision is in the lexical form, as the shapes require.
    """
    import calendar

    if len(value) == 10:
        return value, value
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    raise ValueError(f"not a date value: {value!r}")


@pytest.fixture(scope="session")
def interval():
    """`date_interval` as a fixture, for tests that decide membership on a day from dates of any precision."""
    return date_interval
