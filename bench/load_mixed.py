"""A mixed REST + SPARQL load on 127.0.0.1 (issue 10): many connections, a fixed time, every answer counted.

    python -m bench.load_mixed [--connections 64] [--seconds 60] [--port N] [--base URL] [--driver wrk|python]

Starts this project's API (uvicorn, as `cybergov serve` runs it) over the repository's data on
127.0.0.1, unless --base names a server already running there. The mix is built from what the
server holds: REST lists and details, a treaty's parties and an organization's members on a date
that changes with every request (so most answers are computed, not served from the response
cache), state profiles, CSV and JSON-LD, resource IRIs as Turtle, and SPARQL by GET and by POST
(form and application/sparql-query): the named queries of kg/queries and bench/queries, each made
distinct by a comment. Every request in the mix is one the server must answer with 2xx; anything
else is an error. It prints requests, errors, requests per second and p50/p99 latency; it never
asserts a time (tests/server/test_load_smoke.py runs a short version and checks only for errors
and stuck requests).

Two drivers send the same mix: wrk (Debian's; a C client, so a 2-core machine measures the server
and not the client) and a Python one (threads with http.client; no system package, used by the
smoke test and as the fallback when wrk is missing).
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import httpx
import pyoxigraph as ox

from kg import named_queries
from kg.querying import bind

QUERY_DIR = Path(__file__).resolve().parent / "queries"
SPARQL_JSON = "application/sparql-results+json"
FIRST_DAY = date(1990, 1, 1)
DAYS = 13_000  # as_of dates cycle through 1990-01-01 .. 2025-08 (more dates than a minute of load sends)


@dataclass(frozen=True)
class Template:
    """One kind of request. `{date}` (an ISO date) and `{n}` (the request's number) are filled per request."""

    name: str
    method: str
    path: str
    accept: str = "application/json"
    content_type: str | None = None
    body: str | None = None

    def render(self, n: int) -> tuple[str, str, dict[str, str], bytes | None]:
        """(method, path, headers, body) of request number n."""
        day = (FIRST_DAY + timedelta(days=n % DAYS)).isoformat()
        path = self.path.replace("{date}", day).replace("{n}", str(n))
        headers = {"Accept": self.accept}
        body = None
        if self.body is not None:
            body = self.body.replace("{date}", day).replace("{n}", str(n)).encode()
            headers["Content-Type"] = self.content_type or "application/octet-stream"
        return self.method, path, headers, body


def _rq(name: str) -> str:
    return (QUERY_DIR / f"{name}.rq").read_text()


def _distinct(query: str) -> str:
    """The query with a comment numbering the request, so each one is computed (not a cached answer)."""
    return query.rstrip() + "\n# request {n}\n"


def _get_sparql(name: str, query: str) -> Template:
    # quote() leaves the braces of {n} encoded: put the placeholder back after quoting
    encoded = quote(_distinct(query), safe="").replace("%7Bn%7D", "{n}")
    return Template(name, "GET", "/sparql?query=" + encoded, SPARQL_JSON)


def build_mix(base: str) -> list[Template]:
    """The request mix for the server at base, from the treaties, organizations and states it serves.

    Raises:
        RuntimeError: the server holds no treaty, organization or state to ask about.
    """
    with httpx.Client(base_url=base, timeout=30) as client:

        def items(path: str) -> list[dict]:
            return client.get(path, params={"limit": 5000}).raise_for_status().json()["items"]

        treaties, organizations, states = items("/treaties"), items("/organizations"), items("/states")
    if not (treaties and organizations and states):
        raise RuntimeError(f"{base} serves no treaty, organization or state to load")
    treaty, organization, state = treaties[0], organizations[0], states[0]
    parties = bind(named_queries.get("participations").text, {"treaty": ox.NamedNode(treaty["iri"])})
    members = bind(named_queries.get("memberships").text, {"organization": ox.NamedNode(organization["iri"])})
    kind_and_slug = state["iri"].split("/id/", 1)[1]
    mix = [
        # REST
        Template("treaties", "GET", "/treaties"),
        Template("treaty", "GET", f"/treaties/{treaty['id']}"),
        Template("parties on a date", "GET", f"/treaties/{treaty['id']}/parties?as_of={{date}}&status=all"),
        Template(
            "parties on a date, CSV", "GET", f"/treaties/{treaty['id']}/parties?as_of={{date}}", "text/csv"
        ),
        Template("members on a date", "GET", f"/organizations/{organization['id']}/members?as_of={{date}}"),
        Template("organizations", "GET", "/organizations?q=" + quote(organization["label"][:3])),
        Template("state profile on a date", "GET", f"/states/{state['id']}?as_of={{date}}"),
        Template(
            "state treaties, JSON-LD",
            "GET",
            f"/states/{state['id']}/treaties?as_of={{date}}&status=all",
            "application/ld+json",
        ),
        Template("resource IRI, Turtle", "GET", f"/id/{kind_and_slug}", "text/turtle"),
        Template("instruments", "GET", "/instruments?kind=treaty"),
        # SPARQL
        _get_sparql("SPARQL GET participations", parties),
        _get_sparql("SPARQL GET class counts", named_queries.get("class-counts").text),
        _get_sparql("SPARQL GET party count", _rq("party-count")),
        Template(
            "SPARQL POST form memberships",
            "POST",
            "/sparql",
            SPARQL_JSON,
            "application/x-www-form-urlencoded",
            urlencode({"query": _distinct(members)}).replace("%7Bn%7D", "{n}"),
        ),
        Template(
            "SPARQL POST query states",
            "POST",
            "/sparql",
            SPARQL_JSON,
            "application/sparql-query",
            _distinct(named_queries.get("states").text),
        ),
    ]
    return mix


@dataclass
class LoadReport:
    """What one run did. Latencies in milliseconds; `stuck` counts requests over the per-request timeout."""

    driver: str
    connections: int
    seconds: float
    requests: int
    statuses: dict[int, int]
    socket_errors: int
    stuck: int
    p50_ms: float
    p99_ms: float
    unfinished_connections: int = 0
    examples: list[str] = field(default_factory=list)  # a few failing requests, for the reader

    @property
    def errors(self) -> int:
        """Answers outside 2xx, plus connections that failed or timed out."""
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300) + self.socket_errors

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def table(self) -> str:
        rows = [
            ("driver", self.driver),
            ("connections", str(self.connections)),
            ("duration", f"{self.seconds:.1f} s"),
            ("requests", f"{self.requests:,}"),
            ("errors", f"{self.errors:,}"),
            ("stuck (over the request timeout)", str(self.stuck)),
            ("requests per second", f"{self.per_second:,.0f}"),
            ("latency p50", f"{self.p50_ms:.1f} ms"),
            ("latency p99", f"{self.p99_ms:.1f} ms"),
            ("statuses", ", ".join(f"{s}: {n:,}" for s, n in sorted(self.statuses.items()))),
        ]
        width = max(len(r[0]) for r in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(pct / 100 * (len(sorted_values) - 1))))]


def run_python(
    base: str,
    mix: list[Template],
    *,
    connections: int,
    seconds: float,
    max_requests: int | None = None,
    request_timeout: float = 30.0,
) -> LoadReport:
    """The mix from `connections` threads, each on one keep-alive connection, for `seconds` (or max_requests).

    A request that gets no answer within request_timeout counts as stuck (and as a socket error).
    """
    url = urlsplit(base)
    if url.hostname not in ("127.0.0.1", "localhost"):
        raise RuntimeError("the load generator only targets 127.0.0.1")
    lock = threading.Lock()
    counter = iter(range(max_requests if max_requests is not None else 10**12))
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    failures = {"socket": 0, "stuck": 0}
    examples: list[str] = []
    deadline = time.monotonic() + seconds

    def next_number() -> int | None:
        with lock:
            return next(counter, None)

    def worker() -> None:
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=request_timeout)
        try:
            while time.monotonic() < deadline and (n := next_number()) is not None:
                template = mix[n % len(mix)]
                method, path, headers, body = template.render(n)
                started = time.perf_counter()
                try:
                    connection.request(method, path, body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as exc:
                    connection.close()
                    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=request_timeout)
                    with lock:
                        failures["socket"] += 1
                        failures["stuck"] += isinstance(exc, TimeoutError)
                        if len(examples) < 5:
                            examples.append(f"{template.name}: {type(exc).__name__}")
                    continue
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                    latencies.append(elapsed)
                    if not 200 <= response.status < 300 and len(examples) < 5:
                        examples.append(f"{template.name}: {response.status} {method} {path[:120]}")
        finally:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + request_timeout + 5)
    elapsed = time.monotonic() - started
    latencies.sort()
    return LoadReport(
        "python",
        connections,
        elapsed,
        sum(statuses.values()) + failures["socket"],
        statuses,
        failures["socket"],
        failures["stuck"],
        _percentile(latencies, 50),
        _percentile(latencies, 99),
        unfinished_connections=sum(t.is_alive() for t in threads),
        examples=examples,
    )


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]" if "]==]" not in text else json.dumps(text)


def _lua(mix: list[Template]) -> str:
    entries = []
    for t in mix:
        headers = {"Accept": t.accept, **({"Content-Type": t.content_type} if t.body is not None else {})}
        header_lua = ", ".join(f'["{k}"] = {_lua_string(v)}' for k, v in headers.items())
        body = _lua_string(t.body) if t.body is not None else "nil"
        entries.append(
            f'  {{ method = "{t.method}", path = {_lua_string(t.path)}, '
            f"headers = {{ {header_lua} }}, body = {body} }}"
        )
    table = ",\n".join(entries)
    return f"""-- generated by bench/load_mixed.py: the same mix and numbering as its Python driver
local mix = {{
{table}
}}
local first = os.time{{year = {FIRST_DAY.year}, month = {FIRST_DAY.month}, day = {FIRST_DAY.day}, hour = 12}}
local threads = {{}}
local next_thread = 0

function setup(thread)
  thread:set("offset", next_thread * 100000000)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  statuses = {{}}
end

local function fill(text, n)
  local day = os.date("%Y-%m-%d", first + (n % {DAYS}) * 86400)
  return (text:gsub("{{date}}", day):gsub("{{n}}", tostring(n)))
end

function request()
  local n = offset + counter
  counter = counter + 1
  local t = mix[(n % #mix) + 1]
  local body = nil
  if t.body then body = fill(t.body, n) end
  return wrk.format(t.method, fill(t.path, n), t.headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {{}}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      merged[tostring(status)] = (merged[tostring(status)] or 0) + n
    end
  end
  local parts = {{}}
  for status, n in pairs(merged) do table.insert(parts, '"' .. status .. '": ' .. n) end
  local e = summary.errors
  io.write(string.format('LOADREPORT {{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, "statuses": {{%s}}}}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), table.concat(parts, ", ")))
end
"""


def run_wrk(
    base: str,
    mix: list[Template],
    *,
    connections: int,
    seconds: float,
    threads: int = 2,
    request_timeout: float = 30.0,
) -> LoadReport:
    """The mix with wrk for `seconds`.

    Raises:
        RuntimeError: wrk is missing (`apt-get install wrk`), or its report cannot be read.
    """
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk not found: `apt-get install wrk`, or --driver python")
    if urlsplit(base).hostname not in ("127.0.0.1", "localhost"):
        raise RuntimeError("the load generator only targets 127.0.0.1")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_lua(mix))
    try:
        done = subprocess.run(
            [
                wrk,
                "-t",
                str(threads),
                "-c",
                str(connections),
                "-d",
                f"{seconds:g}s",
                "--timeout",
                f"{request_timeout:g}s",
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
    match = re.search(r"^LOADREPORT (\{.*\})$", done.stdout, re.MULTILINE)
    if match is None:
        raise RuntimeError(f"cannot read wrk's report:\n{done.stdout}\n{done.stderr}")
    report = json.loads(match.group(1))
    socket_errors = report["connect"] + report["read"] + report["write"] + report["timeout"]
    return LoadReport(
        "wrk",
        connections,
        report["duration_us"] / 1e6,
        report["requests"],
        {int(s): n for s, n in report["statuses"].items()},
        socket_errors,
        report["timeout"],
        report["p50_us"] / 1000,
        report["p99_us"] / 1000,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--port", type=int, default=None, help="port of the server started (default: free)")
    parser.add_argument("--base", default=None, help="load a server already running at this 127.0.0.1 URL")
    parser.add_argument(
        "--driver", choices=("wrk", "python"), default=None, help="wrk when installed (default), else python"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="CYBERGOV_QUERY_WORKERS of the server started (default: unset, the server's own, as bench.run)",
    )
    args = parser.parse_args(argv)
    driver = args.driver or ("wrk" if shutil.which("wrk") else "python")

    def load(base: str) -> LoadReport:
        mix = build_mix(base)
        print(f"{len(mix)} kinds of request against {base}: {', '.join(t.name for t in mix)}", flush=True)
        if driver == "wrk":
            return run_wrk(base, mix, connections=args.connections, seconds=args.seconds)
        return run_python(base, mix, connections=args.connections, seconds=args.seconds)

    if args.base:
        report = load(args.base)
    else:
        from bench import peers

        env = {} if args.workers is None else {"CYBERGOV_QUERY_WORKERS": str(args.workers)}
        with peers.ours(env, port=args.port) as base:
            report = load(base)
    print(report.table())
    for example in report.examples:
        print("  failed:", example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
