"""Step charts of counts over time, drawn on the server as inline SVG (no script needed to see them).

A chart counts, for every day, the records whose status held on that day: a treaty's signatories,
contracting states and parties, or an organization's members. Each record gives, per series, the day it
entered and the day it left (both optional). A date that is not known to the day stands for an interval
(a year, a month, or only bounded): on the days inside it the record is *possibly* counted, not *certainly*.
The chart draws the certain count as a line and the possible excess as a hatched band above it, so an
imprecise date is never shown as a guessed day.

The answers carry each date either as a plain string (`"2006-05-01"`, `"1949-04"`, `"1949"`) or, since the
answers branch, with `X_precision`, `X_earliest` and `X_latest`; both are read here.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 34


@dataclass(frozen=True)
class Span:
    """The days one date stands for: earliest..latest (None: unbounded on that side) and how it is known."""

    earliest: date | None
    latest: date | None
    precision: str  # day | month | year | bounded | derived

    @property
    def exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest


def parse_span(item: dict, name: str) -> Span | None:
    """The span of date field `name` of an answer item, or None when the item has no such date.

    Reads `name_earliest`/`name_latest`/`name_precision` when present; otherwise the string in `name`:
    YYYY-MM-DD is a day, YYYY-MM a month, YYYY a year.
    """
    earliest, latest = item.get(f"{name}_earliest"), item.get(f"{name}_latest")
    precision = item.get(f"{name}_precision")
    if earliest or latest:
        return Span(
            date.fromisoformat(earliest) if earliest else None,
            date.fromisoformat(latest) if latest else None,
            precision or "bounded",
        )
    value = item.get(name)
    if not value:
        return None
    parts = str(value).split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return Span(date(year, 1, 1), date(year, 12, 31), "year")
        month = int(parts[1])
        if len(parts) == 2:
            return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")
        day = date(year, month, int(parts[2][:2]))
        return Span(day, day, precision or "day")
    except ValueError:
        return None


@dataclass(frozen=True)
class Period:
    """When one record belonged to a series: entered (span) and left (span, None if it has not)."""

    label: str
    enter: Span
    leave: Span | None

    def certain(self, day: date) -> bool:
        entered = self.enter.latest is not None and self.enter.latest <= day
        return entered and (self.leave is None or self.leave.earliest is None or self.leave.earliest > day)

    def possible(self, day: date) -> bool:
        entered = self.enter.earliest is None or self.enter.earliest <= day
        return entered and (self.leave is None or self.leave.latest is None or self.leave.latest > day)


@dataclass
class Series:
    """One line of a chart (e.g. 'party'): the records' periods and the published totals to mark."""

    name: str
    label: str
    css: str
    periods: list[Period] = field(default_factory=list)
    undated: int = 0  # records of this series with no date to draw them by
    totals: list[tuple[date, int, str]] = field(default_factory=list)  # (day, count, source)


def treaty_series(
    items: list[dict], *, totals: list[dict] | None = None, opened: str | None = None
) -> list[Series]:
    """Signatories, contracting states and parties of a treaty from participation items (status 'all').

    A record in force for a state but without its consent date consented on or before that entry into force
    and not before the treaty was opened (`opened`, the earliest date of the treaty): a bounded span.
    """
    signed = Series("signatory", "Signatories (signed, not yet bound)", "signatory")
    contracting = Series("contracting", "Contracting states (consented)", "contracting")
    party = Series("party", "Parties (in force for them)", "party")
    floor = parse_span({"d": opened}, "d") if opened else None
    for item in items:
        label = (item.get("state") or {}).get("label") or item.get("id", "")
        sig, con = parse_span(item, "signed"), parse_span(item, "consented")
        force, out = parse_span(item, "in_force"), parse_span(item, "denounced")
        if con is None and force is not None and force.latest is not None:
            con = Span(floor.earliest if floor else None, force.latest, "bounded")
        if sig:
            signed.periods.append(Period(label, sig, con))
        if con:
            contracting.periods.append(Period(label, con, out))
        elif item.get("consent_kind"):
            contracting.undated += 1
        if force:
            party.periods.append(Period(label, force, out))
        elif con or item.get("consent_kind"):
            party.undated += 1
    by_name = {s.name: s for s in (signed, contracting, party)}
    for total in totals or []:
        series = by_name.get(total.get("status"))
        span = parse_span(total, "date")
        if series and span and span.earliest:
            series.totals.append((span.earliest, int(total["count"]), ", ".join(total.get("sources") or [])))
    return [s for s in (signed, contracting, party) if s.periods or s.undated or s.totals]


def membership_series(items: list[dict], *, role: str, totals: list[dict] | None = None) -> list[Series]:
    """Members of an organization over time from membership items (one series)."""
    series = Series("member", f"Members ({role})", "member")
    for item in items:
        label = (item.get("member") or {}).get("label") or item.get("id", "")
        start = parse_span(item, "start")
        if start:
            series.periods.append(Period(label, start, parse_span(item, "end")))
        else:
            series.undated += 1
    for total in totals or []:
        span = parse_span(total, "date")
        if span and span.earliest:
            series.totals.append((span.earliest, int(total["count"]), ", ".join(total.get("sources") or [])))
    return [series] if series.periods or series.undated else []


@dataclass
class Step:
    """The counts of one series from `day` until the next step."""

    day: date
    certain: int
    possible: int


def steps(series: Series) -> list[Step]:
    """The step function of a series: a Step at every day its certain or possible count changes."""
    days: set[date] = set()
    for p in series.periods:
        for span in (p.enter, p.leave):
            if span is None:
                continue
            days.update(d for d in (span.earliest, span.latest) if d is not None)
    out: list[Step] = []
    for day in sorted(days):
        step = Step(
            day, sum(p.certain(day) for p in series.periods), sum(p.possible(day) for p in series.periods)
        )
        if not out or (out[-1].certain, out[-1].possible) != (step.certain, step.possible):
            out.append(step)
    return out


def imprecise(series: Series) -> list[Period]:
    """The periods whose entry or exit is not known to the day (drawn as hatched bands)."""
    return [p for p in series.periods if not p.enter.exact or (p.leave is not None and not p.leave.exact)]


@dataclass
class Chart:
    """What the template draws: the SVG geometry and the table behind it."""

    series: list[dict]
    ticks: list[dict]
    y_ticks: list[dict]
    marker: dict | None
    width: int = WIDTH
    height: int = HEIGHT
    first: date | None = None
    last: date | None = None


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def build_chart(all_series: list[Series], *, on: date) -> Chart | None:
    """The chart of the given series up to max(last step, `on`), with a vertical line at `on`.

    Returns None when no series has a dated record (nothing to draw; the page says so).
    """
    stepped = [(s, steps(s)) for s in all_series]
    days = [st.day for _, ss in stepped for st in ss] + [t[0] for s in all_series for t in s.totals]
    if not days:
        return None
    first = date(min(days).year, 1, 1)
    last = max(max(days), on) + timedelta(days=180)
    top = max(
        [st.possible for _, ss in stepped for st in ss] + [t[1] for s in all_series for t in s.totals] + [1]
    )
    span_days = (last - first).days or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + plot_w * max(0, (day - first).days) / span_days

    def y(count: float) -> float:
        return TOP + plot_h * (1 - count / top)

    drawn = []
    for s, ss in stepped:
        line, band_top = [], []
        for i, st in enumerate(ss):
            end = ss[i + 1].day if i + 1 < len(ss) else last
            line.append((x(st.day), y(st.certain), x(end)))
            band_top.append((x(st.day), y(st.possible), x(end)))
        path = ""
        if line:
            points, previous = [f"M{_fmt(x(first))},{_fmt(y(0))}"], y(0)
            for x0, yy, x1 in line:
                points.append(f"L{_fmt(x0)},{_fmt(previous)} L{_fmt(x0)},{_fmt(yy)} L{_fmt(x1)},{_fmt(yy)}")
                previous = yy
            path = " ".join(points)
        band = ""
        if any(st.possible != st.certain for st in ss):
            upper = " ".join(f"L{_fmt(x0)},{_fmt(yy)} L{_fmt(x1)},{_fmt(yy)}" for x0, yy, x1 in band_top)
            lower = " ".join(
                f"L{_fmt(x1)},{_fmt(yy)} L{_fmt(x0)},{_fmt(yy)}" for x0, yy, x1 in reversed(line)
            )
            band = f"M{_fmt(band_top[0][0])},{_fmt(y(ss[0].certain))} {upper} {lower} Z"
        drawn.append(
            {
                "name": s.name,
                "label": s.label,
                "css": s.css,
                "path": path,
                "band": band,
                "undated": s.undated,
                "imprecise": imprecise(s),
                "rows": [
                    {"day": st.day.isoformat(), "certain": st.certain, "possible": st.possible} for st in ss
                ],
                "totals": [
                    {"day": d.isoformat(), "count": c, "source": src, "x": _fmt(x(d)), "y": _fmt(y(c))}
                    for d, c, src in s.totals
                ],
                "now": next((st.certain for st in reversed(ss) if st.day <= on), 0),
            }
        )
    years = list(range(first.year, last.year + 1))
    every = max(1, round(len(years) / 8))
    ticks = [
        {"x": _fmt(x(date(yr, 1, 1))), "label": str(yr)} for yr in years if (yr - first.year) % every == 0
    ]
    y_every = max(1, _nice(top / 4))
    y_ticks = [{"y": _fmt(y(v)), "label": str(v)} for v in range(0, top + 1, y_every)]
    marker = {"x": _fmt(x(on)), "label": on.isoformat()} if first <= on <= last else None
    return Chart(drawn, ticks, y_ticks, marker, first=first, last=last)


def _nice(step: float) -> int:
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if candidate >= step:
            return candidate
    return int(step)


@dataclass
class Bar:
    """One row of a state's timeline: a membership or a treaty participation, from `start` to `end`."""

    label: str
    href: str
    kind: str  # membership | treaty
    start: Span | None
    end: Span | None
    detail: str = ""


def gantt(bars: list[Bar], *, on: date, row_height: int = 22) -> dict | None:
    """A timeline with one row per bar, drawn on a common time axis up to max(last date, `on`).

    An imprecise start or end is drawn as a hatched stretch over the days it stands for; the solid part is
    only where the record certainly held. Bars without a start are left out of the drawing (listed by the
    template). Returns None when nothing is dated.
    """
    dated = [b for b in bars if b.start is not None and (b.start.earliest or b.start.latest)]
    days = [d for b in dated for s in (b.start, b.end) if s for d in (s.earliest, s.latest) if d]
    if not days:
        return None
    first = date(min(days).year, 1, 1)
    last = max(max(days), on) + timedelta(days=180)
    label_w, plot_w = 230, WIDTH - 230 - RIGHT
    span_days = (last - first).days or 1

    def x(day: date | None, default: date) -> float:
        return label_w + plot_w * ((day or default) - first).days / span_days

    rows = []
    for i, b in enumerate(sorted(dated, key=lambda b: (b.start.earliest or b.start.latest, b.label))):
        y = TOP + i * row_height
        solid_from = x(b.start.latest, last)
        hatch_from = x(b.start.earliest, first)
        solid_to = x(b.end.earliest, last) if b.end else x(last, last)
        hatch_to = x(b.end.latest, last) if b.end else solid_to
        rows.append(
            {
                "label": b.label,
                "href": b.href,
                "kind": b.kind,
                "detail": b.detail,
                "y": _fmt(y),
                "text_y": _fmt(y + row_height * 0.65),
                "h": _fmt(row_height - 6),
                "solid": (_fmt(solid_from), _fmt(max(0.0, solid_to - solid_from))),
                "hatch_start": (_fmt(hatch_from), _fmt(max(0.0, solid_from - hatch_from))),
                "hatch_end": (_fmt(solid_to), _fmt(max(0.0, hatch_to - solid_to))),
            }
        )
    height = TOP + len(rows) * row_height + BOTTOM
    years = list(range(first.year, last.year + 1))
    every = max(1, round(len(years) / 6))
    ticks = [
        {"x": _fmt(x(date(yr, 1, 1), first)), "label": str(yr)}
        for yr in years
        if (yr - first.year) % every == 0
    ]
    return {
        "rows": rows,
        "ticks": ticks,
        "width": WIDTH,
        "height": height,
        "axis_y": height - BOTTOM,
        "label_w": label_w,
        "marker": {"x": _fmt(x(on, on)), "label": on.isoformat()} if on <= last else None,
        "undated": [b for b in bars if b not in dated],
    }
