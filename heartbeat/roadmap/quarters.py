"""Quarters of the calendar year, as the roadmap keeps them: the first day of the quarter's
first month (1 January, 1 April, 1 July or 1 October). Labels name the months, so a
reader never has to know whether "Q1" means January or April."""

import datetime
import re

from heartbeat.core.months import add_months

QUARTER_MONTHS = (1, 4, 7, 10)
_KEY = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)


def quarter_of(day: datetime.date) -> datetime.date:
    """The first day of the quarter ``day`` falls in."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def is_quarter_start(day: datetime.date) -> bool:
    return day.day == 1 and day.month in QUARTER_MONTHS


def add_quarters(quarter: datetime.date, count: int) -> datetime.date:
    return add_months(quarter_of(quarter), 3 * count)


def quarter_end(quarter: datetime.date) -> datetime.date:
    """The last day of the quarter."""
    return add_quarters(quarter, 1) - datetime.timedelta(days=1)


def quarter_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every quarter from the one holding ``first`` to the one holding ``last``."""
    quarters = []
    current, stop = quarter_of(first), quarter_of(last)
    while current <= stop:
        quarters.append(current)
        current = add_quarters(current, 1)
    return quarters


def quarter_key(quarter: datetime.date) -> str:
    """2027-Q1 (January to March 2027): how quarters appear in addresses and exports."""
    return f"{quarter.year}-Q{(quarter.month - 1) // 3 + 1}"


def parse_quarter(value: str) -> datetime.date | None:
    """``2027-Q1`` as 1 January 2027; None when it is not a quarter."""
    match = _KEY.match((value or "").strip())
    if not match:
        return None
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        return None
    return datetime.date(year, 3 * (int(match.group(2)) - 1) + 1, 1)


def quarter_label(quarter: datetime.date | None, empty: str = "") -> str:
    """January to March 2027."""
    if quarter is None:
        return empty
    return f"{quarter:%B} to {quarter_end(quarter):%B %Y}"


def quarter_short(quarter: datetime.date | None, empty: str = "") -> str:
    """Jan to Mar 2027."""
    if quarter is None:
        return empty
    return f"{quarter:%b} to {quarter_end(quarter):%b %Y}"


def overlaps(
    quarter: datetime.date, start: datetime.date | None, end: datetime.date | None
) -> bool:
    """Whether the quarter shares at least a day with the span from ``start`` to ``end``
    (an open end is no limit)."""
    if start is not None and quarter_end(quarter) < start:
        return False
    return not (end is not None and quarter > end)
