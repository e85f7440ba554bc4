"""Linked data: resource IRIs https://w3id.org/cybergov/id/{kind}/{slug} and the ontology dereference here."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from api import linked_data, negotiation
from api.deps import StoreDep
from api.errors import problem
from api.representation import context_url
from api.responses import ONTOLOGY_RESPONSES, RESOURCE_RESPONSES
from kg import named_queries
from kg.answers.common import find, run
from kg.answers.states import find_state
from kg.errors import NotFound, QueryError
from kg.namespaces import CGO, ID, PREFIXES
from kg.querying import term_syntax
from kg.store.results import GRAPH_FORMATS, graph_body

router = APIRouter(tags=["linked data"])

# The {kind} segment of a resource IRI: a lower-case slug (state, treaty, organization, participation, ...).
Kind = Annotated[
    str,
    Path(
        pattern=r"^[a-z][a-z0-9-]*$",
        examples=["treaty"],
        description="The kind of resource, e.g. state, treaty.",
    ),
]

# Where a browser is sent for each kind of resource: its page, or else the REST view (JSON) of the same thing.
HTML_VIEWS = {
    "treaty": "/ui/treaties/{slug}",
    "instrument": "/ui/instruments/{slug}",
    "state": "/ui/states/{slug}",
    "organization": "/ui/organizations/{slug}",
    "norm": "/ui/norms/{slug}",
    "provision": "/ui/provisions/{slug}",
    "obligation": "/ui/obligations/{slug}",
    "mechanism": "/ui/mechanisms/{slug}",
}


# The kinds whose ids a 404 suggests close ones of: those the REST answers list (kg/queries/<name>.rq with the same
# bindings, and the column of the resource's IRI), so the suggestions cost what those lists cost. Other kinds (records
# such as memberships) get none: the ids of a kind are not indexed, and finding them took a pass over the whole
# graph (12 s at 1M source triples).
_LISTS: dict[str, tuple[str, dict[str, ox.NamedNode], str]] = {
    "treaty": ("instruments", {"of_class": ox.NamedNode(str(CGO["Treaty"]))}, "instrument"),
    "instrument": ("instruments", {}, "instrument"),
    "organization": ("organizations", {}, "organization"),
    "norm": ("norms", {}, "norm"),
    "provision": ("provisions", {}, "provision"),
    "obligation": ("obligations", {}, "obligation"),
    "mechanism": ("mechanisms", {}, "mechanism"),
}


def _suggestions(store, kind: str, slug: str) -> list[str]:
    """The ids a person who asked for /id/{kind}/{slug} probably meant: the id in its own case when only the case
    differs, else close ids (the states by code or name, kg.answers.states), of resources of that kind (their IRIs
    under /id/{kind}/: a treaty is not suggested as an instrument); none for a kind the REST answers do not list."""
    try:
        if kind == "state":
            return [find_state(store, slug)["id"]]
        if kind in _LISTS:
            name, bindings, column = _LISTS[kind]
            prefix = f"{ID}{kind}/"
            rows = [r for r in run(store, name, **bindings) if (r.get(column) or "").startswith(prefix)]
            return [find(rows, slug, kind=kind)["id"]]
    except NotFound as exc:
        return exc.suggestions
    return []


def _format(request: Request, fmt: str | None) -> str | None:
    return negotiation.choose_format("graph", request.headers.get("accept"), fmt)


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt:
        return False
    ranges = negotiation.parse_accept(request.headers.get("accept"))
    return bool(ranges) and ranges[0][0] in ("text/html", "application/xhtml+xml")


def _graph_response(
    request: Request, store, triples, key: str, tag: str, *, iri: str | None = None
) -> Response:
    """The graph in format `key`, with an ETag; JSON-LD of a resource (`iri`) is framed on it with the
    published context (whose URL names this server, so it is part of the tag)."""
    framing = key == "jsonld" and iri is not None
    context = context_url(request) if framing else ""
    etag = '"' + hashlib.sha256(f"{store.version}|{tag}|{key}|{context}".encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300", "Vary": "Accept"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if framing:
        body = json.dumps(linked_data.framed(triples, iri, context_url=context), ensure_ascii=False).encode()
    else:
        body = graph_body(triples, key, PREFIXES)
    return Response(body, media_type=GRAPH_FORMATS[key][0], headers=headers)


@router.get(
    "/id/{kind}/{slug:path}",
    summary="Dereference a resource IRI",
    response_class=Response,
    responses=RESOURCE_RESPONSES,
    description="Turtle, JSON-LD or N-Triples by `Accept` (or `format=`); browsers are redirected (303) "
    "to the resource's page (or its JSON view). The graph is the resource's triples plus the records that point at it. "
    "JSON-LD is framed on the resource (its `@id` at the top, the records pointing at it nested "
    "under reverse terms such as `memberships`) and compacted with the published context "
    "`/context.jsonld`, whose terms are the REST answers' JSON fields. An unknown id is a 404 that suggests the "
    "ids meant (same id in another case, a state by another code, close ids) for the kinds the REST answers list "
    "(state, treaty, instrument, organization, norm, provision, obligation, mechanism); none for records. "
    "SPARQL:\n\n```sparql\n" + named_queries.get("describe-resource").text + "\n```",
)
def resource(kind: Kind, slug: str, request: Request, store: StoreDep, format: str | None = None) -> Response:
    iri = f"{ID}{kind}/{slug}"
    try:
        node = ox.NamedNode(iri)
        term_syntax(node)  # what the named queries will bind: refuses what pyoxigraph lets through
    except (ValueError, QueryError):  # not an IRI ('a b', '<>', '"', NUL, ...): no such resource can exist
        raise NotFound(kind, slug) from None
    if not store.ask(named_queries.get("resource-exists").text, bindings={"resource": node}):
        raise NotFound(kind, slug, _suggestions(store, kind, slug))
    if _wants_html(request, format):
        view = HTML_VIEWS.get(kind, "/id/{kind}/{slug}?format=jsonld")
        return RedirectResponse(view.format(kind=kind, slug=slug), status_code=303)
    key = _format(request, format)
    if key is None:
        return problem(
            406,
            "Not Acceptable",
            "this resource is available as " + ", ".join(sorted(set(negotiation.GRAPH_MEDIA))),
        )
    triples = store.construct(named_queries.get("describe-resource").text, bindings={"resource": node})
    return _graph_response(request, store, triples, key, iri, iri=iri)


@router.get(
    linked_data.CONTEXT_PATH,
    summary="The JSON-LD context",
    response_class=Response,
    responses={
        200: {
            "description": "The context of this API's JSON-LD: the JSON field names of the REST "
            "answers as terms, bound to the properties they read.",
            "content": {"application/ld+json": {"schema": {"type": "object"}}},
        },
        304: {"description": "Not modified: `If-None-Match` named the current ETag."},
    },
    description="The `@context` every JSON-LD answer of this API refers to. Static for a release: "
    "cacheable, with an ETag.",
)
def context(request: Request) -> Response:
    headers = {"ETag": linked_data.CONTEXT_ETAG, "Cache-Control": "public, max-age=86400"}
    if request.headers.get("if-none-match") == linked_data.CONTEXT_ETAG:
        return Response(status_code=304, headers=headers)
    return Response(linked_data.CONTEXT_DOCUMENT, media_type="application/ld+json", headers=headers)


@router.get(
    "/ontology",
    summary="The ontology",
    response_class=Response,
    responses=ONTOLOGY_RESPONSES,
    description="The cybergov ontology (prefix `cgo:`) by `Accept`.",
)
def ontology(request: Request, store: StoreDep, format: str | None = None) -> Response:
    key = _format(request, format) or "turtle"
    if _wants_html(request, format):
        key = "turtle"
    triples = store.construct(named_queries.get("ontology-graph").text)
    return _graph_response(request, store, triples, key, "ontology")
