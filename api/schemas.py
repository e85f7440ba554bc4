"""Pydantic response models: they are the OpenAPI contract of the REST routes (field names as in CONTRACT.md)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class GraphCounts(BaseModel):
    """Triples per graph."""

    asserted: int
    inferred: int
    ontology: int
    default: int | None = Field(default=None, description="The union asserted + ontology + inferred.")


class Health(BaseModel):
    status: str = Field(examples=["ok"], description="`ok`, or `inconsistent` (with status 503) when the "
                        "graphs served do not hold what the build recorded.")
    triples: int = Field(description="Triples in asserted + ontology + inferred.")
    version: str = Field(description="Content hash of the built graph.")
    graphs: GraphCounts | None = Field(default=None, description="Triples per graph, as served.")
    recorded: GraphCounts | None = Field(default=None, description="Triples per graph, as the build recorded them.")
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
    source_as_of: str | None = Field(default=None, description="The date the source states its figures as of.")


class Instrument(Sourced):
    coverage_note: str | None = Field(
        default=None, description="What the curated records leave out (e.g. a participation list known to be partial).")
    alt_labels: list[str] = Field(default_factory=list, description="Short names and official numbers.")
    kind: str | None = Field(default=None, examples=["treaty", "protocol", "regulation", "resolution"])
    adopted: str | None = None
    opened_for_signature: str | None = None
    entry_into_force: str | None = None
    application_date: str | None = None
    depositary: Ref | None = None
    adoption_place: str | None = None
    status: str | None = Field(default=None, examples=["in-force"])
    adopted_by: list[str] = Field(default_factory=list)
    official_texts: list[str] = Field(default_factory=list)


class Relation(BaseModel):
    relation: str = Field(examples=["supplements", "amends", "repeals", "endorses"])
    direction: str = Field(description="'outgoing': this instrument supplements the other; 'incoming': the reverse.")
    instrument: Ref


class InstrumentDetail(Instrument):
    related: list[Relation] = Field(default_factory=list)


class Participation(Sourced):
    """A state's participation in a treaty, with its status on the date asked."""

    state: Ref
    treaty: Ref
    signed: str | None = None
    consent_kind: str | None = Field(default=None, examples=["ratification", "accession"])
    consented: str | None = None
    in_force: str | None = Field(default=None, description="Entry into force for this state.")
    denounced: str | None = Field(default=None, description="The day a denunciation or withdrawal took effect.")
    denunciation_notified: str | None = None
    status_on_date: str | None = Field(
        default=None, description="party, contracting, signatory or none; null when the dates cannot tell (see note).")
    note: str | None = Field(default=None, description="Why the record cannot answer for the date, if it cannot.")
    reservations: str | None = None


class Organization(Sourced):
    coverage_note: str | None = Field(
        default=None, description="What the curated records leave out (e.g. members without dates).")
    alt_labels: list[str] = Field(default_factory=list, description="Acronyms and short names.")
    kind: str | None = Field(default=None, examples=["intergovernmental-organization", "agency"])
    founded: str | None = None
    parent: Ref | None = None


class OrganizationDetail(Organization):
    sub_organizations: list[Ref] = Field(default_factory=list)


class Membership(Sourced):
    member: Ref
    organization: Ref
    role: str | None = Field(default=None, examples=["member", "observer"])
    start: str | None = None
    end: str | None = Field(default=None, description="The first day the membership no longer held.")
    end_reason: str | None = None
    member_on_date: bool | None = Field(default=None, description="Whether it held on the date asked; null if unknown.")
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


class Endorsement(BaseModel):
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


class ProvisionRef(Ref):
    notation: str | None = None


class Obligation(Item):
    definition: str | None = None
    deontic_kind: str | None = Field(default=None, examples=["obligation", "prohibition", "permission"])
    deadline: str | None = Field(default=None, examples=["PT24H"])
    provision: ProvisionRef
    instrument: Ref
    addressees: list[Ref] = Field(default_factory=list)
    topics: list[Ref] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Page(BaseModel):
    total: int = Field(description="Items matching, before limit and offset.")
    limit: int
    offset: int


class InstrumentList(Page):
    items: list[Instrument]
    q: str | None = None
    kind: str | None = None


class TreatyList(Page):
    items: list[Instrument]
    q: str | None = None


class ParticipationList(Page):
    items: list[Participation]
    unknown: list[Participation] = Field(
        default_factory=list, description="Records that lack the date needed to answer for as_of, each with a note.")
    as_of: str
    status: str
    coverage_note: str | None = Field(
        default=None, description="The treaty's coverage note: what its participation records leave out, so a reader knows the list may be partial.")


class OrganizationList(Page):
    items: list[Organization]
    q: str | None = None


class MembershipList(Page):
    items: list[Membership]
    unknown: list[Membership] = Field(
        default_factory=list, description="Memberships that lack the date needed to answer for as_of, with a note.")
    as_of: str
    role: str
    coverage_note: str | None = Field(
        default=None, description="The organization's coverage note: what its membership records leave out.")


class StateList(Page):
    items: list[State]
    q: str | None = None


class NormList(Page):
    items: list[Norm]
    q: str | None = None


class ObligationList(Page):
    items: list[Obligation]
    instrument: str | None = None
    addressee: str | None = None
    topic: str | None = None
