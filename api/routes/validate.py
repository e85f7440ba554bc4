"""POST /validate: check a contribution merged with the canonical data; never writes anything.

The body is either a multipart form with one or more files (any field name; each file's format
from its part's Content-Type, else its file name's suffix) or one document sent raw with its
Content-Type (text/turtle, application/n-triples, application/trig, application/n-quads,
application/ld+json, application/rdf+xml). The answer is the same JSON as
`cybergov validate --format json` (docs/validation-report.schema.json): 200 conforms,
422 violations, 400 unreadable (both as application/problem+json, the report carrying
title/status/detail). 413 beyond Settings.max_upload_bytes (refused on Content-Length before
reading, or as soon as the stream passes the limit) or when checking needs more memory than
Settings.validate_worker_memory; 400 for JSON-LD nested deeper than Settings.max_nesting_depth
(checked before parsing); 429 when the client already has Settings.validate_per_client checks
running or waiting; 503 past Settings.validate_timeout.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import PurePosixPath

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from starlette.datastructures import UploadFile

from api.body import read_limited
from api.deps import SettingsDep
from api.errors import PROBLEM, problem
from api.responses import PROBLEM_REF
from kg.build.loading import MEDIA_TYPES, format_for
from kg.config import Settings
from kg.curate.report import CheckReport
from kg.curate.worker import CheckPool
from kg.errors import ContributionTooLarge, LoadError, SourcePosition
from kg.nesting import check_json_depth

router = APIRouter(tags=["validate"])
_pool_lock = threading.Lock()

RAW_TYPES = [
    "text/turtle",
    "application/n-triples",
    "application/trig",
    "application/n-quads",
    "application/ld+json",
    "application/rdf+xml",
]
_REQUEST_BODY = {
    "required": True,
    "description": "The contribution: files in a multipart form, or one document with its Content-Type.",
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "array", "items": {"type": "string", "format": "binary"}}},
            }
        },
        **{media: {"schema": {"type": "string"}} for media in RAW_TYPES},
    },
}
_PROBLEM_RESPONSE = {"content": {PROBLEM: {"schema": PROBLEM_REF}}}
# 400 and 422 carry the check report; a request that cannot be checked at all gets a plain problem.
_REPORT_OR_PROBLEM = {
    "content": {PROBLEM: {"schema": {"anyOf": [{"$ref": "#/components/schemas/CheckReport"}, PROBLEM_REF]}}}
}


def _pool(request: Request, settings: Settings) -> CheckPool:
    """The app's validation workers (each started on first use; the pool is kept on app.state and
    closed when the app shuts down)."""
    with _pool_lock:
        pool = getattr(request.app.state, "check_pool", None)
        if pool is None:
            pool = CheckPool(settings)
            request.app.state.check_pool = pool
        return pool


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text: {exc}", SourcePosition(name)) from None


async def _files(request: Request, body: bytes) -> list[tuple[str, str, str | None]]:
    """The files of a multipart body (parsed from the bytes already read)."""
    sent = False

    async def replay():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, receive=replay).form()
    documents = []
    try:
        for number, (_field, value) in enumerate(form.multi_items(), start=1):
            if isinstance(value, UploadFile):
                name = PurePosixPath(value.filename or f"upload-{number}").name or f"upload-{number}"
                documents.append((name, _decode(await value.read(), name), value.content_type))
    finally:
        await form.close()
    return documents


@router.post(
    "/validate",
    summary="Validate a contribution against the shapes and the reasoner, merged with the canonical data",
    response_model=CheckReport,
    responses={
        400: {
            "description": "Unreadable: syntax errors (the report lists them all) or not UTF-8.",
            **_REPORT_OR_PROBLEM,
        },
        413: {
            "description": "Body larger than CYBERGOV_MAX_UPLOAD_BYTES, or checking it needed more memory than "
            "CYBERGOV_VALIDATE_WORKER_MEMORY.",
            **_PROBLEM_RESPONSE,
        },
        415: {
            "description": "Content-Type is not an RDF format or multipart/form-data.",
            **_PROBLEM_RESPONSE,
        },
        422: {
            "description": "The contribution has violations (the report says which, where), or is empty.",
            **_REPORT_OR_PROBLEM,
        },
        429: {
            "description": "This client already has CYBERGOV_VALIDATE_PER_CLIENT validations running or waiting.",
            **_PROBLEM_RESPONSE,
        },
        503: {
            "description": "Validation took longer than CYBERGOV_VALIDATE_TIMEOUT and was stopped, or its "
            "worker died (it is replaced).",
            **_PROBLEM_RESPONSE,
        },
    },
    openapi_extra={"requestBody": _REQUEST_BODY},
)
async def validate(request: Request, settings: SettingsDep) -> Response:
    """Check a contribution; nothing it sends is stored. Same JSON as `cybergov validate --format json`."""
    body = await read_limited(
        request, settings.max_upload_bytes, ContributionTooLarge(settings.max_upload_bytes)
    )
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media == "multipart/form-data":
        documents = await _files(request, body)
        if not documents:
            return problem(422, "Invalid parameter", "the multipart form holds no file", parameter="file")
    elif media in MEDIA_TYPES:
        documents = [("<request>", _decode(body, "<request>"), media)]
    else:
        return problem(
            415,
            "Unsupported media type",
            f"Content-Type {media or '(none)'!r} is not an RDF format: send multipart/form-data "
            f"with files, or one of {', '.join(RAW_TYPES)}",
        )
    if all(not text.strip() for _name, text, _media in documents):  # curl -d @missing-file sends nothing
        return problem(
            422,
            "Invalid parameter",
            "the contribution is empty: nothing to check. Send the file as the body "
            "(curl --data-binary @my-file.ttl -H 'Content-Type: text/turtle') "
            "or as a multipart file (curl -F file=@my-file.ttl)",
            parameter="file" if media == "multipart/form-data" else "body",
        )
    for name, text, media_type in documents:
        if format_for(name, media_type) == ox.RdfFormat.JSON_LD:  # before any parser recurses into it
            check_json_depth(text, limit=settings.max_nesting_depth, name=name)
    client = request.client.host if request.client else None
    report = await asyncio.to_thread(
        _pool(request, settings).check, documents, timeout=settings.validate_timeout, client=client
    )
    status = CheckReport.model_validate_json(report).status
    return Response(report, status_code=status, media_type="application/json" if status == 200 else PROBLEM)
