"""Financial years (April to March, kept as the year they start: 2026 is 2026-27) and their
quarters, the periods a benefit's profile and measurements use."""

from __future__ import annotations

import datetime
import re

from heartbeat.core.formatting import uk_month
from heartbeat.core.months import add_months

QUARTER_MONTHS = (4, 7, 10, 1)
_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-(\d{2}) ?Q([1-4])$", re.IGNORECASE)


def financial_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def year_start(year: int) -> datetime.date:
    return datetime.date(year, 4, 1)


def year_end(year: int) -> datetime.date:
    return datetime.date(year + 1, 3, 31)


def quarter_starts(year: int) -> list[datetime.date]:
    return [add_months(year_start(year), 3 * i) for i in range(4)]


def quarter_number(period_start: datetime.date) -> int:
    return (period_start.month - 4) % 12 // 3 + 1


def period_key(period_start: datetime.date, granularity: str) -> str:
    """How a period is written in forms, URLs and the API: 2026-27, or 2026-27 Q1."""
    year = financial_year_of(period_start)
    if granularity == "quarter":
        return f"{year_label(year)} Q{quarter_number(period_start)}"
    return year_label(year)


def period_label(period_start: datetime.date, granularity: str) -> str:
    """2026-27, or Q1 2026-27 (April to June 2026)."""
    year = financial_year_of(period_start)
    if granularity == "quarter":
        last = add_months(period_start, 2)
        return (
            f"Q{quarter_number(period_start)} {year_label(year)} "
            f"({period_start:%B} to {uk_month(last)})"
        )
    return year_label(year)


def parse_period(text: str, granularity: str) -> datetime.date | None:
    """The first day of the period ``text`` names (2026-27 or 2026-27 Q2), or None."""
    text = (text or "").strip()
    if granularity == "quarter":
        match = _QUARTER.match(text)
        if not match:
            return None
        year, tail, quarter = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        match = _YEAR.match(text)
        if not match:
            return None
        year, tail, quarter = int(match.group(1)), int(match.group(2)), 1
    if (year + 1) % 100 != tail or not 2000 <= year <= 2099:
        return None
    return quarter_starts(year)[quarter - 1]


def periods(first_year: int, last_year: int, granularity: str) -> list[datetime.date]:
    """Every period from the first financial year to the last, in order."""
    result = []
    for year in range(first_year, last_year + 1):
        result.extend(quarter_starts(year) if granularity == "quarter" else [year_start(year)])
    return result
