"""Checking a 94-triple contribution: incremental (against the cached closure) and full, per data size.

    python -m bench.checks [--sizes curated,10k,100k] [--runs 5]
    python -m bench.checks --sizes 1M          # the separate 1M command (minutes: generation and build)

What a validation worker does: the canonical inputs and the closure of the canonical build are
loaded once (the "worker start" row: parsing the data for file:line lookups, loading the cached
closure, building it first when the cache has none), then each check pays for the contribution
only. The full path (the whole closure derived again, what every check cost before) is measured
beside it up to --full-max. The one-shot CLI (`cybergov validate`, which loads everything each time)
is in bench.measure.contribution_rows. Prints a table; never asserts times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from bench import generate
from bench.measure import Row, contribution_file, ratio
from kg.build.pipeline import load_inputs
from kg.config import Settings
from kg.curate.checking import check_contribution
from kg.curate.closure_cache import load_closure
from kg.curate.contribution import read_paths

REPO = Path(__file__).resolve().parent.parent
WORKDIR = REPO / ".cache" / "bench"


def _settings(label: str, seed: int) -> tuple[str, Settings]:
    if label == "curated":
        return "curated data", Settings()
    out = WORKDIR / f"synthetic-{label.lower()}"
    count = generate.write(out, generate.parse_size(label), seed=seed)
    return f"{label} ({count:,})", Settings(data_dir=out / "data", cache_dir=out / "cache")


def check_rows(size: str, settings: Settings, contribution: Path, *, runs: int, with_full: bool) -> list[Row]:
    """Worker start, then the incremental check (median of runs) and, if asked, the full check once."""
    started = time.perf_counter()
    loaded = load_inputs(settings)
    _ = loaded.data_graph, loaded.ontology_graph, loaded.compiled_shapes
    closure = load_closure(settings)
    start_s = time.perf_counter() - started
    parsed = read_paths([contribution], root=settings.root)
    triples = sum(len(s.graph) for s in parsed.sources)

    def once(incremental: bool):
        result = check_contribution(
            settings,
            read_paths([contribution], root=settings.root),
            loaded=loaded,
            closure=closure,
            incremental=incremental,
        )
        if incremental and not result.incremental:
            raise RuntimeError("the benchmark contribution took the full path")
        return result

    once(True)  # warm-up
    samples, phases = [], []
    for _ in range(runs):
        result = once(True)
        samples.append(result.seconds)
        phases.append(result.timings)
    seconds = statistics.median(samples)
    median_phases = {
        k: statistics.median(p.get(k, 0.0) for p in phases) for k in ("reason", "shacl", "checks")
    }
    phase_text = ", ".join(f"{k} {v:.2f} s" for k, v in median_phases.items())
    rows = [
        Row("validation worker start (parse data, load cached closure)", size, f"{start_s:.1f} s"),
        Row(
            f"check a {triples}-triple contribution, incremental",
            size,
            f"{seconds:.2f} s ({phase_text})",
            target="<= 0.3 s curated, <= 1 s at 100k, <= 3 s at 1M",
            issue="check a contribution",  # the check POST /validate runs (a warm validation worker)
        ),
    ]
    if with_full:
        full = once(False)
        rows.append(
            Row(
                f"check a {triples}-triple contribution, full closure (before)",
                size,
                f"{full.seconds:.2f} s",
                f"incremental {seconds:.2f} s",
                ratio(full.seconds, seconds),
            )
        )
    return rows


def print_rows(rows: list[Row]) -> None:
    for r in rows:
        print(f"| {r.work} | {r.size} | {r.ours} | {r.peer} | {r.ratio} | {r.target} |")


def main() -> None:
    parser = argparse.ArgumentParser(description="contribution checks, incremental and full (prints a table)")
    parser.add_argument("--sizes", default="curated,10k,100k", help="comma-separated: curated, 10k, 100k, 1M")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--full-max",
        type=generate.parse_size,
        default=100_000,
        help="largest size the full check is measured at",
    )
    args = parser.parse_args()
    WORKDIR.mkdir(parents=True, exist_ok=True)
    contribution = contribution_file(WORKDIR / "contribution-check.ttl")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    print("| work | size | cybergov-kg | peer | ratio | target / note |")
    print("|---|---|---|---|---|---|")
    for label in args.sizes.split(","):
        label = label.strip()
        size, settings = _settings(label, args.seed)
        with_full = label == "curated" or generate.parse_size(label) <= args.full_max
        print_rows(check_rows(size, settings, contribution, runs=args.runs, with_full=with_full))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
