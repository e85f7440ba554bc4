"""bench.load reads wrk's latency percentiles from its Latency Distribution, not from the Thread Stats table."""

from __future__ import annotations

from bench.load import _percentile

# wrk --latency output in its format, with a Stdev column ending in "50%" as in the bench run whose p50 came out nan
OUTPUT = """Running 5s test @ http://127.0.0.1:40000
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.10ms   30.21ms 202.20ms   97.50%
    Req/Sec     0.94k    99.12     1.10k    81.99%
  Latency Distribution
     50%    7.80ms
     75%    8.90ms
     90%   10.20ms
     99%  202.20ms
  9342 requests in 5.00s, 10.12MB read
Requests/sec:   1868.40
"""


def test_the_percentiles_come_from_the_latency_distribution():
    assert _percentile(OUTPUT, "50") == 7.8
    assert _percentile(OUTPUT, "99") == 202.2
    assert _percentile(OUTPUT, "75") == 8.9


def test_seconds_and_microseconds_are_read_as_milliseconds():
    assert _percentile("  Latency Distribution\n     50%  850.00us\n     99%    1.03s\n", "50") == 0.85
    assert _percentile("  Latency Distribution\n     50%  850.00us\n     99%    1.03s\n", "99") == 1030.0
