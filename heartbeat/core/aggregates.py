"""Database expressions that every app's lists and exports use."""

from __future__ import annotations

from django.db.models import QuerySet, Subquery, TextField


class JoinedText(Subquery):
    """The one column of ``queryset``'s rows joined with ", ", in the queryset's order, as a
    correlated subquery: a row's organisation names, say, in the same query as the row.

    ``queryset`` selects a single column, named ``v``
    (``.annotate(v=F("organisation__name")).values("v")``), and refers to the outer row
    with ``OuterRef``. No rows give an empty text on PostgreSQL and NULL on SQLite.
    """

    output_field = TextField()

    def __init__(self, queryset: QuerySet, **extra):
        super().__init__(queryset, output_field=TextField(), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        # ARRAY(subquery) keeps the subquery's order, which string_agg over a subquery need not.
        return self.as_sql(
            compiler, connection, template="ARRAY_TO_STRING(ARRAY(%(subquery)s), ', ')"
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite concatenates the rows of an ordered subquery in its order.
        return self.as_sql(
            compiler, connection, template="(SELECT GROUP_CONCAT(v, ', ') FROM (%(subquery)s))"
        )
