"""Shared fixtures: settings over a small fixture dataset, a store built from it, and an API client.

The fixture data in tests/fixtures/data is built for the temporal rules of the contract; the
repository's own data is used by the tests that check curated facts (tests/data) and by
`repo_store`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.config import Settings
from kg.store import open_store

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory) -> Settings:
    """Settings over tests/fixtures/data with a private cache directory."""
    return Settings(root=REPO, data_dir=FIXTURES / "data", cache_dir=tmp_path_factory.mktemp("cache"),
                    query_timeout=3.0, query_workers=2)


@pytest.fixture(scope="session")
def fixture_store(fixture_settings):
    """The embedded store over the fixture dataset (closed at the end of the session)."""
    store = open_store(fixture_settings, build(fixture_settings))
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(fixture_settings, fixture_store):
    """A TestClient for the API over the fixture store."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(fixture_settings, store=fixture_store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def repo_settings() -> Settings:
    """Settings over the repository's own data, sharing the repository's build cache."""
    return Settings(root=REPO)


@pytest.fixture(scope="session")
def repo_store(repo_settings):
    store = open_store(repo_settings, build(repo_settings))
    yield store
    store.close()
