"""api/timeline.py: step charts that never turn a year into a day."""

from __future__ import annotations

from datetime import date

from api.timeline import Span, build_chart, membership_series, parse_span, steps, treaty_series


def test_a_year_stands_for_the_whole_year_and_a_month_for_the_whole_month():
    assert parse_span({"start": "1949"}, "start") == Span(date(1949, 1, 1), date(1949, 12, 31), "year")
    assert parse_span({"start": "2024-02"}, "start") == Span(date(2024, 2, 1), date(2024, 2, 29), "month")
    assert parse_span({"start": "2023-04-04"}, "start").exact
    assert parse_span({"start": None}, "start") is None


def test_the_precision_fields_of_the_answers_are_read_when_present():
    item = {"start": None, "start_precision": "bounded", "start_earliest": None, "start_latest": "2015-12-03"}
    assert parse_span(item, "start") == Span(None, date(2015, 12, 3), "bounded")


def test_a_member_known_to_the_year_is_possible_during_that_year_and_certain_after():
    items = [{"member": {"label": "A"}, "start": "1949"}, {"member": {"label": "B"}, "start": "1952-02-18"}]
    (series,) = membership_series(items, role="member")
    found = {s.day: (s.certain, s.possible) for s in steps(series)}
    assert found[date(1949, 1, 1)] == (0, 1)  # possibly a member from the first day of the year ...
    assert found[date(1949, 12, 31)] == (1, 1)  # ... certainly only on its last day
    assert found[date(1952, 2, 18)] == (2, 2)


def test_undated_records_are_counted_not_drawn():
    (series,) = membership_series([{"member": {"label": "A"}, "start": None}], role="member")
    assert series.undated == 1 and build_chart([series], on=date(2020, 1, 1)) is None


def test_party_leaves_on_the_day_its_denunciation_takes_effect():
    items = [
        {
            "state": {"label": "X"},
            "signed": "2001-11-23",
            "consented": "2004-01-01",
            "consent_kind": "ratification",
            "in_force": "2004-05-01",
            "denounced": "2010-01-01",
        }
    ]
    by_name = {s.name: s for s in treaty_series(items)}
    parties = {s.day: s.certain for s in steps(by_name["party"])}
    assert parties == {date(2004, 5, 1): 1, date(2010, 1, 1): 0}
    signatories = {s.day: s.certain for s in steps(by_name["signatory"])}
    assert signatories == {date(2001, 11, 23): 1, date(2004, 1, 1): 0}


def test_a_consent_without_its_date_is_bounded_by_the_entry_into_force_and_the_opening():
    items = [{"state": {"label": "X"}, "consent_kind": "accession", "in_force": "2010-07-01"}]
    contracting = {s.name: s for s in treaty_series(items, opened="2001-11-23")}["contracting"]
    assert contracting.periods[0].enter == Span(date(2001, 11, 23), date(2010, 7, 1), "bounded")


def test_the_chart_marks_reported_totals_and_hatches_imprecise_dates():
    items = [{"member": {"label": "A"}, "start": "1949"}, {"member": {"label": "B"}, "start": "1952-02-18"}]
    totals = [{"status": "member", "count": 2, "date": "2020-01-01", "sources": ["https://example.org/"]}]
    chart = build_chart(membership_series(items, role="member", totals=totals), on=date(2023, 4, 4))
    (drawn,) = chart.series
    assert drawn["band"] and drawn["path"].startswith("M")
    assert drawn["totals"][0]["count"] == 2 and drawn["now"] == 2
    assert [p.label for p in drawn["imprecise"]] == ["A"]


def test_a_state_timeline_hatches_a_start_known_to_the_year_and_lists_undated_records():
    from api.timeline import Bar, gantt

    bars = [
        Bar("Org A", "/ui/organizations/a", "membership", parse_span({"s": "1949"}, "s"), None),
        Bar("Org B", "/ui/organizations/b", "membership", parse_span({"s": "1999-03-12"}, "s"), None),
        Bar("Org C", "/ui/organizations/c", "membership", None, None),
    ]
    chart = gantt(bars, on=date(2020, 1, 1))
    a, b = chart["rows"]
    assert a["label"] == "Org A" and float(a["hatch_start"][1]) > 0  # 1949: the whole year hatched
    assert float(b["hatch_start"][1]) == 0  # a day: no hatching
    assert [u.label for u in chart["undated"]] == ["Org C"]
