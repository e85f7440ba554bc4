"""The example queries the SPARQL page offers: the people's examples (kg/examples/*.rq) and the named queries
the REST answers run (kg/queries/*.rq), each with the project's prefixes it does not declare itself
prepended, so that a reader can edit it with every prefix at hand."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib.plugins.sparql.parser import parseQuery

from kg import named_queries
from kg.namespaces import PREFIXES

FIRST = "consents-by-date"


@dataclass(frozen=True)
class Example:
    name: str
    group: str  # "Examples" or "Queries behind the REST answers"
    folder: str  # the kg folder named_queries reads it from ("examples" or "queries")
    summary: str
    params: dict[str, str]


def declared_prefixes(text: str) -> set[str]:
    """The prefixes a query's prologue declares (from a parse of the query)."""
    return {str(decl["prefix"] or "") for decl in parseQuery(text)[0] if decl.name == "PrefixDecl"}


def with_prefixes(text: str) -> str:
    """The query with a PREFIX line for each project prefix (kg.namespaces.PREFIXES) it lacks, after the
    file's leading comment lines (its header) and before the rest."""
    declared = declared_prefixes(text)
    missing = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    lines = text.splitlines(keepends=True)
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    return "".join(lines[:header]) + missing + "".join(lines[header:])


@cache
def examples() -> tuple[Example, ...]:
    """Every example (without its text), the people's first (FIRST leading), then the named queries."""
    found = []
    for folder, group in (("examples", "Examples"), ("queries", "Queries behind the REST answers")):
        for query in named_queries.queries_in(folder).values():
            found.append(Example(query.name, group, folder, query.summary, query.params))
    return tuple(sorted(found, key=lambda e: (e.group != "Examples", e.name != FIRST)))


def path(example: Example) -> str:
    """Where the example's file is in the repository."""
    return f"kg/{example.folder}/{example.name}.rq"


def example(name: str | None) -> Example:
    """The example of that name; the first one for None or an unknown name."""
    return next((e for e in examples() if e.name == name), examples()[0])


@cache
def editor_text(name: str) -> str:
    """What the editor shows for an example: the file with the missing prefixes (parsed once, on first use)."""
    chosen = example(name)
    return with_prefixes(named_queries.get(chosen.name, chosen.folder).text)
