"""One page of a list endpoint: ``{count, limit, offset, items}``.

A page's ``offset`` is bounded (``MAX_OFFSET``) in every schema that takes one and here:
the database is given the limit and offset as numbers in the query, and one beyond a
64-bit integer is a database error (SQLite: "datatype mismatch"), not an empty page.
"""

from collections.abc import Callable
from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from heartbeat.core.exceptions import InvalidInput

# Far beyond any list the partnership keeps, and far inside a 64-bit integer.
MAX_OFFSET = 10_000_000
MAX_LIMIT = 200


def page_of(queryset, *, limit: int, offset: int, item: Callable[[Any], Any]) -> dict:
    """The total, and ``item(row)`` for each row of the requested slice (two queries)."""
    check_page(limit=limit, offset=offset)
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": [item(row) for row in queryset[offset : offset + limit]],
    }


def check_page(*, limit: int, offset: int) -> None:
    """Refuse a page the database cannot be asked for (the schemas say the same)."""
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput(f"The offset must be from 0 to {MAX_OFFSET:,}.", field="offset")
    if not 1 <= limit <= MAX_OFFSET:
        raise InvalidInput(f"The limit must be from 1 to {MAX_OFFSET:,}.", field="limit")


class LimitOffset(LimitOffsetPagination):
    """django-ninja's limit and offset paging, both bounded in the schema."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
