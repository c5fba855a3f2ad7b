"""What the roadmap's reads share: reading a filter, and a percentage."""

from __future__ import annotations


def param(params, name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def percent(part: int, whole: int) -> int | None:
    """A whole-number percentage, or None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole)
