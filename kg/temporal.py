"""The temporal rules of the contract, one function per rule, applied to curated records.

Every rule answers True, False or None. None means the record lacks a date needed to answer for
the day asked (the contract: say so, never guess); `why_unknown` gives the note to show.

Treaty participation follows the Vienna Convention on the Law of Treaties, art. 2(1)(f)-(g):
- signatory on D: signed on or before D and not yet consented to be bound on D;
- contracting on D: consented to be bound on or before D (in force for it or not);
- party on D: contracting, the treaty in force for it on D (its own entry-into-force date <= D),
  and no denunciation or withdrawal that has taken effect on or before D.
A membership holds on D when it started on or before D and its end (the first day it no longer
held) is after D or absent.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Consent procedures that involve no separate earlier signature (VCLT art. 12 and 15; succession).
NO_PRIOR_SIGNATURE = frozenset({"accession", "definitive-signature", "succession"})
STATUSES = ("party", "contracting", "signatory")


@dataclass(frozen=True)
class ParticipationDates:
    """The dates of one treaty participation record, as the source gives them (None = not given)."""

    signed: date | None = None
    consent_kind: str | None = None  # slug of the consent concept: "ratification", "accession", ...
    consented: date | None = None
    in_force: date | None = None
    denounced: date | None = None  # the day the denunciation or withdrawal took effect
    denunciation_notified: date | None = None


@dataclass(frozen=True)
class MembershipDates:
    """The dates of one membership record (end = first day it no longer held)."""

    start: date | None = None
    end: date | None = None


def _on_or_before(day: date | None, d: date) -> bool | None:
    return None if day is None else day <= d


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def denunciation_effective(p: ParticipationDates, d: date) -> bool | None:
    """Whether a denunciation or withdrawal has taken effect on or before d.

    None when a denunciation was notified on or before d but the source gives no effective date.
    """
    if p.denounced is not None:
        return p.denounced <= d
    if p.denunciation_notified is not None and p.denunciation_notified <= d:
        return None
    return False


def consented_on(p: ParticipationDates, d: date) -> bool | None:
    """Whether consent to be bound had been expressed on or before d.

    Without a consent date, an entry into force for the state on or before d settles it (consent comes
    first); otherwise a recorded consent (kind) or entry into force without dates gives None.
    """
    if p.consented is not None:
        return p.consented <= d
    if p.in_force is not None and p.in_force <= d:
        return True  # consent always precedes the treaty's entry into force for the state
    return None if (p.consent_kind is not None or p.in_force is not None) else False


def _and(*values: bool | None) -> bool | None:
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def is_contracting(p: ParticipationDates, d: date) -> bool | None:
    """Contracting state on d: consented on or before d, and no denunciation in effect on d."""
    return _and(consented_on(p, d), _not(denunciation_effective(p, d)))


def is_party(p: ParticipationDates, d: date) -> bool | None:
    """Party on d: contracting on d and the treaty in force for it on d (its own date <= d)."""
    return _and(is_contracting(p, d), _on_or_before(p.in_force, d))


def signed_on(p: ParticipationDates, d: date) -> bool | None:
    """Whether it had signed on or before d; a consent procedure without signature means it never signed."""
    if p.signed is not None:
        return p.signed <= d
    if p.consent_kind in NO_PRIOR_SIGNATURE:
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


def why_unknown_participation(p: ParticipationDates, d: date, status: str) -> str | None:
    """The note for a record whose `status` on d cannot be decided, or None when it can."""
    if RULES[status](p, d) is not None:
        return None
    iso = d.isoformat()
    if denunciation_effective(p, d) is None:
        return f"a denunciation was notified on {p.denunciation_notified}; the source gives no date it took effect"
    if consented_on(p, d) is None:
        return f"consent to be bound ({p.consent_kind}) is recorded without a date, so it may or may not precede {iso}"
    if status == "party":
        return f"consented on {p.consented}, but the source gives no date of entry into force for this state"
    return f"no signature date is recorded, so whether it had signed by {iso} is unknown"


def is_member(m: MembershipDates, d: date) -> bool | None:
    """Member on d: started on or before d and the end (first day no longer held) after d or absent."""
    if m.end is not None and m.end <= d:
        return False
    if m.start is None:
        return None
    return m.start <= d


def why_unknown_membership(m: MembershipDates, d: date) -> str | None:
    """The note for a membership whose standing on d cannot be decided, or None when it can."""
    if is_member(m, d) is not None:
        return None
    return f"the source gives no start date, so whether it held on {d.isoformat()} is unknown"
