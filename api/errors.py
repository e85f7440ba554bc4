"""KgError -> RFC 9457 problem details, in one place."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg.errors import (
    BadParameter,
    ContributionMemoryExceeded,
    ContributionTooLarge,
    InconsistencyError,
    KgError,
    LoadError,
    NotFound,
    QueryError,
    QueryRefused,
    QueryTimeout,
    RequestTooLarge,
    ResultTooLarge,
    StoreError,
    TooManyChecks,
    ValidationFailed,
    ValidationTimeout,
    WorkerDied,
    WorkerMemoryExceeded,
)

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def _status(exc: KgError) -> tuple[int, str]:
    if isinstance(exc, NotFound):
        return 404, "Not Found"
    if isinstance(exc, BadParameter):
        return 422, "Invalid parameter"
    if isinstance(exc, QueryError):
        return 400, "Malformed query"
    if isinstance(exc, QueryRefused):
        return 403, "Query refused"
    if isinstance(exc, QueryTimeout):
        return 503, "Query timed out"
    if isinstance(exc, ResultTooLarge):
        return 413, "Result too large"
    if isinstance(exc, ContributionTooLarge):
        return 413, "Contribution too large"
    if isinstance(exc, RequestTooLarge):
        return 413, "Request too large"
    if isinstance(exc, ContributionMemoryExceeded):
        return 413, "Contribution too costly"
    if isinstance(exc, WorkerMemoryExceeded):
        return 503, "Memory limit reached"
    if isinstance(exc, WorkerDied):
        return 503, "Worker died"
    if isinstance(exc, TooManyChecks):
        return 429, "Too many validations"
    if isinstance(exc, ValidationTimeout):
        return 503, "Validation timed out"
    if isinstance(exc, LoadError):
        return 400, "Unreadable RDF"
    if isinstance(exc, (ValidationFailed, InconsistencyError)):
        return 422, "Invalid data"
    if isinstance(exc, StoreError):
        return 502, "Store unavailable"
    return 500, "Internal error"


def wants_page(request: Request) -> bool:
    """A person's browser on a page route: /ui/... asked with Accept: text/html (API clients keep problem+json)."""
    return request.url.path.startswith("/ui") and "text/html" in request.headers.get("accept", "")


def _page(request: Request, status: int, title: str, detail: str, **extra) -> Response:
    from api.error_pages import error_page  # the pages' templates; imported late to keep this module light

    return error_page(request, status=status, title=title, detail=detail, **extra)


async def kg_error_handler(request: Request, exc: KgError) -> Response:
    status, title = _status(exc)
    extra: dict = {}
    if isinstance(exc, NotFound):
        extra["suggestions"] = exc.suggestions
    if isinstance(exc, BadParameter):
        extra["parameter"] = exc.name
    if isinstance(exc, QueryError):
        extra.update(line=exc.line, column=exc.column)
    if isinstance(exc, LoadError) and exc.position:
        extra.update(file=exc.position.file, line=exc.position.line, column=exc.position.column)
    if isinstance(exc, (RequestTooLarge, WorkerMemoryExceeded)):
        extra.update(limit=exc.limit, setting=exc.setting)
    if isinstance(exc, ResultTooLarge):
        extra.update(limit=exc.limit, setting=exc.setting)
    if wants_page(request):
        return _page(request, status, title, str(exc), **extra)
    response = problem(status, title, str(exc), **extra)
    if isinstance(exc, (RequestTooLarge, ContributionTooLarge)):
        response.headers["Connection"] = "close"  # the rest of the body is not read: end the connection
    if status in (429, 503):
        response.headers["Retry-After"] = "1" if isinstance(exc, (WorkerDied, WorkerMemoryExceeded)) else "5"
    return response


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> Response:
    """Starlette's own errors (no route matches the path, method not allowed) as problem details too, and as a
    page for a person under /ui."""
    if wants_page(request) and exc.status_code in (404, 405):
        return _page(
            request,
            exc.status_code,
            "Not Found" if exc.status_code == 404 else "Method not allowed",
            f"There is no page at {request.url.path}.",
        )
    try:
        title = HTTPStatus(exc.status_code).phrase
    except ValueError:
        title = "Error"
    detail = (
        exc.detail
        if isinstance(exc.detail, str) and exc.detail != title
        else (f"no resource at {request.url.path!r}" if exc.status_code == 404 else title)
    )
    response = problem(exc.status_code, title, detail)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def request_validation_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    names = [".".join(str(p) for p in e.get("loc", ())[1:]) or "body" for e in errors]
    detail = "; ".join(f"{n}: {e.get('msg')}" for n, e in zip(names, errors, strict=False))
    if wants_page(request):
        return _page(request, 422, "Invalid parameter", detail, parameter=names[0] if names else None)
    return problem(
        422,
        "Invalid parameter",
        detail,
        parameter=names[0] if names else None,
        errors=[{"parameter": n, "message": e.get("msg")} for n, e in zip(names, errors, strict=False)],
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(KgError, kg_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, request_validation_handler)
