"""How Heartbeat writes dates, money and numbers for people (UK English)."""

import datetime
from decimal import Decimal

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


def money(value: Decimal | int | float | None, empty: str = "", pence: bool = False) -> str:
    """£1,250,000 (or £1,250.50 with pence)."""
    if value is None:
        return empty
    sign = "-" if value < 0 else ""
    amount = abs(value)
    return f"{sign}£{amount:,.2f}" if pence else f"{sign}£{amount:,.0f}"


def number(value: int | float | Decimal | None, places: int = 0, empty: str = "") -> str:
    if value is None:
        return empty
    return f"{value:,.{places}f}"


def financial_year(value: datetime.date) -> str:
    """Financial years run April to March and are written 2026-27."""
    start = value.year if value.month >= 4 else value.year - 1
    return f"{start}-{(start + 1) % 100:02d}"
