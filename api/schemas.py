"""Pydantic response models: they are the OpenAPI contract of the REST routes (field names as in CONTRACT.md)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, create_model

EVIDENCE_DOC = (
    "The best evidence level among the record's sources: depositary (the depositary's or organization's "
    "own page), official (another official page, journal or treaty database) or secondary."
)


class ParameterError(BaseModel):
    parameter: str
    message: str


class Problem(BaseModel):
    """An error as RFC 9457 problem details (`application/problem+json`): `detail` says what went wrong.

    The members after `detail` appear where they apply: `parameter` (422), `suggestions` (404),
    `line`/`column` (400, the parser's position), `acceptable` (406).
    """

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found", "Invalid parameter", "Malformed query"])
    status: int = Field(ge=400, le=599)
    detail: str
    parameter: str | None = Field(default=None, description="The parameter that is invalid (422).")
    errors: list[ParameterError] | None = Field(default=None, description="Every invalid parameter (422).")
    suggestions: list[str] | None = Field(default=None, description="Ids close to the one not found (404).")
    line: int | None = Field(default=None, description="Line of a syntax error, from 1 (400).")
    column: int | None = Field(default=None, description="Column of a syntax error, from 1 (400).")
    file: str | None = Field(default=None, description="The file a syntax error is in (400, POST /validate).")
    acceptable: list[str] | None = Field(default=None, description="The media types it can be had in (406).")


class GraphCounts(BaseModel):
    """Triples per graph."""

    asserted: int
    inferred: int
    ontology: int
    default: int | None = Field(default=None, description="The union asserted + ontology + inferred.")


class Health(BaseModel):
    status: str = Field(
        examples=["ok"],
        description="`ok`, or `inconsistent` (with status 503) when the "
        "graphs served do not hold what the build recorded.",
    )
    triples: int = Field(description="Triples in asserted + ontology + inferred.")
    version: str = Field(description="Content hash of the built graph.")
    graphs: GraphCounts | None = Field(default=None, description="Triples per graph, as served.")
    recorded: GraphCounts | None = Field(
        default=None, description="Triples per graph, as the build recorded them."
    )
    consistent: bool = Field(default=True, description="Whether `graphs` matches `recorded`.")


class Ref(BaseModel):
    """A reference to another resource."""

    id: str | None = Field(description="Its id (slug, or alpha-3 for a state).")
    label: str | None = None
    iri: str


class Item(BaseModel):
    id: str
    iri: str
    label: str | None = None


class Sourced(Item):
    sources: list[str] = Field(default_factory=list, description="Pages of the authoritative sources.")
    source_as_of: str | None = Field(
        default=None, description="The date the source states its figures as of."
    )
    evidence: str | None = Field(default=None, description=EVIDENCE_DOC, examples=["depositary"])


class DateBound(BaseModel):
    """A sourced bound on a date (e.g. the as-of date of a chart that shows the event)."""

    not_before: str | None = Field(default=None, description="It happened on or after this day.")
    not_after: str | None = Field(default=None, description="It happened on or before this day.")
    source: str | None = Field(default=None, description="The page that gives the bound.")
    comment: str | None = None


class DateDerivation(BaseModel):
    """The treaty rule a date was derived by (an inference, never a stated date)."""

    rule: str = Field(description="IRI of the rule (a cgo:EntryIntoForceRule).")
    provision: str | None = Field(default=None, description="IRI of the provision that states the rule.")


DATE_DOC = """Every date field `X` comes with `X_precision`, `X_earliest`, `X_latest`, `X_bounds` and `X_derived`:
`X` is the date as the source gives it (`"1949"`, `"1949-04"`, `"1949-04-04"`), or for a derived date the day,
month or year it covers exactly (null when only bounded); `X_precision` is `day`, `month`, `year`, `bounded` or
`derived`; `X_earliest`/`X_latest` are the first and last day it stands for (the interval the rules compare with
the date asked; null on an open side); `X_bounds` lists the sourced bounds; `X_derived` names the treaty rule and
provision of a derived date."""


def date_field(what: str, name: str, example: str):
    """A date field: the value as the source gives it, at day, month or year precision."""
    return Field(
        default=None,
        examples=[example],
        description=(f"{what} As the source gives it: YYYY-MM-DD, YYYY-MM or YYYY (see `{name}_precision`)."),
    )


def dated(name: str, *dates: str) -> type[BaseModel]:
    """A model with the precision fields of the given date fields (see DATE_DOC)."""
    fields: dict = {}
    for d in dates:
        fields[f"{d}_precision"] = (
            str | None,
            Field(
                default=None,
                description=f"How `{d}` is known: day, month, year, bounded or derived.",
                examples=["year"],
            ),
        )
        fields[f"{d}_earliest"] = (str | None, Field(default=None, description=f"First day `{d}` may be."))
        fields[f"{d}_latest"] = (str | None, Field(default=None, description=f"Last day `{d}` may be."))
        fields[f"{d}_bounds"] = (
            list[DateBound],
            Field(default_factory=list, description=f"Sourced bounds on `{d}`."),
        )
        fields[f"{d}_derived"] = (
            DateDerivation | None,
            Field(default=None, description=f"The rule `{d}` was derived by, when it is an inference."),
        )
    return create_model(name, **fields)


class Cite(BaseModel):
    """How to cite this answer: the graph version it was computed from, the day it was asked, its URL."""

    text: str = Field(
        examples=[
            (
                "cybergov-kg, graph version 3f2a..., asked 2026-12-04, "
                "https://example.org/treaties/budapest-convention/parties?as_of=2020-01-01"
            )
        ]
    )
    graph_version: str
    asked: str = Field(description="The day the answer was asked for (YYYY-MM-DD, the server's date).")
    url: str


CITE_DOC = "How to cite this answer (graph version, day asked, URL)."


class ReportedTotal(BaseModel):
    """A total published by the depositary or organization (cgo:ReportedTotal), beside the records' own count."""

    count: int = Field(examples=[75])
    date: str = Field(description="The day (or month, year) the total held.", examples=["2024-06-20"])
    status: str = Field(examples=["party", "member"])
    iri: str
    sources: list[str] = Field(default_factory=list)
    source_as_of: str | None = None
    evidence: str | None = Field(default=None, description=EVIDENCE_DOC)


class Instrument(
    dated("InstrumentDates", "adopted", "opened_for_signature", "entry_into_force", "application_date"),
    Sourced,
):
    coverage_note: str | None = Field(
        default=None,
        description="What the curated records leave out (e.g. a participation list known to be partial).",
    )
    alt_labels: list[str] = Field(default_factory=list, description="Short names and official numbers.")
    kind: str | None = Field(default=None, examples=["treaty", "protocol", "regulation", "resolution"])
    adopted: str | None = date_field("The adoption date.", "adopted", "2001-11-08")
    opened_for_signature: str | None = date_field(
        "Opened for signature.", "opened_for_signature", "2001-11-23"
    )
    entry_into_force: str | None = date_field("Its own entry into force.", "entry_into_force", "2004-07-01")
    application_date: str | None = date_field("The date it applies from.", "application_date", "2019-06-27")
    depositary: Ref | None = None
    adoption_place: str | None = None
    status: str | None = Field(default=None, examples=["in-force"])
    adopted_by: list[str] = Field(default_factory=list)
    official_texts: list[str] = Field(default_factory=list)


class Relation(BaseModel):
    relation: str = Field(examples=["supplements", "amends", "repeals", "endorses"])
    direction: str = Field(
        description="'outgoing': this instrument supplements the other; 'incoming': the reverse."
    )
    instrument: Ref


class InstrumentDetail(Instrument):
    related: list[Relation] = Field(default_factory=list)
    cite: Cite | None = Field(default=None, description=CITE_DOC)


class Participation(
    dated("ParticipationDates", "signed", "consented", "in_force", "denounced", "denunciation_notified"),
    Sourced,
):
    """A state's participation in a treaty, with its status on the date asked."""

    state: Ref
    treaty: Ref
    signed: str | None = date_field("The signature.", "signed", "2001-11-23")
    consent_kind: str | None = Field(default=None, examples=["ratification", "accession"])
    consented: str | None = date_field(
        "Consent to be bound (deposit of the instrument).", "consented", "2006-01-10"
    )
    in_force: str | None = Field(
        default=None,
        description="Entry into force for this state (see `in_force_precision`"
        "; `in_force_derived` when derived by the treaty's rule).",
    )
    denounced: str | None = Field(
        default=None, description="The day a denunciation or withdrawal took effect."
    )
    denunciation_notified: str | None = None
    status_on_date: str | None = Field(
        default=None,
        description="party, contracting, signatory or none; null when the dates cannot tell (see note).",
    )
    note: str | None = Field(
        default=None, description="Why the record cannot answer for the date, if it cannot."
    )
    reservations: str | None = None


class Organization(dated("OrganizationDates", "founded"), Sourced):
    coverage_note: str | None = Field(
        default=None, description="What the curated records leave out (e.g. members without dates)."
    )
    alt_labels: list[str] = Field(default_factory=list, description="Acronyms and short names.")
    kind: str | None = Field(default=None, examples=["intergovernmental-organization", "agency"])
    founded: str | None = date_field("Founded.", "founded", "1949")
    parent: Ref | None = None


class OrganizationDetail(Organization):
    sub_organizations: list[Ref] = Field(default_factory=list)
    cite: Cite | None = Field(default=None, description=CITE_DOC)


class Membership(dated("MembershipDates", "start", "end"), Sourced):
    member: Ref
    organization: Ref
    role: str | None = Field(default=None, examples=["member", "observer"])
    start: str | None = date_field("The first day the membership held.", "start", "1949")
    end: str | None = Field(default=None, description="The first day the membership no longer held.")
    end_reason: str | None = None
    member_on_date: bool | None = Field(
        default=None, description="Whether it held on the date asked; null if unknown."
    )
    note: str | None = None


class State(Sourced):
    id: str = Field(description="ISO 3166-1 alpha-3.", examples=["FRA"])
    alpha2: str | None = Field(default=None, examples=["FR"])
    numeric: str | None = Field(default=None, examples=["250"])
    alt_labels: list[str] = Field(default_factory=list)


class StateProfile(State):
    as_of: str
    memberships: list[Membership] = Field(default_factory=list)
    treaties: list[Participation] = Field(default_factory=list)
    cite: Cite | None = Field(default=None, description=CITE_DOC)


class Endorsement(BaseModel):
    id: str | None = Field(default=None, description="The record's id (its IRI after .../id/endorsement/).")
    iri: str | None = None
    label: str | None = None
    endorser: Ref
    endorsed: Ref
    date: str | None = None
    sources: list[str] = Field(default_factory=list)


class Norm(Sourced):
    notation: str | None = Field(default=None, examples=["13(a)"])
    alt_labels: list[str] = Field(default_factory=list)
    definition: str | None = None
    instrument: Ref | None = None
    topics: list[Ref] = Field(default_factory=list)
    addressees: list[Ref] = Field(default_factory=list)


class NormDetail(Norm):
    endorsements: list[Endorsement] = Field(default_factory=list)
    cite: Cite | None = Field(default=None, description=CITE_DOC)


class ProvisionRef(Ref):
    notation: str | None = None


class Obligation(Sourced):
    definition: str | None = None
    deontic_kind: str | None = Field(default=None, examples=["obligation", "prohibition", "permission"])
    deadline: str | None = Field(default=None, examples=["PT24H"])
    provision: ProvisionRef
    instrument: Ref
    addressees: list[Ref] = Field(default_factory=list)
    topics: list[Ref] = Field(default_factory=list)


class Page(BaseModel):
    total: int = Field(description="Items matching, before limit and offset.")
    limit: int
    offset: int
    cite: Cite | None = Field(default=None, description=CITE_DOC)


class InstrumentList(Page):
    items: list[Instrument]
    q: str | None = None
    evidence: str | None = Field(default=None, description="The lowest evidence level counted (`evidence`).")
    kind: str | None = None


class TreatyList(Page):
    items: list[Instrument]
    q: str | None = None
    evidence: str | None = Field(default=None, description="The lowest evidence level counted (`evidence`).")


class ParticipationList(Page):
    items: list[Participation]
    unknown: list[Participation] = Field(
        default_factory=list,
        description="Records that lack the date needed to answer for as_of, each with a note.",
    )
    as_of: str
    status: str
    evidence: str | None = Field(
        default=None, description="The lowest evidence level counted (the `evidence` parameter)."
    )
    reported_total: ReportedTotal | None = Field(
        default=None,
        description="The latest total of this status the depositary published on or before as_of.",
    )
    coverage_note: str | None = Field(
        default=None,
        description="The treaty's coverage note: what its participation records leave out, so a reader knows "
        "the list may be partial.",
    )


class OrganizationList(Page):
    items: list[Organization]
    q: str | None = None
    evidence: str | None = Field(default=None, description="The lowest evidence level counted (`evidence`).")


class MembershipList(Page):
    items: list[Membership]
    unknown: list[Membership] = Field(
        default_factory=list,
        description="Memberships that lack the date needed to answer for as_of, with a note.",
    )
    as_of: str
    role: str
    evidence: str | None = Field(
        default=None, description="The lowest evidence level counted (the `evidence` parameter)."
    )
    reported_total: ReportedTotal | None = Field(
        default=None,
        description="The latest total of members the organization published on or before as_of (role member).",
    )
    coverage_note: str | None = Field(
        default=None, description="The organization's coverage note: what its membership records leave out."
    )


class StateList(Page):
    items: list[State]
    q: str | None = None
    evidence: str | None = Field(default=None, description="The lowest evidence level counted (`evidence`).")


class NormList(Page):
    items: list[Norm]
    q: str | None = None
    instrument: str | None = None
    evidence: str | None = Field(default=None, description="The lowest evidence level counted (`evidence`).")


class EndorsementList(Page):
    items: list[Endorsement]
    norm: Ref


class ObligationList(Page):
    items: list[Obligation]
    instrument: str | None = None
    addressee: str | None = None
    topic: str | None = None


class Provision(Sourced):
    notation: str | None = Field(default=None, examples=["Article 23"])
    instrument: Ref
    official_texts: list[str] = Field(default_factory=list, description="Links to the official text.")
    obligation_count: int = Field(description="How many obligations arise from the provision.")
    comment: str | None = Field(default=None, description="The curator's note on the record.")


class ProvisionDetail(Provision):
    obligations: list[Obligation] = Field(
        default_factory=list, description="The obligations that arise from it."
    )


class ProvisionList(Page):
    items: list[Provision]
    instrument: str | None = None


class Mechanism(dated("MechanismDates", "start"), Sourced):
    alt_labels: list[str] = Field(default_factory=list)
    kind: str | None = Field(default=None, examples=["exercise", "capacity-building-programme"])
    kind_label: str | None = Field(default=None, examples=["capacity-building programme"])
    definition: str | None = None
    start: str | None = date_field("Started.", "start", "2013-11-01")
    topics: list[Ref] = Field(default_factory=list)
    comment: str | None = Field(default=None, description="The curator's note on the record.")
    established_by: list[Ref] = Field(default_factory=list, description="The instruments that set it up.")
    operated_by: list[Ref] = Field(
        default_factory=list, description="The organizations or bodies that run it."
    )
    participant: list[Ref] = Field(
        default_factory=list, description="Who takes part, where the source lists them."
    )


class MechanismList(Page):
    items: list[Mechanism]
