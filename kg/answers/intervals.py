"""The interval of days a recorded date stands for, and how it is known (precision, bounds, a treaty's rule).

A date may be stated to the day, the month or the year, bounded (not before / not after a sourced
date), or derived by a treaty's own rule. The reasoning rules write each as an interval of
`xsd:date` days into the inferred graph (`cgo:<p>Earliest`, `cgo:<p>Latest`, `cgo:<p>Precision`,
`cgo:<p>DerivedBy`); an `Interval` is that interval in Python, with what is needed to say where it
came from. Either end may be open (None) when only one bound is known.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

PRECISIONS = ("day", "month", "year", "bounded", "derived")


@dataclass(frozen=True)
class Bound:
    """A sourced bound on a date: it happened not before and/or not after these days."""

    not_before: date | None = None
    not_after: date | None = None
    source: str | None = None
    comment: str | None = None

    def describe(self) -> str:
        sides = [
            f"not before {self.not_before}" if self.not_before else "",
            f"not after {self.not_after}" if self.not_after else "",
        ]
        text = " and ".join(s for s in sides if s)
        origin = ": ".join(p for p in (self.source, self.comment) if p)
        return f"{text} (bound from {origin})" if origin else text


@dataclass(frozen=True)
class Derivation:
    """The treaty rule a date was derived by, and the provision that states the rule."""

    rule: str
    provision: str | None = None

    def describe(self) -> str:
        return f"derived by the rule {self.rule}" + (f" of {self.provision}" if self.provision else "")


@dataclass(frozen=True)
class Interval:
    """The days [earliest, latest] a date stands for (None: open on that side) and how it is known.

    Attributes:
        precision: 'day', 'month', 'year', 'bounded' or 'derived' (the inferred cgo:<p>Precision).
        stated: the value as the source gives it ('1949', '1949-04', '1949-04-04'); None if not stated.
        bounds: the sourced bounds on it; derived: the rule it was derived by.
    """

    earliest: date | None
    latest: date | None
    precision: str = "day"
    stated: str | None = None
    bounds: tuple[Bound, ...] = ()
    derived: Derivation | None = None

    @classmethod
    def day(cls, day: date) -> Interval:
        return cls(day, day, "day", day.isoformat())

    def on_or_before(self, d: date) -> bool | None:
        """True if the interval is all on or before d, False if it is all after d, None if it straddles d."""
        if self.latest is not None and self.latest <= d:
            return True
        if self.earliest is not None and self.earliest > d:
            return False
        return None

    def value(self) -> str | None:
        """The date as shown in answers: the stated value, else a single day, calendar month or year the
        interval covers exactly (a derived window is often one month), else None (see earliest/latest)."""
        if self.stated:
            return self.stated
        return calendar_span(self.earliest, self.latest)

    def describe(self) -> str:
        """Which interval, and where it came from, for a note: 'the year 1949 (1949-01-01 to 1949-12-31)'."""
        span = f"{self.earliest or 'an open start'} to {self.latest or 'an open end'}"
        if self.precision in ("month", "year") and self.stated:
            text = f"the {self.precision} {self.stated} ({span})"
        elif self.precision == "day":
            text = self.value() or span
        elif self.precision == "derived":
            text = f"{span}, {self.derived.describe() if self.derived else 'derived by a treaty rule'}"
        else:
            text = span
        if self.bounds:
            text += "; " + "; ".join(b.describe() for b in self.bounds)
        return text


def calendar_span(earliest: date | None, latest: date | None) -> str | None:
    """'2015-03-04' for one day, '2015-03' for a whole calendar month, '2015' for a whole year, else None."""
    if earliest is None or latest is None:
        return None
    if earliest == latest:
        return earliest.isoformat()
    if earliest.day == 1 and latest.year == earliest.year:
        if earliest.month == 1 and (latest.month, latest.day) == (12, 31):
            return f"{earliest.year:04d}"
        last = calendar.monthrange(earliest.year, earliest.month)[1]
        if latest.month == earliest.month and latest.day == last:
            return f"{earliest.year:04d}-{earliest.month:02d}"
    return None


def as_interval(value: Interval | date | None) -> Interval | None:
    """A day becomes its one-day interval; an Interval or None passes through."""
    if value is None or isinstance(value, Interval):
        return value
    return Interval.day(value)
