"""Months as every record keeps them (a date on the first day of the month), and the working
days in a month in Scotland. The one place for month arithmetic."""

import calendar
import datetime
import functools
import re

import holidays

MONTH_NAMES = [datetime.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_BY_NAME = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_BY_NAME.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)})
_BY_NAME["sept"] = 9
_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")
_SLASHED = re.compile(r"(\d{1,2})\s*/\s*(\d{4})")
_NAMED = re.compile(r"([A-Za-z]+)\.?,?\s+(\d{4})")
# The months any record may fall in, the same in forms, services, the API and the database.
FIRST_YEAR, LAST_YEAR = 2000, 2100

# The most working days any month has in Scotland (23: a 31-day month starting on a weekday,
# without a bank holiday). Database constraints use it; services hold each month to its own
# ``working_days``.
MAX_WORKING_DAYS = 23


def first_of_month(value: datetime.date) -> datetime.date:
    return value.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + (month.month - 1) + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """How many months from ``start`` to ``end`` inclusive (0 when end is before start)."""
    return max(0, (end.year - start.year) * 12 + end.month - start.month + 1)


def month_range(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    start = first_of_month(start)
    return [add_months(start, i) for i in range(months_between(start, end))]


def parse_month(value: str) -> datetime.date | None:
    """A month as its first day, from what a month picker sends (``2027-04``), what people
    type (``April 2027``, ``Apr 2027``, ``04/2027``) or a date in it (``2027-04-15``); None
    when it is not a month between 2000 and 2100."""
    text = (value or "").strip()
    year = month = None
    if match := _ISO.fullmatch(text):
        year, month = int(match[1]), int(match[2])
    elif match := _SLASHED.fullmatch(text):
        month, year = int(match[1]), int(match[2])
    elif match := _NAMED.fullmatch(text):
        month, year = _BY_NAME.get(match[1].lower()), int(match[2])
    if not month or not year or not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return datetime.date(year, month, 1)


def month_key(month: datetime.date) -> str:
    return f"{month:%Y-%m}"


def scottish_bank_holidays(year: int) -> dict[datetime.date, str]:
    """Scotland's bank holidays in ``year`` (substitute days included), by date."""
    return dict(holidays.UK(subdiv="SCT", years=year))


@functools.lru_cache(maxsize=512)
def working_days(month: datetime.date) -> int:
    """Weekdays in the month of ``month`` that are not Scottish bank holidays: the most days
    one person can give in that month."""
    year, number = month.year, month.month
    closed = scottish_bank_holidays(year)
    days = calendar.monthrange(year, number)[1]
    return sum(
        1
        for day in range(1, days + 1)
        if (date := datetime.date(year, number, day)).weekday() < 5 and date not in closed
    )


def months_between_expression(start, end):
    """``months_between`` as a database expression of two date columns or expressions, for
    annotations (both are first-of-month dates; the count includes both months)."""
    from django.db.models import ExpressionWrapper, IntegerField
    from django.db.models.functions import ExtractMonth, ExtractYear

    return ExpressionWrapper(
        (ExtractYear(end) - ExtractYear(start)) * 12 + ExtractMonth(end) - ExtractMonth(start) + 1,
        output_field=IntegerField(),
    )
