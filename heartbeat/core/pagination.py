from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet

from heartbeat.core.datacache import cached


def paginate(items, request, per_page: int = 25):
    """The requested page of ``items``; a bad page number shows the nearest real page."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class RowsById:
    """A queryset as a paginator reads it: the ids of its rows in order, then a page's rows
    whole, by id.

    A list that shows each row with its related records (``select_related``) or with
    figures worked out per row (subqueries), sorted on one of them, makes the database
    join and work out every row before it can cut out a page. Here the ids are read sorted
    and filtered as the queryset says (joining only what the sort and the filters need) and
    the page's rows are then read with everything else by id: the joins and the figures
    are made for 25 rows, not the whole list. Two queries, as counting and reading a page
    are; the rows come back in the queryset's order.

    With ``keep`` (a name for the list), the ids are kept in the shared cache until the
    data changes (heartbeat.core.datacache), under the ids query's own SQL and parameters:
    everything that decides which rows a person sees and in what order is in them."""

    def __init__(self, queryset: QuerySet, keep: str | None = None):
        self.queryset = queryset
        self.keep = keep
        self._ids: list | None = None

    def ids(self) -> list:
        if self._ids is None:
            query = self.queryset.values_list("pk", flat=True)
            if self.keep:
                try:
                    sql, params = query.query.sql_with_params()
                except EmptyResultSet:  # a filter that can match nothing, such as ``in []``
                    self._ids = []
                    return self._ids
                self._ids = cached(f"ids:{self.keep}", (sql, repr(params)), lambda: list(query))
            else:
                self._ids = list(query)
        return self._ids

    def count(self) -> int:
        return len(self.ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice):
            raise TypeError("RowsById are read a page (a slice) at a time.")
        ids = self.ids()[index]
        if not ids:
            return []
        rows = {row.pk: row for row in self.rows(ids)}
        return [rows[pk] for pk in ids if pk in rows]

    def rows(self, ids: list):
        """The rows with these ids, in any order: the queryset's own, unless a list reads
        its page's rows with other columns."""
        return self.queryset.order_by().filter(pk__in=ids)
