"""Digests of the canonical files (data/, ontology/, shapes/), for the session guard in conftest.py."""

from __future__ import annotations

import hashlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CANONICAL_FOLDERS = ("data", "ontology", "shapes")  # what the service reads and must never write


def folder_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under folder (Python's own caches left out), by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def canonical_digests(root: Path = REPO) -> dict[str, str]:
    """folder_digests of data/, ontology/ and shapes/ together, keyed by path relative to root."""
    return {
        f"{name}/{path}": digest
        for name in CANONICAL_FOLDERS
        for path, digest in folder_digests(root / name).items()
    }


def changed_files(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The paths added, removed or changed between two digests."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
