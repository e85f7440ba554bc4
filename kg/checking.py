"""Check data as a curator would: canonical data merged with contributions, reasoned, then validated."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.build import load_inputs
from kg.config import Settings
from kg.loading import SourceFile, load_file, merge
from kg.reasoning import closure
from kg.validation import ValidationReport, load_shapes, validate_graph


@dataclass
class CheckResult:
    """The validation report, the reasoner's contradictions, and what was read."""

    report: ValidationReport
    inconsistencies: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def conforms(self) -> bool:
        return self.report.conforms and not self.inconsistencies


def check_sources(settings: Settings, contributions: list[SourceFile]) -> CheckResult:
    """Validate the canonical data merged with already-parsed contributions (never writes anything)."""
    started = time.perf_counter()
    loaded = load_inputs(settings)
    ontology = merge(loaded.ontology)
    asserted = merge(loaded.data + contributions)
    reasoning = closure(asserted, ontology, reasoner=settings.reasoner)
    full = Graph()
    full += ontology
    full += asserted
    full += reasoning.inferred
    sources = contributions + loaded.data + loaded.ontology
    report = validate_graph(full, load_shapes(loaded.shapes), sources=sources)
    return CheckResult(
        report=report,
        inconsistencies=reasoning.problems,
        files=[s.name for s in sources],
        seconds=time.perf_counter() - started,
    )


def check_paths(settings: Settings, paths: list[Path]) -> CheckResult:
    """Parse contribution files (raises LoadError) and check them merged with the canonical data.

    Files that are already part of the canonical data are not counted twice.
    """
    canonical = {p.resolve() for p in settings.data_path.rglob("*")} if settings.data_path.exists() else set()
    contributions = [load_file(p, root=settings.root) for p in paths if p.resolve() not in canonical]
    return check_sources(settings, contributions)
