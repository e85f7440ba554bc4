"""Load a built dataset into a remote SPARQL engine through the SPARQL 1.1 Graph Store Protocol.

Every named graph of the build is PUT (replaced) by name, and the contract's default graph
(asserted + ontology + inferred) is PUT into the endpoint's default graph, which is what
kg.store.remote.RemoteStore expects. Works with `oxigraph serve` (graph store at /store) and
Apache Jena Fuseki (graph store at /<dataset>/data).

Virtuoso (kind "virtuoso") has no default graph of its own: a query that names no graph reads the
union of every graph it holds, its system graphs included. There the contract's default graph is
PUT into the named graph GRAPH_DEFAULT, and kg.store.remote names the dataset in every query. Its
graph store is /sparql-graph-crud-auth, behind HTTP digest authentication.

A graph goes in requests of at most PUSH_BATCH triples (a PUT, then POSTs that add to it): Virtuoso held its locks
for good on one request of the 2.8M triples of a 1M-triple source's default graph. Each request is parsed on its
own, which gives blank nodes new ids, so a graph's triples that name a blank node all go in its first request.

Last, the build's version is PUT into GRAPH_BUILD: API instances over the endpoint read it, so a
new push reaches every instance (new ETags, dropped caches) without a restart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import DCT, DEFAULT_GRAPHS, GRAPH_BUILD, GRAPH_DEFAULT

NTRIPLES = "application/n-triples"
PUSH_BATCH = (
    100_000  # triples a request at most, but for a graph's triples with blank nodes (all in its first)
)


def graph_store_url(endpoint: str, *, kind: str = "standard") -> str:
    """The Graph Store Protocol URL next to a query endpoint: '.../query' or '.../sparql' -> '.../store'.

    That is oxigraph serve's layout; Virtuoso's is '.../sparql-graph-crud-auth'; give Fuseki's
    ('http://host:3030/ds/data') explicitly.
    """
    if kind == "virtuoso":
        return re.sub(r"/sparql/?$", "", endpoint.rstrip("/")) + "/sparql-graph-crud-auth"
    return (
        re.sub(r"/(query|sparql)/?$", "/store", endpoint.rstrip("/"))
        if re.search(r"/(query|sparql)/?$", endpoint)
        else endpoint.rstrip("/") + "/store"
    )


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


def build_record(version: str, graphs) -> list[ox.Triple]:
    """What GRAPH_BUILD holds: the version (content hash) of the build last pushed and its named graphs."""
    build = ox.NamedNode(GRAPH_BUILD)
    return [ox.Triple(build, ox.NamedNode(str(DCT.hasVersion)), ox.Literal(version))] + [
        ox.Triple(build, ox.NamedNode(str(DCT.hasPart)), ox.NamedNode(g)) for g in sorted(graphs)
    ]


def push(
    dataset: Path,
    graph_store: str,
    *,
    version: str | None = None,
    kind: str = "standard",
    timeout: float = 300.0,
    auth: httpx.Auth | tuple[str, str] | None = None,
    client: httpx.Client | None = None,
    batch: int = PUSH_BATCH,
) -> PushResult:
    """Replace the endpoint's graphs with the built dataset's.

    Args:
        dataset: the built N-Quads file (kg.build.pipeline.BuildResult.dataset_path).
        graph_store: the Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store).
        version: the build's version, written last into GRAPH_BUILD with the list of named graphs
            (None: not written).
        kind: "standard" (the default graph is the endpoint's own) or "virtuoso" (into GRAPH_DEFAULT).
        timeout: seconds per request.
        auth: HTTP credentials (a (user, password) pair is basic auth; Virtuoso wants httpx.DigestAuth).
        batch: triples a request at most (a graph's triples with blank nodes go together in its first).
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
        default = ("", {"default": ""}) if kind == "standard" else (GRAPH_DEFAULT, {"graph": GRAPH_DEFAULT})
        writes = [(*default, list(union))] + [(g, {"graph": g}, ts) for g, ts in sorted(graphs.items())]
        if version is not None:
            writes.append((GRAPH_BUILD, {"graph": GRAPH_BUILD}, build_record(version, graphs)))
        for name, params, triples in writes:
            for method, part in _requests(triples, batch):
                _send(client, graph_store, method, params, part, name)
            counts[name] = len(triples)
    finally:
        if own:
            client.close()
    return PushResult(graph_store=graph_store, counts=counts)


def _requests(triples: list, batch: int) -> list[tuple[str, list]]:
    """A graph's triples as requests: a PUT (replace) with those that name a blank node and the first others, then
    POSTs (add) of at most batch triples each."""
    blank = [t for t in triples if _names_blank_node(t)]
    plain = [t for t in triples if not _names_blank_node(t)]
    first = max(batch - len(blank), 0)
    requests = [("PUT", blank + plain[:first])]
    requests += [("POST", plain[i : i + batch]) for i in range(first, len(plain), batch)]
    return requests


def _names_blank_node(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _send(
    client: httpx.Client, graph_store: str, method: str, params: dict, triples: list, name: str
) -> None:
    try:
        response = client.request(
            method, graph_store, params=params, content=_ntriples(triples), headers={"Content-Type": NTRIPLES}
        )
    except httpx.HTTPError as exc:
        raise StoreError(f"graph store {graph_store} unreachable: {exc}") from None
    if response.is_error:
        raise StoreError(
            f"graph store refused {name or 'the default graph'}: {response.status_code} {response.text.strip()[:300]}"
        )


__all__ = ["PUSH_BATCH", "PushResult", "graph_store_url", "push"]
