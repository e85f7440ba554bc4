"""OPTIONS on any path: answers with the methods the path allows (RFC 9110 §9.3.7).

A plain ASGI middleware inside CORS: CORS preflights (with Origin and Access-Control-Request-Method) are
answered by the CORS middleware before this sees them; a plain OPTIONS request gets 204 with Allow, or
404 where no route has the path. No route takes OPTIONS, so 405 and 404 keep their meaning everywhere
else. HEAD is allowed wherever GET is (api.app answers HEAD as a GET without its body).
"""

from __future__ import annotations

from starlette.routing import Match

from api.errors import problem

_PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app, path: str) -> list[str]:
    """The methods some route of app answers at path (HEAD beside GET)."""
    methods = []
    for method in _PROBED:
        scope = {
            "type": "http",
            "path": path,
            "method": method,
            "root_path": "",
            "headers": [],
            "query_string": b"",
        }
        if any(route.matches(scope)[0] == Match.FULL for route in app.routes):
            methods.append(method)
            if method == "GET":
                methods.append("HEAD")
    return methods


class AllowOptions:
    """ASGI middleware: `app.add_middleware(AllowOptions)`."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await self.app(scope, receive, send)
            return
        methods = allowed_methods(scope["app"], scope["path"])
        if methods:
            headers = [(b"allow", ", ".join([*methods, "OPTIONS"]).encode()), (b"content-length", b"0")]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await problem(404, "Not Found", f"no route at {scope['path']}")(scope, receive, send)
