"""GET /treaties, /treaties/{id} and /treaties/{id}/parties: what states sign and become party to, on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import StoreDep
from api.list_json import ListJson
from api.memory_first import answers_from_memory
from api.representation import (
    DEFAULT_LIMIT,
    AsOf,
    DetailFormat,
    Evidence,
    Limit,
    ListFormat,
    Offset,
    Q,
    RecordsFormat,
    detail_answer,
    list_answer,
    records_answer,
    sparql_doc,
)
from api.responses import DETAIL_RESPONSES, LIST_RESPONSES, RECORDS_RESPONSES
from api.schemas import DATE_DOC, InstrumentDetail, ParticipationList, TreatyList
from kg.answers import graphs, instruments, participation
from kg.answers.common import as_of_date, evidence_param

router = APIRouter(tags=["treaties"])

Status = Annotated[
    str | None,
    Query(
        description="party (default), contracting, signatory or all (any case).",
        json_schema_extra={"enum": list(participation.STATUS_VALUES)},
    ),
]

RULES_DOC = (
    """Statuses on `as_of` (default today), after the Vienna Convention on the Law of Treaties, art. 2(1)(f)-(g):
- **signatory**: signed on or before the date, and not yet consented to be bound;
- **contracting**: consented to be bound (ratification, acceptance, approval, accession, definitive signature) on or
  before the date, in force for it or not (parties are contracting states too);
- **party**: a contracting state for which the treaty is in force on the date (its own entry into force), and whose
  denunciation or withdrawal has not taken effect on or before it;
- **all**: every record, each with its `status_on_date`.

Each date stands for the interval of days it is known to: a day, a month or a year as the source gives it, a
sourced bound (not before / not after), or a window derived by the treaty's own rule. A status is decided when
the whole interval is on one side of `as_of`; records whose interval straddles it (or that lack the date) are
listed in `unknown` with a `note` naming the interval and where it came from, never guessed.

"""
    + DATE_DOC
    + """

Each item carries `evidence` (the best level among its sources); `evidence=` keeps only records at that level or
better (depositary > official > secondary). `reported_total` is the depositary's own count of this status (the
latest dated on or before `as_of`), beside `total`, the count of the records.
`Accept: text/csv` gives a table, `Accept: application/ld+json` the participation records of the page.

**Reproduce the answer in SPARQL** with `participations-on.rq` (first below): bind `?treaty` (or `?participant`),
`?on` (an `xsd:date`), `?status` and optionally `?min_evidence` by a `VALUES` block; each row's `?list` says
whether it is in `items` or `unknown`, and `?status_on_date` is its status (`unknown` where JSON gives null).
The route computes the same rules from the records (`participations.rq`, the intervals of their dates
`date-intervals.rq` and `date-bounds.rq`) and the published totals (`reported-totals.rq`)."""
)

# the JSON of the participation lists (GET /treaties/{id}/parties, /states/{id}/treaties): items encoded once
PARTICIPATIONS_JSON = ListJson(ParticipationList, dynamic=("status_on_date", "note"))
PARTICIPATION_QUERIES = (
    "participations-on",
    "participations",
    "date-intervals",
    "date-bounds",
    "reported-totals",
)


@router.get(
    "/treaties",
    response_model=TreatyList,
    responses=LIST_RESPONSES,
    summary="Treaties",
    description=sparql_doc(
        "instruments",
        "date-intervals",
        "date-bounds",
        intro=(
            "The instruments that states sign and become party to (treaties and protocols; the query is run "
            "with `of_class` bound to `cgo:Treaty`). `q` filters by label, alternative label or official number."
        ),
    ),
)
@answers_from_memory
def list_treaties(
    request: Request,
    store: StoreDep,
    q: Q = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: ListFormat = None,
):
    answer = instruments.list_instruments(store, q=q, treaties_only=True).at_least(evidence_param(evidence))
    return list_answer(request, answer, TreatyList, limit=limit, offset=offset, fmt=format)


@router.get(
    "/treaties/{id}",
    response_model=InstrumentDetail,
    responses=DETAIL_RESPONSES,
    summary="One treaty",
    description=sparql_doc(
        "instruments",
        "instrument-relations",
        "date-intervals",
        "date-bounds",
        intro=(
            "One treaty: labels, dates, depositary, related instruments, sources. "
            "`Accept: application/ld+json` gives its graph with its participation records."
        ),
    ),
)
@answers_from_memory
def get_treaty(id: str, request: Request, store: StoreDep, format: DetailFormat = None):
    item = instruments.get_instrument(store, id, treaties_only=True)
    return detail_answer(
        request, item, InstrumentDetail, fmt=format, graph=lambda: graphs.resource_graph(store, item["iri"])
    )


@router.get(
    "/treaties/{id}/parties",
    response_model=ParticipationList,
    responses=RECORDS_RESPONSES,
    summary="States party to (or signatory of) a treaty on a date",
    description=sparql_doc(*PARTICIPATION_QUERIES, intro=RULES_DOC),
)
@answers_from_memory
def treaty_parties(
    id: str,
    request: Request,
    store: StoreDep,
    as_of: AsOf = None,
    status: Status = None,
    evidence: Evidence = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: RecordsFormat = None,
):
    on = as_of_date(as_of)
    checked = participation.check_status(status)
    level = evidence_param(evidence)
    treaty = instruments.known_treaty(store, id)
    found = participation.treaty_parties(store, treaty["iri"], on=on, status=checked, evidence=level)
    found.echo["coverage_note"] = treaty["coverage_note"]
    return records_answer(
        request,
        store,
        found,
        ParticipationList,
        PARTICIPATIONS_JSON,
        limit=limit,
        offset=offset,
        fmt=format,
    )
