"""How Heartbeat writes dates, money and numbers for people (UK English)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone


def uk_date(value: datetime.date | datetime.datetime | None, empty: str = "") -> str:
    """26 November 2026."""
    if value is None:
        return empty
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def uk_datetime(value: datetime.datetime | None, empty: str = "") -> str:
    """26 November 2026 at 2:05pm."""
    if value is None:
        return empty
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{uk_date(local)} at {hour}:{local:%M}{suffix}"


def uk_month(value: datetime.date | None, empty: str = "") -> str:
    """November 2026."""
    if value is None:
        return empty
    return f"{value:%B %Y}"


def _rounded(value: Decimal | int | float, places: int) -> Decimal:
    # Half up, as people round money (Python's own formatting rounds half to even: £2.5 -> £2).
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def money(value: Decimal | int | float | None, empty: str = "", pence: bool = False) -> str:
    """£1,250,000 (or £1,250.50 with pence); halves round up, away from zero."""
    if value is None:
        return empty
    amount = _rounded(abs(value), 2 if pence else 0)
    sign = "-" if value < 0 and amount else ""
    return f"{sign}£{amount:,.2f}" if pence else f"{sign}£{amount:,.0f}"


def number(value: int | float | Decimal | None, places: int = 0, empty: str = "") -> str:
    """1,234.5: thousands separated, halves rounded up (away from zero)."""
    if value is None:
        return empty
    amount = _rounded(abs(value), places)
    sign = "-" if value < 0 and amount else ""
    return f"{sign}{amount:,.{places}f}"


def financial_year_start(value: datetime.date) -> int:
    """The calendar year in which the financial year holding ``value`` starts (April)."""
    return value.year if value.month >= 4 else value.year - 1


def financial_year(value: datetime.date) -> str:
    """Financial years run April to March and are written 2026-27."""
    start = financial_year_start(value)
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last days of the financial year starting in April of ``start_year``."""
    return datetime.date(start_year, 4, 1), datetime.date(start_year + 1, 3, 31)


def is_whole_financial_years(start: datetime.date, end: datetime.date) -> bool:
    """Whether the months from ``start`` to ``end`` are whole financial years, April to March."""
    return start.month == 4 and end.month == 3 and end.year > start.year


def period(start: datetime.date | None, end: datetime.date | None, empty: str = "") -> str:
    """A period of months as people say it.

    2026-27 for one financial year, 2026-27 to 2027-28 for several whole ones, and
    April 2026 to September 2026 otherwise.
    """
    if start is None or end is None:
        return empty
    if is_whole_financial_years(start, end):
        first, last = financial_year(start), financial_year(end)
        return first if first == last else f"{first} to {last}"
    if (start.year, start.month) == (end.year, end.month):
        return uk_month(start)
    return f"{uk_month(start)} to {uk_month(end)}"


def during(start: datetime.date | None, end: datetime.date | None, empty: str = "") -> str:
    """The period with the word a sentence needs: "in 2026-27", "from April 2026 to ..."."""
    words = period(start, end, empty="")
    if not words:
        return empty
    single = is_whole_financial_years(start, end) and financial_year(start) == financial_year(end)
    if single or (start.year, start.month) == (end.year, end.month):
        return f"in {words}"
    return f"from {words}"


# Words whose first letter misleads: "an hour", "a user", "a one-off".
_AN_BEFORE = ("hour", "honest", "honour", "heir")
_A_BEFORE = ("uni", "use", "usu", "uti", "eu", "one", "once", "ux")


def with_article(noun: str) -> str:
    """The noun after "a" or "an", chosen by its sound: "an interaction designer", "a user
    researcher", "an hour"."""
    text = (noun or "").strip()
    word = text.lower()
    if not word:
        return text
    if word.startswith(_AN_BEFORE):
        article = "an"
    elif word.startswith(_A_BEFORE):
        article = "a"
    else:
        article = "an" if word[0] in "aeiou" else "a"
    return f"{article} {text}"
