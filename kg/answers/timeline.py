"""A record's verdicts on every day at once: the temporal rules judged once per stretch of days.

Every rule of kg.answers.temporal looks at a day only through Interval.on_or_before, which is True when the
interval's latest day is on or before the day, False when its earliest day is after it, and None in
between. So a record's verdicts can change only on the earliest or latest day of one of its intervals
(its edges): between two edges they are the same every day. A Timeline holds the verdict of each stretch,
judged by the rules themselves on one day of it, and answers a day by bisection; a new `as_of` costs a
lookup, not a query or a rule evaluation. tests/kg/test_record_index.py checks it against the rules on
every edge of every record, and the SPARQL agreement tests (tests/answers_agreement.py) run through it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from kg.answers.intervals import Interval

V = TypeVar("V")


@dataclass(frozen=True)
class Timeline(Generic[V]):
    """verdicts[i] holds on every day d with edges[i-1] <= d < edges[i] (len(verdicts) == len(edges) + 1)."""

    edges: tuple[date, ...]
    verdicts: tuple[V, ...]

    def at(self, day: date) -> V:
        return self.verdicts[bisect_right(self.edges, day)]


def edges_of(spans: Iterable[Interval | None]) -> tuple[date, ...]:
    """The days on which a verdict over these intervals may change: each earliest and latest day."""
    return tuple(
        sorted(
            {
                end
                for span in spans
                if span is not None
                for end in (span.earliest, span.latest)
                if end is not None
            }
        )
    )


def timeline(spans: Iterable[Interval | None], judge: Callable[[date], V]) -> Timeline[V]:
    """The verdicts of `judge` (a function of the day only, through the intervals `spans`) on every day."""
    edges = edges_of(spans)
    if not edges:
        return Timeline((), (judge(date(2000, 1, 1)),))  # no date recorded: the same verdict on every day
    before = edges[0] - timedelta(days=1) if edges[0] > date.min else edges[0]
    return Timeline(edges, tuple(judge(day) for day in (before, *edges)))
