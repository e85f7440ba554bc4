"""Many API instances over one store (issue 13): two `cybergov serve` processes over one remote engine answer
identically, and after a new `cybergov push` both serve the new graph version (new ETags, new answers)
without a restart."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from live_servers import uvicorn_server

from kg.build.pipeline import build

REPO = Path(__file__).resolve().parents[2]
ROUTES = [
    "/health",
    "/states/FRA",
    "/treaties/budapest-convention/parties?status=all&as_of=2020-01-01",
    "/organizations/coe/members?as_of=2020-01-01",
    "/sparql?query=SELECT%20%3Fl%20WHERE%20%7B%20%3Chttps%3A%2F%2Fw3id.org%2Fcybergov%2Fid%2Fstate%2FFRA%3E"
    "%20%3Chttp%3A%2F%2Fwww.w3.org%2F2000%2F01%2Frdf-schema%23label%3E%20%3Fl%20%7D",
]


def _push(env: dict[str, str], endpoint: str) -> None:
    cybergov = shutil.which("cybergov") or str(Path(sys.executable).parent / "cybergov")
    subprocess.run(
        [cybergov, "push", "--endpoint", endpoint], env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def two_instances(fixture_settings, oxigraph_servers):
    endpoint = oxigraph_servers.start(fixture_settings)
    env = {"CYBERGOV_VERSION_CHECK_SECONDS": "0.5", **oxigraph_servers.environment(endpoint)}
    with (
        uvicorn_server(fixture_settings, **env) as (first, _),
        uvicorn_server(fixture_settings, **env) as (second, _),
    ):
        push_env = dict(os.environ, CYBERGOV_ROOT=str(fixture_settings.root), **env)
        yield push_env, endpoint, [first, second]
    oxigraph_servers.stop(endpoint)


def test_two_instances_answer_identically(two_instances):
    _env, _endpoint, (first, second) = two_instances
    # behind one load balancer both see the same Host (answers name it: `cite.url`, the JSON-LD context's URL)
    host = {"Host": "api.example.org"}
    for route in ROUTES:
        a, b = (
            httpx.get(first + route, timeout=10, headers=host),
            httpx.get(second + route, timeout=10, headers=host),
        )
        assert a.status_code == b.status_code == 200, route
        assert a.content == b.content, route
        assert a.headers.get("etag") == b.headers.get("etag"), route


def test_a_new_push_reaches_every_instance(two_instances, fixture_settings, tmp_path):
    env, endpoint, bases = two_instances
    before = {base: httpx.get(base + "/health", timeout=10).json()["version"] for base in bases}
    etags = {base: httpx.get(base + ROUTES[1], timeout=10).headers["etag"] for base in bases}
    assert len(set(before.values())) == 1

    data = tmp_path / "data"  # the same data but for one label: a new build, a new version
    shutil.copytree(fixture_settings.data_path, data)
    for path in data.glob("*.ttl"):
        path.write_text(path.read_text().replace('"France"@en', '"France (pushed again)"@en'))
    second = dict(env, CYBERGOV_DATA_DIR=str(data), CYBERGOV_CACHE_DIR=str(tmp_path / "cache"))
    _push(second, endpoint)
    new_version = build(
        fixture_settings.model_copy(update={"data_dir": data, "cache_dir": tmp_path / "cache"})
    ).version
    assert new_version not in before.values()

    deadline = time.monotonic() + 30  # CYBERGOV_VERSION_CHECK_SECONDS is 0.5 s here
    while time.monotonic() < deadline:
        if all(httpx.get(b + "/health", timeout=10).json()["version"] == new_version for b in bases):
            break
        time.sleep(0.25)
    for base in bases:
        assert httpx.get(base + "/health", timeout=10).json()["version"] == new_version
        state = httpx.get(base + ROUTES[1], timeout=10)
        assert state.json()["label"] == "France (pushed again)"
        assert state.headers["etag"] != etags[base]
