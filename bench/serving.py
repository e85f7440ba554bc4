"""Servers started in a child process on 127.0.0.1: a free port, and the one loop that waits until one answers.

The benchmarks' peers (bench/peers.py, bench/virtuoso.py) and the tests' servers (tests/live_servers.py,
tests/conftest.py's SPARQL engines, the browser tests' server) start a server and poll a URL until it answers;
they all wait with `wait_until_answering`, most through `running` (start, wait, stop). A child that exits
first is reported with its exit code and, when its standard error went to a file (`output_file`), the end of
what it wrote; one that does not answer in time is killed and reported.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

REPO = Path(__file__).resolve().parent.parent
# how much of a dead child's output an error quotes (its end: where the reason usually is)
_OUTPUT_TAIL = 4000


class ServerDidNotStart(RuntimeError):
    """A server's process exited, or did not answer, before it was ready."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def output_file() -> IO[bytes]:
    """A temporary file for a child's standard error (Popen(stderr=...)), read back if the child dies early.

    A file rather than a pipe: a server that runs long and writes more than a pipe holds would block.
    """
    return tempfile.TemporaryFile()


def _tail(output: IO[bytes] | None) -> str:
    if output is None:
        return ""
    output.seek(0)
    text = output.read().decode("utf-8", "replace").strip()
    return "\n" + text[-_OUTPUT_TAIL:] if text else ""


def wait_until_answering(
    url: str,
    process: subprocess.Popen,
    *,
    timeout: float,
    name: str = "the server",
    params: dict[str, str] | None = None,
    ready: Callable[[int], bool] = lambda status: status == 200,
    interval: float = 0.2,
    output: IO[bytes] | None = None,
) -> None:
    """Poll url with GET until its status is ready, while process runs.

    Args:
        url: what to ask (e.g. a /health route, or a SPARQL endpoint with params {"query": "ASK {}"}).
        process: the server's process.
        timeout: seconds to wait in all.
        name: how an error names the server.
        ready: whether a status means the server is up (default: 200).
        interval: seconds between two tries.
        output: the file the process's standard error goes to (output_file), quoted if it exits early.
    Raises:
        ServerDidNotStart: the process exited first (with its exit code and output), or did not answer in
            timeout seconds (it is then killed).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            if ready(httpx.get(url, params=params, timeout=2).status_code):
                return
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise ServerDidNotStart(
                f"{name} exited with code {process.returncode} while starting: {process.args}{_tail(output)}"
            )
        if time.monotonic() > deadline:
            process.kill()
            process.wait(10)
            raise ServerDidNotStart(f"{name} did not answer {url} within {timeout:g} s")
        time.sleep(interval)


def uvicorn_command(port: int) -> list[str]:
    """This project's API (`uvicorn --factory api.app:create_app`) on 127.0.0.1:port, logging warnings only."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.app:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]


@contextmanager
def running(
    args: list[str],
    url: str,
    *,
    timeout: float,
    name: str = "the server",
    env: dict[str, str] | None = None,
    cwd: Path = REPO,
    quiet: bool = True,
    stop_wait: float = 10.0,
    **wait,
) -> Iterator[subprocess.Popen]:
    """Start a server, wait until url answers (wait_until_answering, with the **wait options), yield its
    process, and stop it on exit (terminate; kill if it has not stopped within stop_wait seconds).

    Args:
        quiet: the child's standard output dropped and its standard error kept in an output_file (quoted if it
            dies while starting); False: both go where this process's go (a test's captured output).
    Raises:
        ServerDidNotStart: as wait_until_answering.
    """
    output = output_file() if quiet else None
    stdout = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=stdout, stderr=output)
    try:
        wait_until_answering(url, process, timeout=timeout, name=name, output=output, **wait)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(stop_wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        if output is not None:
            output.close()


__all__ = [
    "ServerDidNotStart",
    "free_port",
    "output_file",
    "running",
    "uvicorn_command",
    "wait_until_answering",
]
