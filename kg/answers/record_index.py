"""Every participation and membership record in memory, grouped the way the date routes ask, per graph version.

GET /treaties/{id}/parties, /organizations/{id}/members, /states/{id}/treaties and /states/{id}/memberships
read their records here: four named queries over the whole graph (participations.rq, memberships.rq with
nothing bound, date-intervals.rq and date-bounds.rq) are run once per graph version, and each record
carries its verdicts on every day (kg.answers.records), so a new `as_of` costs no SPARQL and no rule
evaluation. A store that derives values per version (kg.store.cached.CachedStore.derived: the embedded
store's fixed version, or the version a remote store re-reads in the background after a `cybergov push`)
keeps one index until its version changes; any other store gets a fresh index on each call.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.answers.common import best_evidence, run
from kg.answers.dates import all_intervals
from kg.answers.records import MEMBERSHIP_DATES, PARTICIPATION_DATES, Membership, Participation, spans_of
from kg.querying import Store


@dataclass
class RecordIndex:
    """The records of one graph version by treaty, participant, organization and member (IRIs)."""

    version: str
    by_treaty: dict[str, list[Participation]] = field(default_factory=dict)
    by_participant: dict[str, list[Participation]] = field(default_factory=dict)
    by_organization: dict[str, list[Membership]] = field(default_factory=dict)
    by_member: dict[str, list[Membership]] = field(default_factory=dict)

    def participations(self, *, treaty: str | None = None, participant: str | None = None) -> list[Participation]:
        """The records of a treaty, or of a participant, or of both (in the query's order)."""
        if treaty is not None:
            found = self.by_treaty.get(treaty, [])
            return [r for r in found if r.row["participant"] == participant] if participant else list(found)
        return list(self.by_participant.get(participant, [])) if participant else []

    def memberships(self, *, organization: str | None = None, member: str | None = None,
                    role: str | None = None) -> list[Membership]:
        """The records of an organization, or of a member, or of both, in one role (None: every role)."""
        if organization is not None:
            found = self.by_organization.get(organization, [])
            if member is not None:
                found = [r for r in found if r.row["member"] == member]
        else:
            found = self.by_member.get(member, []) if member is not None else []
        return [r for r in found if role is None or r.row["role"] == role]


def build(store: Store) -> RecordIndex:
    """Read every record of the store (four queries) and derive what each needs on any day."""
    version = store.version
    spans = all_intervals(store)
    index = RecordIndex(version)
    for row in run(store, "participations"):
        record = Participation(row, spans_of(row["record"], PARTICIPATION_DATES, spans),
                               best_evidence(row["evidence_levels"]))
        _ready(record)
        index.by_treaty.setdefault(row["treaty"], []).append(record)
        index.by_participant.setdefault(row["participant"], []).append(record)
    for row in run(store, "memberships"):
        record = Membership(row, spans_of(row["record"], MEMBERSHIP_DATES, spans), best_evidence(row["evidence_levels"]))
        _ready(record)
        index.by_organization.setdefault(row["organization"], []).append(record)
        index.by_member.setdefault(row["member"], []).append(record)
    return index


def _ready(record: Participation | Membership) -> None:
    """Derive now, while the index is built, what requests would otherwise derive on first use."""
    _ = record.verdicts, record.base


def of(store: Store) -> RecordIndex:
    """The index of the store's current graph version (built on first use, and again after a new version)."""
    derived = getattr(store, "derived", None)
    if derived is None:
        return build(store)
    return derived("record-index", build)


__all__ = ["RecordIndex", "build", "of"]
