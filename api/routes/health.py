"""GET /health: is the service up, how big is the graph, which build is it."""
from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health
from kg.namespaces import DEFAULT_GRAPHS

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health, summary="Service status")
def health(store: StoreDep) -> Health:
    """`triples` counts the default graph (asserted + ontology + inferred); `version` is the build's content hash."""
    counts = store.counts()
    return Health(status="ok", triples=sum(counts.get(g, 0) for g in DEFAULT_GRAPHS), version=store.version)
