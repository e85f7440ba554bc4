"""The table of issue 13 (scale), filled from one benchmark run: every row beside its peer and its target.

bench.run tags the rows it measures with one of the labels below (Row.issue); print_targets prints them in the
issue's order, at every size measured, and says "not measured in this run" for a label no row carries.
Rows come from: the contribution checks (bench.measure.contribution_rows, helper 'incremental' speeds them up),
the cold build (bench.run, child process), the HTTP rows (bench.run.http_rows; the hot routes are helper
'hotpath's) and the 64-connection mixed load (bench.load_mixed; helper 'hotpath' adds its row here with
issue=MIXED_LOAD).
"""

from __future__ import annotations

from bench.measure import Row

CHECK = "check a contribution"
COLD_BUILD = "cold build, store included"
COLD_BUILD_MEMORY = "cold build, peak memory"
PARTIES_VARYING = "parties, a new as_of each time, no response cache"
SPARQL_UNCACHED = "/sparql mix, no response cache"
MIXED_LOAD = "64 connections, mixed REST and SPARQL, 60 s"

TARGETS = {
    CHECK: "<= 0.3 s curated, <= 1 s at 100k, <= 3 s at 1M",
    COLD_BUILD: "<= 5 s at 100k, <= 40 s at 1M",
    COLD_BUILD_MEMORY: "<= 2.5 GB at 1M",
    PARTIES_VARYING: ">= 1,000 req/s at 100k",
    SPARQL_UNCACHED: ">= 1x oxigraph serve at every size",
    MIXED_LOAD: "p99 <= 300 ms, 0 errors (make load)",
}


def print_targets(rows: list[Row]) -> None:
    """The issue's table: for each label, every row measured for it (any size, any peer)."""
    headers = ("issue 13 row", "size", "cybergov-kg", "peer", "ratio", "target")
    table = [headers]
    for label, target in TARGETS.items():
        tagged = [r for r in rows if r.issue == label]
        if not tagged:
            table.append((label, "-", "not measured in this run", "-", "-", target))
        for r in tagged:
            table.append((label, r.size, r.ours, r.peer, r.ratio, target))
    widths = [max(len(str(row[i])) for row in table) for i in range(len(headers))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table[1:]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)) + " |")


__all__ = [
    "CHECK",
    "COLD_BUILD",
    "COLD_BUILD_MEMORY",
    "MIXED_LOAD",
    "PARTIES_VARYING",
    "SPARQL_UNCACHED",
    "TARGETS",
    "print_targets",
]
