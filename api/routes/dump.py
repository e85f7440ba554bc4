"""GET /dump: the whole built dataset (every named graph and the default graph), gzip-compressed.

Streamed from the store in batches (serialized and compressed one batch at a time) and kept on disk per graph
version (api.dump_cache), with the graph version as ETag, so nobody needs a CONSTRUCT of everything (which the
result cap would cut).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse

from api import dump_cache
from api.deps import SettingsDep, StoreDep
from api.responses import STORE_ERRORS, problems
from kg.config import Settings
from kg.namespaces import PREFIXES

router = APIRouter(tags=["service"])

FORMATS = {"nquads": (ox.RdfFormat.N_QUADS, "nq"), "trig": (ox.RdfFormat.TRIG, "trig")}
BATCH = 5000

DESCRIPTION = """The whole dataset as the SPARQL endpoint serves it: every named graph
(`.../graph/asserted`, `.../inferred`, `.../ontology`, one per source file) and the default graph
(their union), as N-Quads (default) or TriG, gzip-compressed (`application/gzip`; the file inside is
`.nq` or `.trig`). `GET /dump.nq.gz` and `GET /dump.trig.gz` are the same with the format in the
name. The ETag is the graph version (`/health`); `If-None-Match` gives 304. The first request for a graph version
is streamed as the dump is made, and the dump is kept: later requests get the same bytes from a file (byte ranges
too)."""


def _gzip_stream(quads: Iterator, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: a gzip member
    kwargs = {"prefixes": PREFIXES} if rdf_format == ox.RdfFormat.TRIG else {}
    batch: list = []
    for quad in quads:
        batch.append(quad)
        if len(batch) >= BATCH:
            yield compressor.compress(ox.serialize(batch, format=rdf_format, **kwargs))
            batch = []
    if batch:
        yield compressor.compress(ox.serialize(batch, format=rdf_format, **kwargs))
    yield compressor.flush()


def _dump(request: Request, store, settings: Settings, fmt: str) -> Response:
    version = store.version  # read once: a remote store's version may change meanwhile
    etag = f'"{version}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    wanted = request.headers.get("if-none-match")
    if wanted and (wanted.strip() == "*" or etag in [t.strip() for t in wanted.split(",")]):
        return Response(status_code=304, headers=headers)
    rdf_format, suffix = FORMATS[fmt]
    headers["Content-Disposition"] = f'attachment; filename="cybergov-{version[:12]}.{suffix}.gz"'
    path = dump_cache.kept(settings.cache_path, version, suffix)
    if path is not None:
        return FileResponse(path, media_type="application/gzip", headers=headers)
    chunks = _gzip_stream(store.quads(), rdf_format)
    return StreamingResponse(
        dump_cache.keeping(chunks, settings.cache_path, version, suffix),
        media_type="application/gzip",
        headers=headers,
    )


_RESPONSES = {
    200: {
        "content": {"application/gzip": {"schema": {"type": "string", "format": "binary"}}},
        "description": "the dataset, gzip-compressed",
    },
    304: {"description": "not modified (If-None-Match matched the version)"},
    **problems(422, *STORE_ERRORS),
}


@router.get(
    "/dump",
    summary="Download the whole dataset (N-Quads or TriG, gzip)",
    description=DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
)
def dump(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[Literal["nquads", "trig"], Query(description="nquads (default) or trig")] = "nquads",
) -> Response:
    return _dump(request, store, settings, format)


@router.get(
    "/dump.nq.gz",
    summary="Download the whole dataset as gzip-compressed N-Quads",
    description=DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
)
def dump_nquads(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    return _dump(request, store, settings, "nquads")


@router.get(
    "/dump.trig.gz",
    summary="Download the whole dataset as gzip-compressed TriG",
    description=DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
)
def dump_trig(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    return _dump(request, store, settings, "trig")
