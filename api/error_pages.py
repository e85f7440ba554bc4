"""Error pages for people (404 with suggestions, 422 naming the parameter), for /ui routes asked as text/html."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from api.routes.pages import templates


def error_page(
    request: Request,
    *,
    status: int,
    title: str,
    detail: str,
    suggestions: list[str] | None = None,
    parameter: str | None = None,
    **_: object,
) -> HTMLResponse:
    """The error as a page: what went wrong, close ids as links, the bad parameter and a way back without it."""
    path = request.url.path.rstrip("/")
    parent, _, missing = path.rpartition("/")
    links = [{"href": f"{parent}/{s}", "label": s} for s in suggestions or []]
    without = None
    if parameter:
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != parameter]
        without = path + ("?" + urlencode(kept) if kept else "")
    store = getattr(request.app.state, "store", None)
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": title,
            "detail": detail,
            "suggestions": links,
            "parameter": parameter,
            "value": request.query_params.get(parameter) if parameter else None,
            "without": without,
            "search": missing if status == 404 and missing else None,
            "version": getattr(store, "version", ""),
        },
        status_code=status,
    )
