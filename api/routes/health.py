"""GET /health: is the service up, which build is it, and does it serve the whole of that build."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import StoreDep
from api.schemas import Health
from kg.store import held_counts

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    summary="Service status",
    responses={
        503: {
            "model": Health,
            "description": "The graphs served do not hold what the build "
            "recorded (a damaged cache): the service answers nothing it cannot vouch for.",
        }
    },
)
def health(store: StoreDep):
    """`triples` counts the default graph's parts (asserted + ontology + inferred); `version` is the build's
    content hash; `graphs` are the triples per graph as served, `recorded` as the build counted them, and
    `consistent` whether the two agree (503 when they do not)."""
    held = held_counts(store)
    recorded = getattr(store, "recorded", None)
    consistent = recorded is None or all(held.get(key) == n for key, n in recorded.items())
    body = Health(
        status="ok" if consistent else "inconsistent",
        triples=held["asserted"] + held["ontology"] + held["inferred"],
        version=store.version,
        graphs=held,
        recorded=recorded,
        consistent=consistent,
    )
    if consistent:
        return body
    return JSONResponse(body.model_dump(), status_code=503)
