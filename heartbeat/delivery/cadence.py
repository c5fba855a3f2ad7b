"""Reporting periods and when each update is due.

The programme sets a cadence (monthly by default) and the working day of each period on
which updates are due; a project may override the cadence. Periods:

- monthly: calendar months;
- quarterly: financial quarters (Q1 is April to June, so a year's quarters are 2026-27's);
- fortnightly: fourteen days from a Monday, counted from Monday 1 January 2024, so every
  fortnightly project shares the same fortnights.

An update for a period is due on the chosen working day of that period (the first, the
second, ... or the last), counting weekdays that are not Scottish bank holidays; a period
with fewer working days than the chosen one is due on its last working day. It is overdue
from the day after. Everything here is plain arithmetic on dates: no queries.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.db import models

from heartbeat.core.formatting import financial_year
from heartbeat.core.months import add_months, scottish_bank_holidays


class Cadence(models.TextChoices):
    FORTNIGHTLY = "fortnightly", "Fortnightly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


FORTNIGHT_ANCHOR = datetime.date(2024, 1, 1)  # a Monday
LAST_WORKING_DAY = 0
MAX_DUE_DAY = 20
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2100, 12, 31)


@functools.lru_cache(maxsize=256)
def _holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(scottish_bank_holidays(year))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


@functools.lru_cache(maxsize=4096)
def working_days_between(start: datetime.date, end: datetime.date) -> tuple[datetime.date, ...]:
    """Every working day in Scotland from ``start`` to ``end`` inclusive."""
    days = []
    day = start
    while day <= end:
        if is_working_day(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return tuple(days)


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    cadence: str

    @property
    def key(self) -> str:
        """How the period is named in web addresses: its first day."""
        return self.start.isoformat()

    @property
    def label(self) -> str:
        if self.cadence == Cadence.MONTHLY:
            return f"{self.start:%B %Y}"
        if self.cadence == Cadence.QUARTERLY:
            quarter = ((self.start.month - 4) % 12) // 3 + 1
            return f"Q{quarter} {financial_year(self.start)} ({self.start:%B} to {self.end:%B %Y})"
        if self.start.year == self.end.year:
            return f"{self.start.day} {self.start:%B} to {self.end.day} {self.end:%B %Y}"
        return f"{self.start.day} {self.start:%B %Y} to {self.end.day} {self.end:%B %Y}"

    @property
    def short_label(self) -> str:
        if self.cadence == Cadence.MONTHLY:
            return f"{self.start:%b %Y}"
        if self.cadence == Cadence.QUARTERLY:
            quarter = ((self.start.month - 4) % 12) // 3 + 1
            return f"Q{quarter} {financial_year(self.start)}"
        return f"{self.start.day} {self.start:%b %Y}"

    def due_date(self, due_day: int) -> datetime.date:
        """The working day of this period on which its update is due."""
        days = working_days_between(self.start, self.end)
        if not days:  # a fortnight of holidays cannot happen in Scotland, but be safe
            return self.end
        if due_day == LAST_WORKING_DAY or due_day > len(days):
            return days[-1]
        return days[due_day - 1]

    def next(self) -> Period:
        return period_containing(self.cadence, self.end + datetime.timedelta(days=1))

    def previous(self) -> Period:
        return period_containing(self.cadence, self.start - datetime.timedelta(days=1))


@functools.lru_cache(maxsize=4096)
def period_containing(cadence: str, day: datetime.date) -> Period:
    if cadence == Cadence.MONTHLY:
        start = day.replace(day=1)
        return Period(start, add_months(start, 1) - datetime.timedelta(days=1), cadence)
    if cadence == Cadence.QUARTERLY:
        # Financial quarters start in April, July, October and January.
        offset = (day.month - 1) % 3
        start = add_months(day.replace(day=1), -offset)
        return Period(start, add_months(start, 3) - datetime.timedelta(days=1), cadence)
    if cadence == Cadence.FORTNIGHTLY:
        steps = (day - FORTNIGHT_ANCHOR).days // 14
        start = FORTNIGHT_ANCHOR + datetime.timedelta(days=14 * steps)
        return Period(start, start + datetime.timedelta(days=13), cadence)
    raise ValueError(f"Not a cadence: {cadence!r}")


def period_starting(cadence: str, start: datetime.date) -> Period | None:
    """The period that starts on ``start``, or None when no period starts that day."""
    period = period_containing(cadence, start)
    return period if period.start == start else None


def latest_due_period(cadence: str, due_day: int, today: datetime.date) -> Period:
    """The most recent period whose update was due before ``today`` (so is overdue if
    missing): this period when its due day has passed, otherwise the one before."""
    current = period_containing(cadence, today)
    if current.due_date(due_day) < today:
        return current
    return current.previous()


def recent_periods(cadence: str, last: Period, count: int) -> list[Period]:
    """``count`` periods ending with ``last``, oldest first."""
    periods = [last]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods[::-1]


def first_owed_period(cadence: str, active_since: datetime.date) -> Period:
    """The first period a project owes: the first one starting on or after the day it
    started recruiting or delivering (a project that starts part-way through a period
    reports from the next)."""
    period = period_containing(cadence, active_since)
    return period if period.start == active_since else period.next()


def due_day_label(due_day: int) -> str:
    if due_day == LAST_WORKING_DAY:
        return "the last working day"
    suffix = (
        "th" if 10 <= due_day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(due_day % 10, "th")
    )
    return f"the {due_day}{suffix} working day"


DUE_DAY_CHOICES = [(LAST_WORKING_DAY, "The last working day of the period")] + [
    (n, f"{due_day_label(n)[4:].capitalize()} of the period") for n in range(1, MAX_DUE_DAY + 1)
]
