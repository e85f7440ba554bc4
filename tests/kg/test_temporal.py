"""The temporal rules of the contract (VCLT art. 2(1)(f)-(g) and membership on a date), one test per rule."""

from __future__ import annotations

from datetime import date

from kg.answers.temporal import (
    MembershipDates,
    ParticipationDates,
    is_contracting,
    is_member,
    is_party,
    is_signatory,
    status_on,
    why_unknown_membership,
    why_unknown_participation,
)

D = date.fromisoformat

SIGNED_ONLY = ParticipationDates(signed=D("2001-11-23"))
RATIFIED = ParticipationDates(
    signed=D("2001-11-23"), consent_kind="ratification", consented=D("2006-01-10"), in_force=D("2006-05-01")
)
DENOUNCED = ParticipationDates(
    signed=D("2001-11-23"),
    consent_kind="ratification",
    consented=D("2005-01-10"),
    in_force=D("2005-05-01"),
    denounced=D("2020-07-01"),
)


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
    record = ParticipationDates(
        signed=D("2010-01-01"), consent_kind="ratification", consented=D("2012-01-01")
    )
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
    record = ParticipationDates(
        consent_kind="ratification", consented=D("2008-07-04"), in_force=D("2008-11-01")
    )
    assert is_signatory(record, D("2008-01-01")) is None
    assert "no signature date" in why_unknown_participation(record, D("2008-01-01"), "signatory")
    assert status_on(record, D("2009-01-01")) == "party"


def test_accession_involves_no_signature():
    record = ParticipationDates(consent_kind="accession", consented=D("2015-06-01"), in_force=D("2015-10-01"))
    assert is_signatory(record, D("2015-01-01")) is False
    assert status_on(record, D("2015-01-01")) == "none"


def test_notified_denunciation_without_effective_date_is_unknown():
    record = ParticipationDates(
        consent_kind="ratification",
        consented=D("2005-01-10"),
        in_force=D("2005-05-01"),
        denunciation_notified=D("2020-01-01"),
    )
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

    from kg.answers.temporal import ParticipationDates, is_contracting, is_party, status_on

    p = ParticipationDates(signed=d(2001, 11, 23), consent_kind="ratification", in_force=d(2006, 7, 1))
    assert is_party(p, d(2020, 1, 1)) is True
    assert status_on(p, d(2020, 1, 1)) == "party"
    assert is_contracting(p, d(2006, 6, 30)) is None  # consented by then? the source does not say
    only_in_force = ParticipationDates(in_force=d(2011, 10, 1))
    assert is_party(only_in_force, d(2012, 1, 1)) is True
    assert is_party(only_in_force, d(2011, 9, 30)) is False


# ---------------------------------------------------------------- dates as intervals (issue 11, deliver 3)
# Each date stands for an interval of days; a status is decided when the whole interval is on one side of
# the day asked, and unknown only when it straddles it. Edges: D = the day before, the first day, the last
# day and the day after the interval.

from kg.answers.intervals import Bound, Derivation, Interval, calendar_span  # noqa: E402

YEAR_1949 = Interval(D("1949-01-01"), D("1949-12-31"), "year", "1949")
MONTH = Interval(D("2015-03-01"), D("2015-03-31"), "month", "2015-03")
NOT_AFTER = Interval(
    None,
    D("2015-12-03"),
    "bounded",
    bounds=(
        Bound(
            not_after=D("2015-12-03"),
            source="https://example.org/chart",
            comment="shown as ratified on the chart",
        ),
    ),
)
NOT_BEFORE = Interval(
    D("2010-06-01"),
    None,
    "bounded",
    bounds=(Bound(not_before=D("2010-06-01"), source="https://example.org/news"),),
)
DERIVED = Interval(
    D("2015-03-01"),
    D("2015-03-31"),
    "derived",
    derived=Derivation(
        "https://w3id.org/cybergov/id/rule/budapest-art-36",
        "https://w3id.org/cybergov/id/provision/budapest-convention-art-36",
    ),
)


def test_year_precision_start_decides_outside_the_year_and_is_unknown_inside():
    founder = MembershipDates(start=YEAR_1949)
    assert is_member(founder, D("1948-12-31")) is False
    assert is_member(founder, D("1949-01-01")) is None  # first day of the year: may not have joined yet
    assert is_member(founder, D("1949-12-30")) is None
    assert is_member(founder, D("1949-12-31")) is True  # last day of the year: joined by then
    assert is_member(founder, D("2023-04-04")) is True  # the README's question: a 1949 founder is a member
    note = why_unknown_membership(founder, D("1949-06-01"))
    assert "the year 1949 (1949-01-01 to 1949-12-31)" in note and "straddles 1949-06-01" in note


def test_month_precision_consent_at_the_edges_of_the_month():
    record = ParticipationDates(signed=D("2014-01-01"), consent_kind="ratification", consented=MONTH)
    assert is_contracting(record, D("2015-02-28")) is False
    assert is_signatory(record, D("2015-02-28")) is True
    assert is_contracting(record, D("2015-03-01")) is None
    assert is_signatory(record, D("2015-03-01")) is None
    assert is_contracting(record, D("2015-03-31")) is True
    assert is_signatory(record, D("2015-03-31")) is False
    assert "the month 2015-03 (2015-03-01 to 2015-03-31)" in why_unknown_participation(
        record, D("2015-03-15"), "contracting"
    )


def test_bound_not_after_decides_from_its_day_on_and_names_its_source():
    record = ParticipationDates(consent_kind="ratification", consented=NOT_AFTER)
    assert is_contracting(record, D("2015-12-02")) is None  # no lower bound: it may have come later
    assert is_contracting(record, D("2015-12-03")) is True
    note = why_unknown_participation(record, D("2015-12-02"), "contracting")
    assert (
        "not after 2015-12-03 (bound from https://example.org/chart: shown as ratified on the chart)" in note
    )


def test_bound_not_before_decides_only_before_its_day():
    record = ParticipationDates(signed=NOT_BEFORE)
    assert is_signatory(record, D("2010-05-31")) is False
    assert is_signatory(record, D("2010-06-01")) is None
    assert is_signatory(record, D("2030-01-01")) is None  # no upper bound: never settled
    assert "not before 2010-06-01" in why_unknown_participation(record, D("2030-01-01"), "signatory")


def test_derived_entry_into_force_window_and_its_rule_in_the_note():
    record = ParticipationDates(consent_kind="ratification", consented=D("2014-11-20"), in_force=DERIVED)
    assert is_party(record, D("2015-02-28")) is False
    assert status_on(record, D("2015-02-28")) == "contracting"
    assert is_party(record, D("2015-03-01")) is None
    assert status_on(record, D("2015-03-01")) is None
    assert is_party(record, D("2015-03-31")) is True
    note = why_unknown_participation(record, D("2015-03-10"), "party")
    assert "derived by the rule https://w3id.org/cybergov/id/rule/budapest-art-36" in note
    assert "budapest-convention-art-36" in note


def test_an_entry_into_force_before_d_settles_a_straddling_consent():
    record = ParticipationDates(consent_kind="ratification", consented=YEAR_1949, in_force=D("1949-10-01"))
    assert is_contracting(record, D("1949-06-01")) is None
    assert is_contracting(record, D("1949-10-01")) is True  # in force for it, so consent came first
    assert status_on(record, D("1949-10-01")) == "party"


def test_year_precision_end_of_membership():
    spell = MembershipDates(
        start=D("1990-01-01"), end=Interval(D("2020-01-01"), D("2020-12-31"), "year", "2020")
    )
    assert is_member(spell, D("2019-12-31")) is True
    assert is_member(spell, D("2020-01-01")) is None
    assert (
        is_member(spell, D("2020-12-31")) is False
    )  # the first day no longer held is at the latest this day
    assert "the first day it no longer held is known only as the year 2020" in why_unknown_membership(
        spell, D("2020-06-01")
    )


def test_denunciation_effective_date_of_month_precision():
    record = ParticipationDates(
        consent_kind="ratification",
        consented=D("2005-01-10"),
        in_force=D("2005-05-01"),
        denounced=Interval(D("2020-07-01"), D("2020-07-31"), "month", "2020-07"),
    )
    assert is_party(record, D("2020-06-30")) is True
    assert is_party(record, D("2020-07-01")) is None
    assert is_party(record, D("2020-07-31")) is False
    assert "the day the denunciation took effect" in why_unknown_participation(
        record, D("2020-07-15"), "party"
    )


def test_notified_denunciation_after_d_decides_nothing_took_effect():
    record = ParticipationDates(
        consent_kind="ratification",
        consented=D("2005-01-10"),
        in_force=D("2005-05-01"),
        denunciation_notified=Interval(D("2020-01-01"), D("2020-12-31"), "year", "2020"),
    )
    assert is_party(record, D("2019-12-31")) is True
    assert is_party(record, D("2020-01-01")) is None


def test_calendar_span_names_whole_days_months_and_years_only():
    assert calendar_span(D("2015-03-01"), D("2015-03-31")) == "2015-03"
    assert calendar_span(D("2015-02-01"), D("2015-02-28")) == "2015-02"
    assert calendar_span(D("1949-01-01"), D("1949-12-31")) == "1949"
    assert calendar_span(D("2015-03-04"), D("2015-03-04")) == "2015-03-04"
    assert calendar_span(D("2015-03-02"), D("2015-03-31")) is None
    assert calendar_span(None, D("2015-03-31")) is None
    assert DERIVED.value() == "2015-03" and NOT_AFTER.value() is None and YEAR_1949.value() == "1949"
