"""Browser libraries from npm packages (package.json, installed by `npm ci` into node_modules), served by the
app under /static/vendor/<package>: nothing comes from a CDN.

Only the CodeMirror 5 files the SPARQL editor loads are served. When they are not installed the page says
nothing is missing: it is a plain labelled text box that works the same.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from kg.config import Settings

PREFIX = "/static/vendor/codemirror"
# The files the editor needs, relative to the package folder (lib + the SPARQL mode).
CODEMIRROR_FILES = ("lib/codemirror.js", "lib/codemirror.css", "mode/sparql/sparql.js")


def codemirror_dir(settings: Settings) -> Path | None:
    """The installed codemirror package, or None when npm has not installed it (or not all of its files)."""
    folder = settings.path(settings.node_modules_dir) / "codemirror"
    return folder if all((folder / name).is_file() for name in CODEMIRROR_FILES) else None


def install(app: FastAPI, settings: Settings) -> None:
    """Mount CodeMirror's lib/ and mode/sparql/ (when installed) and record on app.state whether the editor has
    it; call before the /static mount, which would otherwise take /static/vendor."""
    folder = codemirror_dir(settings)
    app.state.codemirror = folder is not None
    if folder is not None:
        app.mount(f"{PREFIX}/lib", StaticFiles(directory=str(folder / "lib")), name="codemirror-lib")
        app.mount(
            f"{PREFIX}/mode/sparql",
            StaticFiles(directory=str(folder / "mode" / "sparql")),
            name="codemirror-sparql",
        )
