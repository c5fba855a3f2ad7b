"""One page of a list endpoint: ``{count, limit, offset, items}``."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.pagination import RowsById

# The furthest any list may be paged: past it the databases' integers overflow.
MAX_OFFSET = 10_000_000


def page_of(queryset, *, limit: int, offset: int, item: Callable[[Any], Any]) -> dict:
    """The total, and ``item(row)`` for each row of the requested slice (two queries).

    A queryset is read as ``RowsById`` reads it: the list's ids, kept in the shared cache
    until the data changes, then the slice's rows by id (one query when the ids are kept)."""
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidInput(f"The offset must be between 0 and {MAX_OFFSET:,}.", field="offset")
    if (
        isinstance(queryset, QuerySet)
        and queryset._iterable_class is ModelIterable  # rows as model instances, with a pk
        and queryset.query.combinator is None
    ):
        queryset = RowsById(queryset, keep=f"api:{queryset.model._meta.label_lower}")
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": [item(row) for row in queryset[offset : offset + limit]],
    }


class BoundedLimitOffset(LimitOffsetPagination):
    """django-ninja's limit and offset paging, with both bounded in the schema (its own
    offset has no maximum, and one past a 64-bit integer overflows the database)."""

    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
