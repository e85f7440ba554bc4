"""Request bodies read under a byte limit, counted while they arrive (chunked bodies included)."""

from __future__ import annotations

from fastapi import Request

from kg.errors import KgError


async def read_limited(request: Request, limit: int, too_large: KgError) -> bytes:
    """The body, refusing more than limit bytes without reading (or keeping) more than that.

    A declared Content-Length over the limit is refused before reading; otherwise the stream is
    counted chunk by chunk and reading stops at the first chunk past the limit.

    Raises:
        too_large: the body is (or declares itself) larger than limit.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)
