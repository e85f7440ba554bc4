"""In-process measurements: load, reasoning, validation, a contribution check, query latency."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.sparql.sparql import NotBoundError

from kg import named_queries
from kg.config import Settings
from kg.namespaces import ID, sparql_prologue
from kg.querying import bind

REPO = Path(__file__).resolve().parent.parent
QUERY_DIR = Path(__file__).resolve().parent / "queries"


@dataclass
class Row:
    """One line of the table: a piece of work, ours, the peer, and what the ratio means."""

    work: str
    size: str
    ours: str
    peer: str = "-"
    ratio: str = "-"
    target: str = ""
    issue: str = ""  # the row of issue 13's table it measures (bench.issue13), if any


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - started


def median_seconds(fn, *, runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:,.1f}x" if fast > 0 else "-"


def query_mix() -> dict[str, str]:
    """The fixed query mix (kg/queries plus bench/queries), with parameters bound, full text with prefixes."""
    mix = {
        "participations(treaty)": bind(
            named_queries.get("participations").text, {"treaty": ox.NamedNode(str(ID["treaty/treaty-0"]))}
        ),
        "memberships(org)": bind(
            named_queries.get("memberships").text,
            {"organization": ox.NamedNode(str(ID["organization/org-0"]))},
        ),
        "states": named_queries.get("states").text,
        "class-counts": named_queries.get("class-counts").text,
        "party-count": (QUERY_DIR / "party-count.rq").read_text(),
    }
    return {name: sparql_prologue() + text for name, text in mix.items()}


def child(command: str, settings: Settings) -> dict:
    """Run bench.child in a fresh process; returns its JSON report plus the process's wall time."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", command, str(settings.data_path), str(settings.cache_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    report["wall"] = time.perf_counter() - started
    return report


def load_rows(size: str, turtle: Path, *, with_rdflib: bool = True) -> list[Row]:
    _, ox_s = timed(lambda: sum(1 for _ in ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)))
    if not with_rdflib:
        return [Row("load Turtle", size, f"pyoxigraph {ox_s:.2f} s", "rdflib left out (--rdflib-max)")]
    _, rdflib_s = timed(lambda: Graph().parse(turtle, format="turtle"))
    return [
        Row(
            "load Turtle", size, f"pyoxigraph {ox_s:.2f} s", f"rdflib {rdflib_s:.2f} s", ratio(rdflib_s, ox_s)
        )
    ]


def reasoning_rows(
    size: str, asserted: Graph, ontology: Graph, *, with_owlrl: bool
) -> tuple[list[Row], Graph]:
    from kg.build.reasoning import closure_fast
    from tests.oracles import closure_owlrl

    fast, fast_s = timed(closure_fast, asserted, ontology)  # from and to rdflib graphs, conversions included
    if not with_owlrl:
        return [
            Row(
                "OWL 2 RL closure (rdflib graphs in and out)",
                size,
                f"fast {fast_s:.2f} s",
                "owlrl skipped (too slow)",
            )
        ], fast.inferred
    reference, owlrl_s = timed(closure_owlrl, asserted, ontology)
    same = set(fast.inferred) == set(reference.inferred)
    return [
        Row(
            "OWL 2 RL closure (rdflib graphs in and out)",
            size,
            f"fast {fast_s:.2f} s",
            f"owlrl {owlrl_s:.1f} s",
            ratio(owlrl_s, fast_s),
            "same entailments" if same else "DIFFERENT entailments",
        )
    ], fast.inferred


def validation_rows(size: str, full: Graph, shapes: Graph, *, with_pyshacl: bool) -> list[Row]:
    from kg.build.report import validate_graph
    from kg.build.validation import validate_fast

    fast, fast_s = timed(validate_fast, full, shapes)
    if not with_pyshacl:
        return [
            Row("SHACL, full (rdflib graph in)", size, f"fast {fast_s:.2f} s", "pyshacl skipped (too slow)")
        ]
    reference, ref_s = timed(validate_graph, full, shapes)
    same = sorted((p.focus, p.path, p.severity) for p in fast.problems) == sorted(
        (p.focus, p.path, p.severity) for p in reference.problems
    )
    return [
        Row(
            "SHACL, full (rdflib graph in)",
            size,
            f"fast {fast_s:.2f} s",
            f"pyshacl {ref_s:.1f} s",
            ratio(ref_s, fast_s),
            "same results" if same else "DIFFERENT results",
        )
    ]


def contribution_file(target: Path) -> Path:
    """About 100 triples: a new treaty with eleven participation records."""
    lines = [
        "@prefix cgo: <https://w3id.org/cybergov/ontology#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix treaty: <https://w3id.org/cybergov/id/treaty/> .",
        "@prefix part: <https://w3id.org/cybergov/id/participation/> .",
        "@prefix consent: <https://w3id.org/cybergov/id/consent/> .",
        (
            'treaty:bench-contribution a cgo:Treaty ; dct:identifier "bench-contribution" ; '
            'rdfs:label "Benchmark contribution"@en ; cgo:openingForSignatureDate "2001-11-23"^^xsd:date ; '
            'dct:source <https://example.org/contribution> ; cgo:asOf "2026-01-01"^^xsd:date .'
        ),
    ]
    for code in ("FRA", "DEU", "ITA", "ESP", "NLD", "BEL", "POL", "SWE", "FIN", "EST", "LVA"):
        lines.append(
            f"part:bench-contribution\\/{code} a cgo:TreatyParticipation ; "
            f"cgo:participant <https://w3id.org/cybergov/id/state/{code}> ; "
            f'cgo:instrument treaty:bench-contribution ; cgo:signatureDate "2002-01-01"^^xsd:date ; '
            f'cgo:consentKind consent:ratification ; cgo:consentDate "2004-01-01"^^xsd:date ; '
            f'dct:source <https://example.org/contribution> ; cgo:asOf "2026-01-01"^^xsd:date .'
        )
    target.write_text("\n".join(lines) + "\n")
    return target


def contribution_rows(
    size: str, settings: Settings, contribution: Path, *, target: str = "<= 2 s"
) -> list[Row]:
    from kg.curate.checking import check_paths

    triples = len(Graph().parse(contribution, format="turtle"))
    _, seconds = timed(check_paths, settings, [contribution])
    return [
        Row(
            f"check a {triples}-triple contribution",
            size,
            f"{seconds:.2f} s",
            target=target,
        )
    ]


def query_rows(size: str, store, union: Graph | None, *, rdflib_runs: int) -> list[Row]:
    """The query mix in process, with rdflib over the same union as the peer (union None: ours only)."""
    rows = []
    engine = getattr(store, "inner", store)  # the engine itself, not the per-version memo (kg.store.cached)
    for name, text in query_mix().items():
        ours = median_seconds(lambda text=text: engine.select(text), runs=20)
        if union is None:
            rows.append(
                Row(f"query {name}, in process", size, f"pyoxigraph {ours * 1e3:.2f} ms", "rdflib left out")
            )
            continue
        try:
            theirs = median_seconds(lambda text=text: list(union.query(text)), runs=rdflib_runs, warmup=0)
        except NotBoundError as exc:  # rdflib's evaluator fails on some aggregates over unbound values
            rows.append(
                Row(
                    f"query {name}, in process",
                    size,
                    f"pyoxigraph {ours * 1e3:.2f} ms",
                    f"rdflib fails: {exc}",
                )
            )
            continue
        rows.append(
            Row(
                f"query {name}, in process",
                size,
                f"pyoxigraph {ours * 1e3:.2f} ms",
                f"rdflib {theirs * 1e3:.1f} ms",
                ratio(theirs, ours),
            )
        )
    return rows
