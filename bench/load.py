"""A bounded HTTP load generator on 127.0.0.1: wrk (Debian's) with a Lua script cycling through paths.

Each run lasts `duration` seconds with `connections` open connections; nothing else is sent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


@dataclass
class LoadResult:
    """Throughput and latency of one run (latencies in milliseconds)."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int

    def __str__(self) -> str:
        return (
            f"{self.requests_per_second:,.0f} req/s (p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms)"
            + (f", {self.errors} errors" if self.errors else "")
        )


def _lua(paths: list[str], accept: str) -> str:
    quoted = ",\n".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    return f"""local paths = {{
{quoted}
}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {{["Accept"] = "{accept}"}})
end
"""


def _ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def _percentile(out: str, pct: str) -> float:
    """A latency percentile of wrk's "Latency Distribution" (a line "  50%  8.12ms"; the Thread Stats table's
    "+/- Stdev" column, such as "87.50%", is not one: it was once read as the p50 and gave nan)."""
    match = re.search(r"^\s*" + pct + r"%\s+(\S+)", out, re.MULTILINE)
    return _ms(match.group(1)) if match else float("nan")


def run_wrk(
    base: str,
    paths: list[str],
    *,
    accept: str = "application/json",
    duration: float = 5.0,
    connections: int = 16,
    threads: int = 1,
) -> LoadResult:
    """Load base + paths (cycled) with wrk and parse its report.

    Raises:
        RuntimeError: wrk is not installed (`make bench` installs Debian's) or failed.
    """
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk not found: `apt-get install wrk` (the Makefile bench target does it)")
    if urlsplit(base).hostname not in ("127.0.0.1", "localhost"):
        raise RuntimeError("the load generator only targets 127.0.0.1")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(paths, accept))
    try:
        done = subprocess.run(
            [
                wrk,
                "-t",
                str(threads),
                "-c",
                str(connections),
                "-d",
                f"{duration:g}s",
                "--timeout",
                "30s",
                "--latency",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(script.name).unlink()
    out = done.stdout
    requests = re.search(r"(\d+) requests in", out)
    if requests is None:
        raise RuntimeError(f"cannot read wrk's report:\n{out}\n{done.stderr}")
    total = int(requests.group(1))
    p50, p99 = _percentile(out, "50"), _percentile(out, "99")
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(x) for x in socket_errors.groups())
    # throughput of successful answers only: a server that fails fast must not look fast
    return LoadResult(max(0, total - errors) / duration, p50, p99, errors)
