"""Pages for people: the same answers as the REST routes, as HTML (Jinja2 templates in api/templates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from api import linked_data, sparql_examples
from api.deps import SettingsDep, StoreDep
from api.entity_parts import holdings, instrument_parts, organization_parts, state_parts
from api.representation import AsOf, Q, cite
from api.sorting import name_key, notation_key
from api.timeline import Bar, build_chart, gantt, membership_series, parse_span, treaty_series
from kg.answers import graphs, instruments, memberships, norms, organizations, participation, states
from kg.answers.common import as_of_date, concepts
from kg.answers.search import fold
from kg.answers.search import search as find
from kg.errors import NotFound
from kg.namespaces import ID

HERE = Path(__file__).resolve().parent.parent
templates = Jinja2Templates(directory=str(HERE / "templates"))


def source_host(url: str) -> str:
    """The host a source URL points at, for a link text a reader can judge (`coe.int`, `treaties.un.org`)."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def show_date(item: dict, name: str) -> Markup:
    """A date field of an answer item as a reader should see it: the day, or the month or year it is known to
    (never a guessed day), a bound, or a derived day, each marked as such."""
    span = parse_span(item, name)
    value = item.get(name)
    if span is None:
        return Markup("")
    if span.precision in ("year", "month"):
        return Markup(
            '<span class="imprecise" title="known only to the {0}">{1}</span> <small>({0})</small>'
        ).format(span.precision, value)
    if span.precision == "bounded" or not value:
        parts = ([f"not before {span.earliest}"] if span.earliest else []) + (
            [f"not after {span.latest}"] if span.latest else []
        )
        return Markup('<span class="imprecise" title="only bounded">{}</span>').format(", ".join(parts))
    if span.precision == "derived":
        return Markup('{} <small title="derived by the treaty\'s rule">(derived)</small>').format(value)
    return Markup("{}").format(value)


PAGES = {
    "state": "/ui/states",
    "organization": "/ui/organizations",
    "treaty": "/ui/treaties",
    "norm": "/ui/norms",
    "instrument": "/ui/instruments",
    "provision": "/ui/provisions",
    "obligation": "/ui/obligations",
    "mechanism": "/ui/mechanisms",
}


def page_for(ref: dict | None) -> str | None:
    """The page of a referenced resource, from the kind in its IRI (.../id/state/FRA -> /ui/states/FRA);
    None for kinds without a page here."""
    if not ref or not ref.get("iri", "").startswith(str(ID)):
        return None
    kind = ref["iri"][len(str(ID)) :].split("/", 1)[0]
    return f"{PAGES[kind]}/{ref['id']}" if kind in PAGES else None


def with_format(url: str, fmt: str) -> str:
    """A REST URL with `format=` set (the link a browser follows to download the answer as CSV or JSON)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "format"] + [
        ("format", fmt)
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))


def rest_url(path: str, **params: str | None) -> str:
    """A REST URL with the page's filters (those given)."""
    given = {k: v for k, v in params.items() if v}
    return path + ("?" + urlencode(given) if given else "")


def entity_jsonld(store, iri: str) -> Markup:
    """The JSON-LD of a page's entity (what describes it, with the context inline), for its
    <script type="application/ld+json">."""
    triples = graphs.description_graph(store, iri)
    return Markup(
        linked_data.script_json(linked_data.trimmed(linked_data.framed(triples, iri, context_url=None)))
    )  # escaped by script_json


templates.env.filters["host"] = source_host
templates.env.filters["with_format"] = with_format
templates.env.filters["page_for"] = page_for
templates.env.globals["show_date"] = show_date
router = APIRouter(prefix="/ui", tags=["pages"], include_in_schema=False)
COVERAGE_RETRY_SECONDS = 30  # Retry-After of a home page answered before its coverage table is ready
static = StaticFiles(directory=str(HERE / "static"))


def _page(request: Request, store, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"version": store.version, "cite": cite(request), **context}
    )


@router.get("", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """Every kind's list page with how many the graph holds, and how complete each treaty's records are (the table
    is computed once per graph version and day, on a thread: api.coverage_board; a page answered before it is ready
    says so, with a Retry-After header, and is not cached)."""
    table = request.app.state.coverage_board.table(store, date.today())
    response = _page(
        request,
        store,
        "home.html",
        q=None,
        holdings=holdings(store),
        coverage=table,
    )
    if table is None:
        response.headers["Cache-Control"] = "no-store"
        response.headers["Retry-After"] = str(COVERAGE_RETRY_SECONDS)
    return response


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Q = None) -> HTMLResponse:
    """Treaties, organizations, states and norms by any of their names, ranked, with the kind of each hit."""
    hits = find(store, q) if q else []
    if len(hits) == 1 and hits[0].score >= 80:
        return RedirectResponse(hit_page(hits[0].kind, hits[0].id), status_code=303)
    items = [
        {
            "id": h.id,
            "label": h.label,
            "href": hit_page(h.kind, h.id),
            "kind": h.kind,
            "extra": h.kind
            + (
                "" if fold(h.matched) == fold(h.label) or h.matched == h.kind else f" · matched “{h.matched}”"
            ),
        }
        for h in hits
    ]
    return _page(
        request,
        store,
        "list.html",
        title=f"Search: {q or ''}",
        q=q,
        items=items,
        base="/ui/search-hit",
        extra_heading="Kind",
        json_url=None,
        search=True,
    )


def hit_page(kind: str, ident: str) -> str:
    return f"{PAGES[kind]}/{ident}"


@router.get("/search-hit/{ident}")
def search_hit(ident: str, store: StoreDep) -> RedirectResponse:
    """Resolve an id to its page (ids are unique across the kinds' pages); kept for links made before search
    hits carried their own page."""
    for base, answer in (
        ("/ui/treaties", instruments.list_instruments(store, treaties_only=True)),
        ("/ui/organizations", organizations.list_organizations(store)),
        ("/ui/norms", norms.list_norms(store)),
    ):
        if any(i["id"] == ident for i in answer.items):
            return RedirectResponse(f"{base}/{ident}", status_code=303)
    return RedirectResponse(f"/ui/states/{ident}", status_code=303)


@router.get("/treaties", response_class=HTMLResponse)
def treaty_list(request: Request, store: StoreDep, q: Q = None) -> HTMLResponse:
    answer = instruments.list_instruments(store, q=q, treaties_only=True)
    items = sorted(
        [{**i, "extra": ", ".join(i["alt_labels"][:3])} for i in answer.items],
        key=lambda i: name_key(i["label"] or i["id"]),
    )
    return _page(
        request,
        store,
        "list.html",
        title="Treaties",
        q=q,
        items=items,
        base="/ui/treaties",
        extra_heading="Also known as",
        json_url=rest_url("/treaties", q=q),
    )


@router.get("/treaties/{id}", response_class=HTMLResponse)
def treaty(
    id: str, request: Request, store: StoreDep, as_of: AsOf = None, status: str | None = None
) -> HTMLResponse:
    on = as_of_date(as_of)
    checked = participation.check_status(status)
    item = instruments.get_instrument(store, id, treaties_only=True)
    answer = participation.treaty_parties(store, item["iri"], on=on, status=checked)
    history = (
        answer if checked == "all" else participation.treaty_parties(store, item["iri"], on=on, status="all")
    )
    totals = [t for t in [answer.echo.get("reported_total")] if t]
    chart = build_chart(
        treaty_series(
            history.items, totals=totals, opened=item.get("opened_for_signature") or item.get("adopted")
        ),
        on=on,
    )
    json_url = f"/treaties/{item['id']}/parties?" + urlencode({"as_of": on.isoformat(), "status": checked})
    return _page(
        request,
        store,
        "treaty.html",
        treaty=item,
        as_of=on.isoformat(),
        status=checked,
        answer={"items": by_name(answer.items, "state"), "unknown": by_name(answer.unknown or [], "state")},
        json_url=json_url,
        chart=chart,
        reported_total=answer.echo.get("reported_total"),
        jsonld=entity_jsonld(store, item["iri"]),
        parts=instrument_parts(store, item),
    )


@router.get("/organizations", response_class=HTMLResponse)
def organization_list(request: Request, store: StoreDep, q: Q = None) -> HTMLResponse:
    answer = organizations.list_organizations(store, q=q)
    items = sorted(
        [{**i, "extra": ", ".join(i["alt_labels"][:2])} for i in answer.items],
        key=lambda i: name_key(i["label"] or i["id"]),
    )
    return _page(
        request,
        store,
        "list.html",
        title="Organizations and bodies",
        q=q,
        items=items,
        base="/ui/organizations",
        extra_heading="Acronyms",
        json_url=rest_url("/organizations", q=q),
    )


@router.get("/organizations/{id}", response_class=HTMLResponse)
def organization(
    id: str, request: Request, store: StoreDep, as_of: AsOf = None, role: str | None = None
) -> HTMLResponse:
    on = as_of_date(as_of)
    item = organizations.get_organization(store, id)
    everyone = memberships.members(store, item["iri"], on=on, role="all")
    history = _membership_history(store, item["iri"], on=on)
    roles = sorted({h["role"] for h in history})
    if not role:  # the default: full members where the organization has them, else every role
        role = "member" if "member" in roles or not roles else "all"
    answer = everyone if role == "all" else memberships.members(store, item["iri"], on=on, role=role)
    shown = [h for h in history if role == "all" or h["role"] == role]
    totals = [t for t in [answer.echo.get("reported_total")] if t]
    chart = build_chart(membership_series(shown, role=role, totals=totals), on=on)
    labels = {slug: c["label"] or slug for slug, c in concepts(store, "MembershipRole").items()}
    json_url = f"/organizations/{item['id']}/members?" + urlencode(
        {"as_of": on.isoformat(), "role": answer.echo["role"]}
    )
    return _page(
        request,
        store,
        "organization.html",
        organization=item,
        as_of=on.isoformat(),
        role=answer.echo["role"],
        roles=[(r, labels.get(r, r)) for r in roles],
        answer={"items": answer.items, "unknown": answer.unknown or []},
        rows=by_name(answer.items + (answer.unknown or []), "member"),
        json_url=json_url,
        chart=chart,
        reported_total=answer.echo.get("reported_total"),
        jsonld=entity_jsonld(store, item["iri"]),
        parts=organization_parts(store, item),
    )


def _membership_history(store, organization_iri: str, *, on) -> list[dict]:
    """Every membership record of an organization, in every role, judged on `on` (the timeline's data)."""
    return [
        memberships.membership_item(r, on) for r in memberships.records(store, organization=organization_iri)
    ]


def by_name(items: list[dict], key: str) -> list[dict]:
    """Rows sorted by the name a reader looks for (the label of `item[key]`), not by code."""
    return sorted(items, key=lambda i: (name_key(i[key].get("label") or i[key]["id"]), i.get("role") or ""))


@router.get("/norms", response_class=HTMLResponse)
def norm_list(request: Request, store: StoreDep, q: Q = None, instrument: str | None = None) -> HTMLResponse:
    """Voluntary norms grouped by the instrument that states them, in the order of their letter or number."""
    items = norms.list_norms(store, q=q, instrument=instrument).items
    groups: dict[str, dict] = {}
    for item in sorted(items, key=lambda i: notation_key(i["notation"] or i["id"])):
        ref = item["instrument"] or {"id": "", "label": "Not tied to an instrument"}
        groups.setdefault(ref["id"], {"instrument": ref, "norms": []})["norms"].append(item)
    ordered = sorted(
        groups.values(), key=lambda g: name_key(g["instrument"]["label"] or g["instrument"]["id"])
    )
    json_url = rest_url("/norms", q=q, instrument=instrument)
    return _page(
        request,
        store,
        "norms.html",
        q=q,
        instrument=instrument,
        groups=ordered,
        count=len(items),
        json_url=json_url,
    )


@router.get("/norms/{id}", response_class=HTMLResponse)
def norm(id: str, request: Request, store: StoreDep) -> HTMLResponse:
    item = norms.get_norm(store, id)
    item["endorsements"] = sorted(
        item["endorsements"],
        key=lambda e: name_key((e["endorser"] or {}).get("label") or (e["endorser"] or {}).get("id") or ""),
    )
    siblings = (
        []
        if not item["instrument"]
        else sorted(
            (
                n
                for n in norms.list_norms(store).items
                if n["instrument"] and n["instrument"]["id"] == item["instrument"]["id"]
            ),
            key=lambda n: notation_key(n["notation"] or n["id"]),
        )
    )
    return _page(
        request, store, "norm.html", norm=item, siblings=siblings, jsonld=entity_jsonld(store, item["iri"])
    )


@router.get("/states", response_class=HTMLResponse)
def state_list(request: Request, store: StoreDep, q: Q = None) -> HTMLResponse:
    answer = states.list_states(store, q=q)
    items = sorted(
        [{**i, "extra": i["alpha2"]} for i in answer.items], key=lambda i: name_key(i["label"] or i["id"])
    )
    return _page(
        request,
        store,
        "list.html",
        title="States",
        q=q,
        items=items,
        base="/ui/states",
        extra_heading="Alpha-2",
        json_url=rest_url("/states", q=q),
    )


@router.get("/states/{id}", response_class=HTMLResponse)
def state(id: str, request: Request, store: StoreDep, as_of: AsOf = None) -> HTMLResponse:
    on = as_of_date(as_of)
    item = states.get_state(store, id, on=on)
    item["memberships"] = by_name(item["memberships"], "organization")
    item["treaties"] = by_name(item["treaties"], "treaty")
    bars = [
        Bar(
            f"{m['organization']['label'] or m['organization']['id']}"
            + (f" ({m['role']})" if m["role"] != "member" else ""),
            f"/ui/organizations/{m['organization']['id']}",
            "membership",
            parse_span(m, "start"),
            parse_span(m, "end"),
            f"{m['start'] or '?'} – {m['end'] or ''}",
        )
        for m in item["memberships"]
    ]
    for p in item["treaties"]:
        start = parse_span(p, "consented") or parse_span(p, "in_force")
        bars.append(
            Bar(
                p["treaty"]["label"] or p["treaty"]["id"],
                f"/ui/treaties/{p['treaty']['id']}",
                "treaty",
                start,
                parse_span(p, "denounced"),
                f"consented {p['consented'] or '?'}",
            )
        )
    chart = gantt(bars, on=on)
    urls = {
        "memberships": rest_url(f"/states/{item['id']}/memberships", as_of=on.isoformat(), role="all"),
        "treaties": rest_url(f"/states/{item['id']}/treaties", as_of=on.isoformat(), status="all"),
    }
    return _page(
        request,
        store,
        "state.html",
        state=item,
        as_of=on.isoformat(),
        chart=chart,
        urls=urls,
        jsonld=entity_jsonld(store, item["iri"]),
        parts=state_parts(store, item["iri"]),
    )


# The SPARQL page's table shows this many rows; the downloads carry the whole answer.
SHOWN_ROWS = 1000


@router.get("/sparql", response_class=HTMLResponse)
def sparql_page(
    request: Request, store: StoreDep, settings: SettingsDep, example: str | None = None
) -> HTMLResponse:
    """The editor, filled with an example (the first, or `example`: loading one works without script too)."""
    chosen = sparql_examples.example(example)
    groups: dict[str, list] = {}
    for item in sparql_examples.examples():
        groups.setdefault(item.group, []).append(item)
    return _page(
        request,
        store,
        "sparql.html",
        groups=groups,
        chosen=chosen,
        path=sparql_examples.path(chosen),
        text=sparql_examples.editor_text(chosen.name),
        codemirror=request.app.state.codemirror,
        shown_rows=SHOWN_ROWS,
        max_results=settings.max_results,
    )


@router.get("/sparql/examples/{name}.rq", response_class=PlainTextResponse)
def sparql_example(name: str) -> PlainTextResponse:
    """One example as the editor shows it (the page's script loads it; 404 for an unknown name)."""
    if name not in {e.name for e in sparql_examples.examples()}:
        raise NotFound(
            "example query", name, [e.name for e in sparql_examples.examples() if name in e.name][:5]
        )
    return PlainTextResponse(sparql_examples.editor_text(name), media_type="application/sparql-query")
