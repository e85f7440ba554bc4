"""An in-process cache of GET answers, keyed by graph version + Host + URL + Accept (+ today's date).

The graph is read-only between builds, so an answer to the same GET (same path, query string and
Accept) is the same until the store's version changes; routes whose default `as_of` is today are
covered by keying on the date too, and answers that name the server (the SPARQL service
description's sd:endpoint) by keying on the Host header. A hit is answered before routing, with the stored status,
headers and body; every cached answer carries an ETag, and `If-None-Match` gets 304.
Only 200 answers under `max_body` bytes are kept; POST, /health, /validate and /dump (kept as files by
api.dump_cache) are never cached, nor a request for a byte range.
A plain ASGI middleware (no BaseHTTPMiddleware), so a hit costs microseconds.
"""

from __future__ import annotations

import hashlib
from datetime import date

from kg.lru import LRU, MISSING

# /dump keeps its answers as files of its own (api.dump_cache), which also answer byte ranges
_SKIP = ("/health", "/validate", "/dump")


class ResponseCache:
    """ASGI middleware: `app.add_middleware(ResponseCache, max_entries=..., max_bytes=...)`."""

    def __init__(
        self, app, *, max_entries: int = 4096, max_bytes: int = 64_000_000, max_body: int = 2_000_000
    ) -> None:
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = max_body
        # (status, headers, body, etag) per key, bounded by count and by the bodies' bytes (kg.lru)
        self._entries = LRU(max_entries, max_size=max_bytes, size=lambda entry: len(entry[2]))

    def _key(self, scope) -> tuple | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        path = scope["path"]
        if path.startswith(_SKIP):
            return None
        store = getattr(scope["app"].state, "store", None) if "app" in scope else None
        if store is None:
            return None
        accept = host = b""
        for name, value in scope["headers"]:
            if name == b"accept":
                accept = value
            elif name == b"host":
                host = value
            elif name == b"range":
                # a part of an answer: the route answers it (files), never a whole cached one
                return None
        return store.version, date.today().isoformat(), host, path, scope["query_string"], accept

    async def __call__(self, scope, receive, send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        entry = self._entries.get(key)
        if entry is not MISSING:
            await self._replay(scope, send, entry)
            return
        await self._fill(scope, receive, send, key)

    @staticmethod
    def _if_none_match(scope) -> bytes | None:
        for name, value in scope["headers"]:
            if name == b"if-none-match":
                return value
        return None

    async def _replay(self, scope, send, entry) -> None:
        status, headers, body, etag = entry
        wanted = self._if_none_match(scope)
        if wanted is not None and (wanted.strip() == b"*" or etag in [t.strip() for t in wanted.split(b",")]):
            kept = [(n, v) for n, v in headers if n in (b"etag", b"cache-control", b"vary")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    async def _fill(self, scope, receive, send, key) -> None:
        started: dict = {}
        chunks: list[bytes] = []
        size = 0
        cacheable = True

        async def capture(message) -> None:
            nonlocal size, cacheable
            if message["type"] == "http.response.start":
                started.update(message)
                headers = dict((n.lower(), v) for n, v in message.get("headers", []))
                cacheable = (
                    message["status"] == 200
                    and b"no-store" not in headers.get(b"cache-control", b"")
                    and scope["method"] == "GET"
                )
                if cacheable and b"etag" not in headers:
                    # the answer, not who asked: the Host (part of the key, for sd:endpoint) stays out, so
                    # instances behind one load balancer give one resource one ETag
                    version, day, _host, *rest = key
                    etag = (
                        b'"'
                        + hashlib.sha256(repr((version, day, *rest)).encode()).hexdigest()[:32].encode()
                        + b'"'
                    )
                    message = dict(message, headers=list(message.get("headers", [])) + [(b"etag", etag)])
                    started.update(message)
            elif message["type"] == "http.response.body" and cacheable:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if size > self.max_body:
                    cacheable = False
                    chunks.clear()
                if not message.get("more_body", False) and cacheable:
                    self._store(key, started, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _store(self, key, start, body: bytes) -> None:
        headers = list(start.get("headers", []))
        etag = next((v for n, v in headers if n.lower() == b"etag"), b"")
        self._entries.put(key, (start["status"], headers, body, etag))


__all__ = ["ResponseCache"]
