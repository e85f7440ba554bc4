"""The participation and membership records of the date routes, in memory, per graph version.

GET /treaties/{id}/parties, /organizations/{id}/members, /states/{id}/treaties and /states/{id}/memberships
read their records here. The first request for a scope (a treaty, a participant, an organization, a member)
runs its named queries (participations.rq or memberships.rq with the scope bound, date-intervals.rq and
date-bounds.rq for its records); each record then carries, for the life of the graph version, its item
and its verdicts on every day (kg.answers.records), so every later request for that scope, whatever its
`as_of`, costs no SPARQL and no rule evaluation. Scopes fill on first use rather than all at once, so
opening a store of a million triples does not wait for every record of it. A record reached from two scopes
(its treaty and its state) is one object, judged once.

A store that derives values per version (kg.store.cached.CachedStore.derived: the embedded store's fixed
version, or the version a remote store re-reads in the background after a `cybergov push`) keeps one index
until its version changes; any other store gets a fresh index on each call.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.answers.common import best_evidence, run
from kg.answers.dates import intervals
from kg.answers.records import MEMBERSHIP_DATES, PARTICIPATION_DATES, Membership, Participation, spans_of
from kg.memory_only import require_store_read
from kg.querying import Row, Store
from kg.single_flight import SingleFlight


def _node(iri: str | None) -> ox.NamedNode | None:
    return ox.NamedNode(iri) if iri is not None else None


class RecordIndex:
    """The records of one graph version by scope, filled on first use. Safe to share between threads: requests
    that ask for a scope not read yet at the same time wait for one reading (kg.single_flight)."""

    def __init__(self, store: Store, version: str) -> None:
        self.store = store
        self.version = version
        self._scopes: dict[tuple, list] = {}
        self._records: dict[str, Participation | Membership] = {}
        self._flights = SingleFlight()
        self.reads = 0  # scopes read from the store (tests, diagnostics)

    def _record(self, kind: type, fields: dict[str, str], row: Row, spans: dict):
        known = self._records.get(row["record"])
        if known is None or known.row != row:
            known = kind(row, spans_of(row["record"], fields, spans), best_evidence(row["evidence_levels"]))
            _ = (
                known.verdicts,
                known.base,
            )  # derived once, here, rather than by the first request that needs them
            self._records[row["record"]] = known
        return known

    def _fill(self, key: tuple, query: str, kind: type, fields: dict[str, str], **bound) -> list:
        found = self._scopes.get(key)
        if found is None:
            require_store_read()  # never wait for another request's read where reading is not allowed
            found = self._flights.run(key, lambda: self._read(key, query, kind, fields, bound))
        return found

    def _read(self, key: tuple, query: str, kind: type, fields: dict[str, str], bound: dict) -> list:
        found = self._scopes.get(key)  # read by a request that finished just before this one asked
        if found is None:
            rows = run(self.store, query, **{k: _node(v) for k, v in bound.items()})
            spans = intervals(self.store, [r["record"] for r in rows])
            found = [self._record(kind, fields, row, spans) for row in rows]
            self._scopes[key] = found
            self.reads += 1
        return found

    def participations(
        self, *, treaty: str | None = None, participant: str | None = None
    ) -> list[Participation]:
        """The records of a treaty, of a participant, or of both (in participations.rq's order)."""
        return list(
            self._fill(
                ("participations", treaty, participant),
                "participations",
                Participation,
                PARTICIPATION_DATES,
                treaty=treaty,
                participant=participant,
            )
        )

    def memberships(
        self, *, organization: str | None = None, member: str | None = None, role: str | None = None
    ) -> list[Membership]:
        """The records of an organization, of a member, or of both, in one role (None: every role)."""
        found = self._fill(
            ("memberships", organization, member),
            "memberships",
            Membership,
            MEMBERSHIP_DATES,
            organization=organization,
            member=member,
        )
        return [r for r in found if role is None or r.row["role"] == role]


def of(store: Store) -> RecordIndex:
    """The index of the store's current graph version (one per version on a store that derives per version)."""
    derived = getattr(store, "derived", None)
    if derived is None:
        return RecordIndex(store, store.version)
    return derived("record-index", lambda inner: RecordIndex(inner, inner.version))


__all__ = ["RecordIndex", "of"]
