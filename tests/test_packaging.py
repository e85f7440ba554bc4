"""The package runs from a built wheel with its ontology, data and shapes (issue 12): the wheel is built,
installed on its own into a folder, and its `cybergov stats` run from elsewhere counts what the
checkout's counts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_wheel_carries_the_graph_and_runs(tmp_path):
    source = (
        tmp_path / "source"
    )  # a copy of what git tracks: no stale build/ folder, nothing written to the checkout
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (REPO / name).is_symlink():
            target.symlink_to(os.readlink(REPO / name))
        elif (REPO / name).is_file():
            shutil.copy2(REPO / name, target)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        cwd=tmp_path,
    )
    wheel = next((tmp_path / "dist").glob("cybergov_kg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kg/bundled/ontology/cybergov.ttl" in names
    assert any(n.startswith("kg/bundled/data/treaties/") for n in names)
    assert any(n.startswith("kg/bundled/shapes/") for n in names)
    assert "api/templates/base.html" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
    )
    env = dict(os.environ, PYTHONPATH=str(site), HOME=str(tmp_path / "home"))
    env = {k: v for k, v in env.items() if not k.startswith("CYBERGOV_")}
    code = (
        "import kg, sys; from kg.cli import main; print(kg.__file__, file=sys.stderr); "
        "sys.argv = ['cybergov', 'stats']; main()"
    )
    installed = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert installed.returncode == 0, installed.stderr
    assert str(site) in installed.stderr  # the wheel's kg, not the checkout's
    checkout = subprocess.run(
        [sys.executable, "-c", code.replace("print(kg.__file__, file=sys.stderr); ", "")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.stdout == checkout.stdout
    assert "\nstate " in installed.stdout and "\ninferred " in installed.stdout
