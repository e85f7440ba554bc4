"""GET /treaties, /treaties/{id} and /treaties/{id}/parties: what states sign and become party to, on a date."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.representation import DEFAULT_LIMIT, AsOf, Limit, Offset, Q, detail_answer, list_answer, sparql_doc
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES, RECORDS_RESPONSES
from api.schemas import InstrumentDetail, ParticipationList, TreatyList
from kg.service import graphs, instruments, participation
from kg.service.common import as_of_date

router = APIRouter(tags=["treaties"])

Status = Annotated[str | None, Query(description="party (default), contracting, signatory or all (any case).",
                                     json_schema_extra={"enum": list(participation.STATUS_VALUES)})]

RULES_DOC = """Statuses on `as_of` (default today), after the Vienna Convention on the Law of Treaties, art. 2(1)(f)-(g):
- **signatory**: signed on or before the date, and not yet consented to be bound;
- **contracting**: consented to be bound (ratification, acceptance, approval, accession, definitive signature) on or
  before the date, in force for it or not (parties are contracting states too);
- **party**: a contracting state for which the treaty is in force on the date (its own entry into force), and whose
  denunciation or withdrawal has not taken effect on or before it;
- **all**: every record, each with its `status_on_date`.

Records lacking the date needed to answer are listed in `unknown` with a `note`, never guessed.
`Accept: text/csv` gives a table, `Accept: application/ld+json` the participation records of the page."""


@router.get("/treaties", response_model=TreatyList, responses=LIST_RESPONSES, summary="Treaties",
            description=sparql_doc("instruments", intro=(
                "The instruments that states sign and become party to (treaties and protocols; the query is run "
                "with `of_class` bound to `cgo:Treaty`). `q` filters by label, alternative label or official number.")))
def list_treaties(request: Request, store: StoreDep, q: Q = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    return list_answer(request, instruments.list_instruments(store, q=q, treaties_only=True), TreatyList,
                       limit=limit, offset=offset)


@router.get("/treaties/{id}", response_model=InstrumentDetail, responses=DETAIL_RESPONSES, summary="One treaty",
            description=sparql_doc("instruments", "instrument-relations", intro=(
                "One treaty: labels, dates, depositary, related instruments, sources. "
                "`Accept: application/ld+json` gives its graph with its participation records.")))
def get_treaty(id: str, request: Request, store: StoreDep):
    item = instruments.get_instrument(store, id, treaties_only=True)
    return detail_answer(request, item, InstrumentDetail, graph=lambda: graphs.resource_graph(store, item["iri"]))


@router.get("/treaties/{id}/parties", response_model=ParticipationList, responses=RECORDS_RESPONSES,
            summary="States party to (or signatory of) a treaty on a date",
            description=sparql_doc("participations", intro=RULES_DOC))
def treaty_parties(id: str, request: Request, store: StoreDep, as_of: AsOf = None, status: Status = None,
                   limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    on = as_of_date(as_of)
    checked = participation.check_status(status)
    treaty = instruments.get_instrument(store, id, treaties_only=True)
    answer = participation.treaty_parties(store, treaty["iri"], on=on, status=checked)
    answer.echo["coverage_note"] = treaty["coverage_note"]
    return list_answer(request, answer, ParticipationList, limit=limit, offset=offset,
                       graph=lambda items: graphs.records_graph(store, [i["iri"] for i in items]))
