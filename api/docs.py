"""/docs (Swagger UI) and /redoc served from files shipped by the fastapi-offline package, never from a CDN.

Only the package's static files are used (its FastAPI subclass is not): they are mounted at /static/docs.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/static/docs"
# Nothing on these pages may reach another host (ReDoc's sidebar shows a logo from its makers' CDN):
# the browser refuses such requests before they leave, and the logo's link is hidden.
POLICY = (
    "default-src 'self'; img-src 'self' data:; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; font-src 'self' data:"
)
HIDE_VENDOR_LOGO = '<style>a[href*="redocly.com"], a[href*="redoc.ly"] { display: none !important; }</style>'


def install(app: FastAPI) -> None:
    """Mount the Swagger UI and ReDoc assets and add GET /docs and GET /redoc (the app is made with both off)."""
    app.mount(ASSETS, StaticFiles(directory=str(files("fastapi_offline") / "static")), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        # validatorUrl None: Swagger UI would otherwise ask validator.swagger.io for a badge
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} · API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )
        page.headers["Content-Security-Policy"] = POLICY
        return page

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} · API",
            redoc_js_url=f"{ASSETS}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS}/favicon.png",
            with_google_fonts=False,
        )
        html = bytes(page.body).decode().replace("</head>", HIDE_VENDOR_LOGO + "</head>", 1)
        return HTMLResponse(html, headers={"Content-Security-Policy": POLICY})
