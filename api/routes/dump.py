"""GET /dump: the whole built dataset (every named graph and the default graph), gzip-compressed.

Streamed from the store in batches (serialized and compressed one batch at a time) and kept on disk per graph
version (api.dump_cache), with the graph version as ETag, so nobody needs a CONSTRUCT of everything (which the
result cap would cut).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, BinaryIO, Literal

import anyio
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


class _KeptDump(FileResponse):
    """A kept dump (api.dump_cache.opened), sent from the file that was opened and checked: Starlette's FileResponse
    opens its path again to send it (for each byte range too), and another API instance on the same cache may have
    removed that path meanwhile, when it kept a newer version (a 500 then). Each send reads a duplicate of the open
    file's descriptor; the file is closed when the response is done, sent or not."""

    def __init__(self, file: BinaryIO, **kwargs) -> None:
        self._file = file
        super().__init__(file.name, stat_result=os.fstat(file.fileno()), **kwargs)

    async def __call__(self, scope, receive, send) -> None:
        # never "send this path" (an ASGI server extension): the path may be gone; the open file is not
        extensions = {k: v for k, v in scope.get("extensions", {}).items() if k != "http.response.pathsend"}
        try:
            await super().__call__({**scope, "extensions": extensions}, receive, send)
        finally:
            self._file.close()

    @asynccontextmanager
    async def _open_file(self) -> AsyncIterator[anyio.AsyncFile[bytes]]:
        file = anyio.wrap_file(os.fdopen(os.dup(self._file.fileno()), "rb"))
        try:
            await file.seek(0)
            yield file
        finally:
            with anyio.CancelScope(shield=True):
                await file.aclose()


def _dump(request: Request, store, settings: Settings, fmt: str) -> Response:
    version = store.version  # read once: a remote store's version may change meanwhile
    etag = f'"{version}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    wanted = request.headers.get("if-none-match")
    if wanted and (wanted.strip() == "*" or etag in [t.strip() for t in wanted.split(",")]):
        return Response(status_code=304, headers=headers)
    rdf_format, suffix = FORMATS[fmt]
    headers["Content-Disposition"] = f'attachment; filename="cybergov-{version[:12]}.{suffix}.gz"'
    kept = dump_cache.opened(settings.cache_path, version, suffix)
    if kept is not None:
        return _KeptDump(kept, media_type="application/gzip", headers=headers)
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
