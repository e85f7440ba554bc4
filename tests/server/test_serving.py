"""bench.serving.wait_until_answering, the one loop the tests and the benchmarks wait for a server with."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bench.serving import ServerDidNotStart, free_port, output_file, wait_until_answering


def _child(code: str, *, output=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=output)


def test_it_returns_once_the_server_answers():
    port = free_port()
    code = (
        "import http.server\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), http.server.SimpleHTTPRequestHandler).serve_forever()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/", process, timeout=60)
        assert process.poll() is None
    finally:
        process.kill()
        process.wait(10)


def test_a_child_that_dies_while_starting_is_reported_with_its_output():
    with output_file() as output:
        process = _child("import sys; sys.stderr.write('cannot bind the port'); sys.exit(3)", output=output)
        with pytest.raises(
            ServerDidNotStart, match=r"(?s)the engine exited with code 3.*cannot bind the port"
        ):
            wait_until_answering(f"http://127.0.0.1:{free_port()}/", process, timeout=60, name="the engine")


def test_a_child_that_never_answers_is_killed_and_reported():
    process = _child("import time; time.sleep(120)")
    url = f"http://127.0.0.1:{free_port()}/health"
    with pytest.raises(ServerDidNotStart, match=r"did not answer .*/health within 0\.5 s"):
        wait_until_answering(url, process, timeout=0.5)
    assert process.poll() is not None  # killed, not left running
