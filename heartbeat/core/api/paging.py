"""One page of a list endpoint: ``{count, limit, offset, items}``."""

from collections.abc import Callable
from typing import Any


def page_of(queryset, *, limit: int, offset: int, item: Callable[[Any], Any]) -> dict:
    """The total, and ``item(row)`` for each row of the requested slice (two queries)."""
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": [item(row) for row in queryset[offset : offset + limit]],
    }
