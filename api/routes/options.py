"""OPTIONS on any path: answers with the methods the path allows (RFC 9110 §9.3.7).

CORS preflights (with Origin and Access-Control-Request-Method) are answered earlier by the CORS
middleware; this answers plain OPTIONS requests, which would otherwise get a 405. HEAD is allowed
wherever GET is (api.app answers HEAD as a GET without its body).
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.routing import Match

from api.errors import problem

router = APIRouter()
_PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")


@router.options("/{path:path}", include_in_schema=False)
def options(request: Request, path: str) -> Response:
    methods = []
    for method in _PROBED:
        scope = {"type": "http", "path": "/" + path, "method": method, "root_path": "", "headers": [],
                 "query_string": b""}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.routes):
            methods.append(method)
            if method == "GET":
                methods.append("HEAD")
    if not methods:
        return problem(404, "Not Found", f"no route at /{path}")
    return Response(status_code=204, headers={"Allow": ", ".join(methods + ["OPTIONS"])})
