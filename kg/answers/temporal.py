"""The temporal rules of the contract, one function per rule, applied to curated records.

Every rule answers True, False or None. None means the records cannot decide for the day asked (the
contract: say so, never guess); `why_unknown_*` gives the note to show, naming the interval and where it
came from.

Each date stands for an interval of days (kg.answers.intervals): one day, a month or a year as stated, a sourced
bound, or a window derived by a treaty's rule. "It happened on or before D" is True when the whole
interval is on or before D, False when it is all after D, None only when it straddles D.

Treaty participation follows the Vienna Convention on the Law of Treaties, art. 2(1)(f)-(g):
- signatory on D: signed on or before D and not yet consented to be bound on D;
- contracting on D: consented to be bound on or before D (in force for it or not);
- party on D: contracting, the treaty in force for it on D (its own entry-into-force date <= D),
  and no denunciation or withdrawal that has taken effect on or before D.
A membership holds on D when it started on or before D and its end (the first day it no longer
held) is after D or absent.

kg/queries/participations-on.rq and memberships-on.rq state the same rules in SPARQL; a test runs both
over every curated record and a grid of dates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from kg.answers.intervals import Interval, as_interval

# Consent procedures that involve no separate earlier signature (VCLT art. 12 and 15; succession).
NO_PRIOR_SIGNATURE = frozenset({"accession", "definitive-signature", "succession"})


def _intervals(record) -> None:
    """Let a record be built from plain days (tests, day-precise data): each becomes its one-day interval."""
    for f in fields(record):
        value = getattr(record, f.name)
        if isinstance(value, date):
            object.__setattr__(record, f.name, as_interval(value))


@dataclass(frozen=True)
class ParticipationDates:
    """The dates of one treaty participation record as intervals (None = nothing recorded)."""

    signed: Interval | None = None
    consent_kind: str | None = None  # slug of the consent concept: "ratification", "accession", ...
    consented: Interval | None = None
    in_force: Interval | None = None
    denounced: Interval | None = None  # the day the denunciation or withdrawal took effect
    denunciation_notified: Interval | None = None

    def __post_init__(self) -> None:
        _intervals(self)


@dataclass(frozen=True)
class MembershipDates:
    """The dates of one membership record (end = first day it no longer held)."""

    start: Interval | None = None
    end: Interval | None = None

    def __post_init__(self) -> None:
        _intervals(self)


def _on_or_before(interval: Interval | None, d: date) -> bool | None:
    return None if interval is None else interval.on_or_before(d)


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _and(*values: bool | None) -> bool | None:
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def denunciation_effective(p: ParticipationDates, d: date) -> bool | None:
    """Whether a denunciation or withdrawal has taken effect on or before d.

    None when its effective date straddles d, or when a denunciation was notified (possibly) on or before d
    but the source gives no effective date.
    """
    if p.denounced is not None:
        return p.denounced.on_or_before(d)
    if p.denunciation_notified is not None:
        return False if p.denunciation_notified.on_or_before(d) is False else None
    return False


def consented_on(p: ParticipationDates, d: date) -> bool | None:
    """Whether consent to be bound had been expressed on or before d.

    The consent date decides when its interval does; otherwise an entry into force for the state on or
    before d settles it (consent comes first); otherwise a recorded consent (date, kind) or entry into
    force gives None, and a record without any is False.
    """
    verdict = _on_or_before(p.consented, d)
    if verdict is not None:
        return verdict
    if _on_or_before(p.in_force, d):
        return True  # consent always precedes the treaty's entry into force for the state
    recorded = p.consented is not None or p.consent_kind is not None or p.in_force is not None
    return None if recorded else False


def is_contracting(p: ParticipationDates, d: date) -> bool | None:
    """Contracting state on d: consented on or before d, and no denunciation in effect on d."""
    return _and(consented_on(p, d), _not(denunciation_effective(p, d)))


def is_party(p: ParticipationDates, d: date) -> bool | None:
    """Party on d: contracting on d and the treaty in force for it on d (its own date <= d)."""
    return _and(is_contracting(p, d), _on_or_before(p.in_force, d))


def signed_on(p: ParticipationDates, d: date) -> bool | None:
    """Whether it had signed on or before d; a consent procedure without signature means it never signed."""
    verdict = _on_or_before(p.signed, d)
    if verdict is not None:
        return verdict
    if p.signed is None and p.consent_kind in NO_PRIOR_SIGNATURE:
        return False
    if p.consent_kind is not None and consented_on(p, d):
        return True  # it ratified (after signing) on or before d, so it had signed by then
    return None


def is_signatory(p: ParticipationDates, d: date) -> bool | None:
    """Signatory on d: signed on or before d, has not yet consented on d, no denunciation in effect."""
    return _and(signed_on(p, d), _not(consented_on(p, d)), _not(denunciation_effective(p, d)))


RULES = {"party": is_party, "contracting": is_contracting, "signatory": is_signatory}


def status_on(p: ParticipationDates, d: date) -> str | None:
    """The record's status on d: 'party', 'contracting', 'signatory' or 'none'; None if the dates cannot tell."""
    party = is_party(p, d)
    if party:
        return "party"
    contracting = is_contracting(p, d)
    if contracting and party is False:
        return "contracting"
    if contracting is None or party is None:
        return None
    signatory = is_signatory(p, d)
    if signatory is None:
        return None
    return "signatory" if signatory else "none"


def _straddles(what: str, interval: Interval, d: date) -> str:
    return f"{what} is known only as {interval.describe()}, which straddles {d.isoformat()}"


def why_unknown_participation(p: ParticipationDates, d: date, status: str) -> str | None:
    """The note for a record whose `status` on d cannot be decided, or None when it can."""
    if RULES[status](p, d) is not None:
        return None
    iso = d.isoformat()
    if denunciation_effective(p, d) is None:
        if p.denounced is not None:
            return _straddles("the day the denunciation took effect", p.denounced, d)
        return (
            f"a denunciation was notified ({p.denunciation_notified.describe()}); "
            "the source gives no date it took effect"
        )
    if consented_on(p, d) is None:
        if p.consented is not None:
            kind = p.consent_kind or "kind not recorded"
            return _straddles(f"consent to be bound ({kind})", p.consented, d)
        return (
            f"consent to be bound ({p.consent_kind}) is recorded without a date, "
            f"so it may or may not precede {iso}"
        )
    if status == "party":
        if p.in_force is not None:
            return _straddles("entry into force for this state", p.in_force, d)
        consent = p.consented.describe() if p.consented else "at a date not recorded"
        return f"consented ({consent}), but the source gives no date of entry into force for this state"
    if p.signed is not None:
        return _straddles("the signature", p.signed, d)
    return f"no signature date is recorded, so whether it had signed by {iso} is unknown"


def is_member(m: MembershipDates, d: date) -> bool | None:
    """Member on d: started on or before d and the end (first day no longer held) after d or absent."""
    ended = False if m.end is None else m.end.on_or_before(d)
    return _and(_on_or_before(m.start, d), _not(ended))


def why_unknown_membership(m: MembershipDates, d: date) -> str | None:
    """The note for a membership whose standing on d cannot be decided, or None when it can."""
    if is_member(m, d) is not None:
        return None
    if m.end is not None and m.end.on_or_before(d) is None:
        return _straddles("the first day it no longer held", m.end, d)
    if m.start is not None:
        return _straddles("the start", m.start, d)
    return f"the source gives no start date, so whether it held on {d.isoformat()} is unknown"
