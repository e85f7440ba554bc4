"""create_app(settings) -> FastAPI. Nothing happens at import time; the store opens in the lifespan."""

from __future__ import annotations

import importlib
import pkgutil
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse

import api.routes
from api import docs, errors, responses, vendor
from api.cache import ResponseCache
from api.coverage_board import CoverageBoard
from api.options import AllowOptions
from kg import __version__
from kg.config import Settings
from kg.querying import Store


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as the GET of the same URL, without the body
    (headers, Content-Length and ETag included), so every GET route also answers HEAD."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, without_body)


def _open_store(settings: Settings) -> Store:
    from kg.build.pipeline import build
    from kg.store import open_store

    return open_store(settings, build(settings))


# FastAPI tries the routes in the order they were added and every miss costs (a quarter of the answer of a date
# route once its records are indexed): the routers of the routes applications call most come first, before the
# documentation and static files. No two routers' paths overlap, nor the app's own routes (/, /docs, /redoc,
# /openapi.json, /static), so the order changes no answer (tests/api/test_routing.py).
FIRST_ROUTERS = ("sparql", "treaties", "states", "organizations")


def _route_order(module: str) -> tuple[int, str]:
    return (FIRST_ROUTERS.index(module) if module in FIRST_ROUTERS else len(FIRST_ROUTERS), module)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the API.

    Args:
        settings: configuration (default: from the environment).
        store: an already open store (tests); otherwise the lifespan builds and opens one.
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        own = store is None
        app.state.store = store if store is not None else _open_store(settings)
        if own and hasattr(app.state.store, "start"):
            app.state.store.start()
        try:
            yield
        finally:
            pool = getattr(
                app.state, "check_pool", None
            )  # the validation workers, if any request started them
            if pool is not None:
                pool.close()
                app.state.check_pool = None
            if own:
                app.state.store.close()

    app = FastAPI(
        title="cybergov-kg",
        version=__version__,
        summary="Who governs cyberspace, and who is bound by what: a SPARQL and REST API over a knowledge graph.",
        lifespan=lifespan,
        docs_url=None,  # served by api.docs from local files
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.coverage_board = CoverageBoard()  # the home page's table (api.coverage_board)
    if store is not None:
        app.state.store = store
    app.add_middleware(AllowOptions)  # innermost: CORS answers preflights before it
    if settings.response_cache_entries:  # inside CORS, so CORS headers follow each request's Origin
        app.add_middleware(ResponseCache, max_entries=settings.response_cache_entries)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["ETag", "Content-Type"],
    )
    app.add_middleware(HeadAsGet)
    errors.install(app)
    responses.install(app)
    for module in sorted((m.name for m in pkgutil.iter_modules(api.routes.__path__)), key=_route_order):
        routes = importlib.import_module(f"api.routes.{module}")
        if hasattr(routes, "router"):
            app.include_router(routes.router)
    from api.routes.pages import static

    docs.install(app)  # before /static, whose mount would otherwise take /static/docs
    vendor.install(app, settings)  # likewise /static/vendor
    app.mount("/static", static, name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        """Browsers ask for /favicon.ico on any URL they open (a JSON answer, /docs): the pages' own icon."""
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @app.get("/", include_in_schema=False)
    def root(request: Request):
        """Browsers get the home page; API clients get a pointer to the OpenAPI description."""
        if "text/html" in request.headers.get("accept", ""):
            return RedirectResponse("/ui", status_code=303)
        return {
            "name": "cybergov-kg",
            "docs": "/docs",
            "openapi": "/openapi.json",
            "sparql": "/sparql",
            "pages": "/ui",
            "health": "/health",
        }

    return app
