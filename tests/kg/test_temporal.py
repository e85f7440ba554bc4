"""The temporal rules of the contract (VCLT art. 2(1)(f)-(g) and membership on a date), one test per rule."""
from __future__ import annotations

from datetime import date

from kg.temporal import (MembershipDates, ParticipationDates, is_contracting, is_member, is_party,
                         is_signatory, status_on, why_unknown_membership, why_unknown_participation)

D = date.fromisoformat

SIGNED_ONLY = ParticipationDates(signed=D("2001-11-23"))
RATIFIED = ParticipationDates(signed=D("2001-11-23"), consent_kind="ratification", consented=D("2006-01-10"),
                              in_force=D("2006-05-01"))
DENOUNCED = ParticipationDates(signed=D("2001-11-23"), consent_kind="ratification", consented=D("2005-01-10"),
                               in_force=D("2005-05-01"), denounced=D("2020-07-01"))


def test_signatory_rule_signed_on_or_before_and_not_yet_consented():
    assert is_signatory(SIGNED_ONLY, D("2001-11-23")) is True
    assert is_signatory(SIGNED_ONLY, D("2001-11-22")) is False
    assert is_signatory(RATIFIED, D("2006-01-09")) is True
    assert is_signatory(RATIFIED, D("2006-01-10")) is False  # consented that day: contracting now


def test_contracting_rule_consented_whether_or_not_in_force():
    assert is_contracting(RATIFIED, D("2006-01-09")) is False
    assert is_contracting(RATIFIED, D("2006-01-10")) is True
    assert is_contracting(RATIFIED, D("2006-04-30")) is True
    assert is_party(RATIFIED, D("2006-04-30")) is False


def test_party_rule_in_force_for_the_state():
    assert is_party(RATIFIED, D("2006-05-01")) is True
    assert status_on(RATIFIED, D("2006-05-01")) == "party"
    assert status_on(RATIFIED, D("2006-04-30")) == "contracting"
    assert status_on(RATIFIED, D("2006-01-09")) == "signatory"
    assert status_on(RATIFIED, D("2001-11-22")) == "none"


def test_party_rule_denunciation_takes_effect_on_its_date():
    assert is_party(DENOUNCED, D("2020-06-30")) is True
    assert is_party(DENOUNCED, D("2020-07-01")) is False
    assert is_contracting(DENOUNCED, D("2020-07-01")) is False
    assert is_signatory(DENOUNCED, D("2020-07-01")) is False
    assert status_on(DENOUNCED, D("2021-01-01")) == "none"


def test_missing_entry_into_force_leaves_party_unknown_but_contracting_known():
    record = ParticipationDates(signed=D("2010-01-01"), consent_kind="ratification", consented=D("2012-01-01"))
    assert is_contracting(record, D("2013-01-01")) is True
    assert is_party(record, D("2013-01-01")) is None
    assert status_on(record, D("2013-01-01")) is None
    assert "entry into force" in why_unknown_participation(record, D("2013-01-01"), "party")
    assert is_party(record, D("2011-01-01")) is False  # not yet consented: certainly not a party


def test_consent_without_date_is_unknown_not_guessed():
    record = ParticipationDates(signed=D("2010-01-01"), consent_kind="ratification")
    assert is_contracting(record, D("2015-01-01")) is None
    assert is_signatory(record, D("2015-01-01")) is None
    assert is_signatory(record, D("2009-12-31")) is False  # not signed yet, whatever the consent date
    assert "without a date" in why_unknown_participation(record, D("2015-01-01"), "contracting")


def test_missing_signature_date_makes_signatory_unknown_before_consent():
    record = ParticipationDates(consent_kind="ratification", consented=D("2008-07-04"), in_force=D("2008-11-01"))
    assert is_signatory(record, D("2008-01-01")) is None
    assert "no signature date" in why_unknown_participation(record, D("2008-01-01"), "signatory")
    assert status_on(record, D("2009-01-01")) == "party"


def test_accession_involves_no_signature():
    record = ParticipationDates(consent_kind="accession", consented=D("2015-06-01"), in_force=D("2015-10-01"))
    assert is_signatory(record, D("2015-01-01")) is False
    assert status_on(record, D("2015-01-01")) == "none"


def test_notified_denunciation_without_effective_date_is_unknown():
    record = ParticipationDates(consent_kind="ratification", consented=D("2005-01-10"), in_force=D("2005-05-01"),
                                denunciation_notified=D("2020-01-01"))
    assert is_party(record, D("2019-12-31")) is True
    assert is_party(record, D("2020-06-01")) is None
    assert "denunciation" in why_unknown_participation(record, D("2020-06-01"), "party")


def test_member_rule_end_is_first_day_no_longer_held():
    spell = MembershipDates(start=D("1973-01-01"), end=D("2020-02-01"))
    assert is_member(spell, D("1972-12-31")) is False
    assert is_member(spell, D("1973-01-01")) is True
    assert is_member(spell, D("2020-01-31")) is True
    assert is_member(spell, D("2020-02-01")) is False


def test_member_without_start_is_unknown_unless_already_ended():
    assert is_member(MembershipDates(), D("2020-01-01")) is None
    assert "no start date" in why_unknown_membership(MembershipDates(), D("2020-01-01"))
    assert is_member(MembershipDates(end=D("2010-01-01")), D("2020-01-01")) is False
    assert why_unknown_membership(MembershipDates(start=D("2000-01-01")), D("2020-01-01")) is None


def test_entry_into_force_without_consent_date_still_makes_a_party():
    """Ukraine's Budapest record: ratification kind and entry into force, no deposit date read."""
    from datetime import date as d

    from kg.temporal import ParticipationDates, is_contracting, is_party, status_on

    p = ParticipationDates(signed=d(2001, 11, 23), consent_kind="ratification", in_force=d(2006, 7, 1))
    assert is_party(p, d(2020, 1, 1)) is True
    assert status_on(p, d(2020, 1, 1)) == "party"
    assert is_contracting(p, d(2006, 6, 30)) is None  # consented by then? the source does not say
    only_in_force = ParticipationDates(in_force=d(2011, 10, 1))
    assert is_party(only_in_force, d(2012, 1, 1)) is True
    assert is_party(only_in_force, d(2011, 9, 30)) is False
