"""Issue 10: /id/{kind}/{slug} with a slug that cannot be part of an IRI answers a 404 problem
detail on every kind (it was a plain-text 500: ValueError from the IRI constructor)."""

from __future__ import annotations

import pytest

KINDS = [
    "treaty",
    "instrument",
    "state",
    "organization",
    "norm",
    "participation",
    "membership",
    "no-such-kind",
]
ODD_SLUGS = [
    "a%20b",
    "%3C%3E",
    "%22",
    "%00",
    "%FF%FE",
    "%7B%7D",
    "%7C",
    "%5E",
    "%60",
    "%5C",
    "a%0Ab",
    "a%0Db",
    "a%09b",
    "%01",
    "%1F",
    "%7F",
    "%C0%AF",
    "%ED%A0%80",
    "%E2%80%8B",
    "%25",
    "%25%25",
    "a%3Cb%3E",
    "%22%3E%3Cscript%3E",
    "x%20%7D%20.%20%3Fs%20%3Fp%20%3Fo",
    "%3E%20%3Fp%20%3Fo",
    "%F0%9F%92%A5",
    "%C3%A9t%C3%A9",
    "FRA%00",
    "a%23b",
    "a%3Fb",
    "..%2F..%2Fetc%2Fpasswd",
    "%2F%2F",
    "a%20",
    "%20",
    "x" * 3000,
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("slug", ODD_SLUGS, ids=lambda s: s[:24])
def test_odd_slug_is_a_problem_detail(client, kind, slug):
    response = client.get(f"/id/{kind}/{slug}", headers={"Accept": "text/turtle"})
    assert response.status_code in (400, 404), response.text[:300]
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == response.status_code


def test_known_resource_still_dereferences(client):
    response = client.get("/id/state/FRA", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert "FRA" in response.text
