"""What a contribution adds and changes, compared with the canonical data.

- new resources: IRIs the contribution describes (as subject) that the canonical data does not,
  grouped by the classes the contribution gives them;
- new facts: the contribution's triples that the canonical data does not already hold;
- changed facts: a new fact whose property is functional (owl:FunctionalProperty in the
  ontology) on a subject that already has another value for it in the canonical data;
- records touched: resources of the canonical data that the contribution adds facts to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.build.loading import SourceFile
from kg.build.report import locate

MAX_LISTED_FACTS = 200


@dataclass
class Fact:
    """One triple of the contribution, with the file and line it was written on."""

    subject: str
    predicate: str
    object: str
    file: str | None = None
    line: int | None = None


@dataclass
class ChangedFact:
    """A functional property given a value that differs from the canonical one."""

    subject: str
    predicate: str
    old: str
    new: str
    file: str | None = None
    line: int | None = None


@dataclass
class ChangeSummary:
    """The contribution's effect on the canonical data."""

    new_resources: dict[str, list[str]] = field(default_factory=dict)
    new_facts: list[Fact] = field(default_factory=list)
    new_fact_count: int = 0
    known_fact_count: int = 0
    changed_facts: list[ChangedFact] = field(default_factory=list)
    records_touched: list[str] = field(default_factory=list)


def _term(node) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def summarize(
    contribution: Graph, canonical: Graph, ontology: Graph, *, sources: list[SourceFile]
) -> ChangeSummary:
    """Compare a contribution with the canonical data.

    Args:
        contribution: the contribution's triples.
        canonical: the canonical data's asserted triples.
        ontology: the ontology (which properties are functional).
        sources: the contribution's files (to give each fact a file and line).
    Returns:
        the summary; at most MAX_LISTED_FACTS new facts are listed (new_fact_count counts them all).
    """
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    summary = ChangeSummary()
    touched: set[str] = set()
    new_subjects = {
        s for s in set(contribution.subjects()) if isinstance(s, URIRef) and (s, None, None) not in canonical
    }
    for s, p, o in sorted(contribution, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        if (s, p, o) in canonical:
            summary.known_fact_count += 1
            continue
        summary.new_fact_count += 1
        file, line = locate(s, p, sources)
        if len(summary.new_facts) < MAX_LISTED_FACTS:
            summary.new_facts.append(Fact(_term(s), str(p), _term(o), file, line))
        if isinstance(s, URIRef) and s not in new_subjects:
            touched.add(str(s))
            if p in functional:
                for old in canonical.objects(s, p):
                    if old != o:
                        summary.changed_facts.append(
                            ChangedFact(str(s), str(p), _term(old), _term(o), file, line)
                        )
    for s in sorted(new_subjects):
        classes = sorted(str(c) for c in contribution.objects(s, RDF.type)) or ["(no class given)"]
        for cls in classes:
            summary.new_resources.setdefault(cls, []).append(str(s))
    summary.records_touched = sorted(touched)
    return summary
