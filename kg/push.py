"""Load a built dataset into a remote SPARQL engine through the SPARQL 1.1 Graph Store Protocol.

Every named graph of the build is PUT (replaced) by name, and the contract's default graph
(asserted + ontology + inferred) is PUT into the endpoint's default graph, which is what
kg.store.remote.RemoteStore expects. Works with `oxigraph serve` (graph store at /store) and
Apache Jena Fuseki (graph store at /<dataset>/data).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import DEFAULT_GRAPHS

NTRIPLES = "application/n-triples"


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL next to a query endpoint: '.../query' or '.../sparql' -> '.../store'.

    That is oxigraph serve's layout; give Fuseki's ('http://host:3030/ds/data') explicitly.
    """
    return re.sub(r"/(query|sparql)/?$", "/store", endpoint.rstrip("/")) if re.search(
        r"/(query|sparql)/?$", endpoint) else endpoint.rstrip("/") + "/store"


@dataclass
class PushResult:
    """What was written: triples per graph ('' = the default graph)."""

    graph_store: str
    counts: dict[str, int]

    @property
    def triples(self) -> int:
        return sum(self.counts.values())


def _ntriples(triples: list) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def push(dataset: Path, graph_store: str, *, timeout: float = 300.0, auth: tuple[str, str] | None = None,
         client: httpx.Client | None = None) -> PushResult:
    """Replace the endpoint's graphs with the built dataset's.

    Args:
        dataset: the built N-Quads file (kg.build.BuildResult.dataset_path).
        graph_store: the Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store).
        timeout: seconds per request.
        auth: HTTP basic credentials, if the endpoint needs them.
    Returns:
        the triples written per graph.
    Raises:
        StoreError: the endpoint refused a graph or could not be reached.
    """
    graphs: dict[str, list] = defaultdict(list)
    for quad in ox.parse(path=str(dataset), format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(quad.triple)
    union = {t for g in DEFAULT_GRAPHS for t in graphs.get(g, [])}
    own = client is None
    client = client or httpx.Client(timeout=timeout, auth=auth)
    counts: dict[str, int] = {}
    try:
        for name, params, triples in [("", {"default": ""}, list(union))] + [
                (g, {"graph": g}, ts) for g, ts in sorted(graphs.items())]:
            try:
                response = client.put(graph_store, params=params, content=_ntriples(triples),
                                      headers={"Content-Type": NTRIPLES})
            except httpx.HTTPError as exc:
                raise StoreError(f"graph store {graph_store} unreachable: {exc}") from None
            if response.is_error:
                raise StoreError(f"graph store refused {name or 'the default graph'}: "
                                 f"{response.status_code} {response.text.strip()[:300]}")
            counts[name] = len(triples)
    finally:
        if own:
            client.close()
    return PushResult(graph_store=graph_store, counts=counts)


__all__ = ["push", "graph_store_url", "PushResult"]
