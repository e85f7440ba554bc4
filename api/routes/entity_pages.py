"""Pages for the kinds of entity beyond treaties, organizations, states and norms (api/routes/pages.py):
instruments of every kind, provisions, obligations and mechanisms, each row with its sources and evidence."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from api.deps import StoreDep
from api.entity_parts import instrument_parts
from api.routes.pages import _page, templates
from api.sorting import duration_words, name_key, notation_key
from kg.answers import instruments, mechanisms, norms, provisions
from kg.querying import Store

router = APIRouter(prefix="/ui", tags=["pages"], include_in_schema=False)
templates.env.filters["duration"] = duration_words


@router.get("/instruments", response_class=HTMLResponse)
def instrument_list(request: Request, store: StoreDep) -> HTMLResponse:
    """Every instrument, binding or not, grouped by kind; treaties link to their participation pages."""
    groups: dict[str, list[dict]] = {}
    for item in instruments.list_instruments(store).items:
        groups.setdefault(item["kind"] or "instrument", []).append(item)
    ordered = [
        {"kind": kind, "items": sorted(items, key=lambda i: name_key(i["label"] or i["id"]))}
        for kind, items in sorted(groups.items())
    ]
    return _page(
        request,
        store,
        "instruments.html",
        groups=ordered,
        count=sum(len(g["items"]) for g in ordered),
        treaty_ids={i["id"] for i in instruments.list_instruments(store, treaties_only=True).items},
    )


@router.get("/instruments/{id}", response_class=HTMLResponse)
def instrument(id: str, request: Request, store: StoreDep) -> HTMLResponse:
    item = instruments.get_instrument(store, id)
    if _is_treaty(store, item):  # a treaty's page is its participation page
        return RedirectResponse(f"/ui/treaties/{item['id']}", status_code=303)
    return _page(request, store, "instrument.html", instrument=item, parts=instrument_parts(store, item))


def _is_treaty(store: Store, item: dict) -> bool:
    return any(t["iri"] == item["iri"] for t in instruments.list_instruments(store, treaties_only=True).items)


@router.get("/provisions", response_class=HTMLResponse)
def provision_list(request: Request, store: StoreDep) -> HTMLResponse:
    """Every provision, grouped by instrument, in article order."""
    groups: dict[str, dict] = {}
    for item in provisions.list_provisions(store).items:
        groups.setdefault(item["instrument"]["iri"], {"instrument": item["instrument"], "items": []})[
            "items"
        ].append(item)
    ordered = sorted(
        groups.values(), key=lambda g: name_key(g["instrument"]["label"] or g["instrument"]["id"])
    )
    for group in ordered:
        group["items"].sort(key=lambda p: notation_key(p["notation"] or p["id"]))
    return _page(
        request, store, "provisions.html", groups=ordered, count=sum(len(g["items"]) for g in ordered)
    )


@router.get("/provisions/{id}", response_class=HTMLResponse)
def provision(id: str, request: Request, store: StoreDep) -> HTMLResponse:
    return _page(request, store, "provision.html", provision=provisions.get_provision(store, id))


@router.get("/obligations", response_class=HTMLResponse)
def obligation_list(request: Request, store: StoreDep, instrument: str | None = None) -> HTMLResponse:
    """Binding obligations grouped by instrument, in the order of their articles; `instrument` keeps one."""
    answer = norms.list_obligations(store, instrument=instrument)
    groups: dict[str, dict] = {}
    for item in answer.items:
        groups.setdefault(item["instrument"]["iri"], {"instrument": item["instrument"], "items": []})[
            "items"
        ].append(item)
    ordered = sorted(
        groups.values(), key=lambda g: name_key(g["instrument"]["label"] or g["instrument"]["id"])
    )
    for group in ordered:
        group["items"].sort(
            key=lambda o: (notation_key(o["provision"]["notation"] or o["provision"]["id"]), o["id"])
        )
    json_url = "/obligations?limit=1000" + (f"&instrument={instrument}" if instrument else "")
    return _page(
        request,
        store,
        "obligations.html",
        groups=ordered,
        count=len(answer.items),
        instrument=instrument,
        json_url=json_url,
    )


@router.get("/obligations/{id}", response_class=HTMLResponse)
def obligation(id: str, request: Request, store: StoreDep) -> HTMLResponse:
    item = norms.get_obligation(store, id)
    siblings = [
        o
        for o in norms.obligations_of(store, provision_iri=item["provision"]["iri"])
        if o["id"] != item["id"]
    ]
    return _page(request, store, "obligation.html", obligation=item, siblings=siblings)


@router.get("/mechanisms", response_class=HTMLResponse)
def mechanism_list(request: Request, store: StoreDep) -> HTMLResponse:
    """Every mechanism, grouped by kind (exercise, network, programme, ...)."""
    groups: dict[str, dict] = {}
    for item in mechanisms.list_mechanisms(store).items:
        groups.setdefault(item["kind"], {"kind": item["kind_label"] or item["kind"], "items": []})[
            "items"
        ].append(item)
    ordered = sorted(groups.values(), key=lambda g: g["kind"])
    for group in ordered:
        group["items"].sort(key=lambda m: name_key(m["label"] or m["id"]))
    return _page(
        request, store, "mechanisms.html", groups=ordered, count=sum(len(g["items"]) for g in ordered)
    )


@router.get("/mechanisms/{id}", response_class=HTMLResponse)
def mechanism(id: str, request: Request, store: StoreDep) -> HTMLResponse:
    item = mechanisms.get_mechanism(store, id)
    item["participant"] = sorted(item["participant"], key=lambda r: name_key(r["label"] or r["id"]))
    return _page(request, store, "mechanism.html", mechanism=item)
