"""Coverage worked out by the database from the pledged days by month, and the stages
in which needs are open."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Case,
    DateField,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, Greatest, Least
from django.db.models.lookups import LessThan

from heartbeat.portfolio.models import Project, Stage
from heartbeat.recruitment.coverage import ZERO
from heartbeat.recruitment.models import RequirementMonth

# Needs count as open once a project is approved, until it is closed.
NEED_STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY)
DAYS = DecimalField(max_digits=12, decimal_places=1)
# Days are kept to a tenth; anything smaller is rounding noise from SQLite's arithmetic.
EPSILON = Decimal("0.05")
TENTH = Decimal("0.1")


def _visible_projects(user):
    return Project.objects.visible_to(user)


def _sql_sum(expression):
    # A plain SUM without GROUP BY, usable inside a correlated subquery.
    return Func(expression, function="SUM", output_field=DAYS)


def _sql_min(expression):
    return Func(expression, function="MIN", output_field=DAYS)


def _sql_count(expression):
    return Func(expression, function="COUNT", output_field=IntegerField())


def _months_between(start, end):
    return ExpressionWrapper(
        (ExtractYear(end) - ExtractYear(start)) * 12 + ExtractMonth(end) - ExtractMonth(start) + 1,
        output_field=IntegerField(),
    )


def with_coverage(queryset, from_month: datetime.date | None = None):
    """Annotate resource requirements with their coverage, from ``from_month`` (or their
    start) to their end: per_month, months_open, required_days, covered_days, shortfall_days
    and largest_gap (the biggest shortfall in any one month)."""
    if from_month is None:
        window_start = F("start_month")
    else:
        window_start = Greatest(
            F("start_month"), Value(from_month, output_field=DateField()), output_field=DateField()
        )
    queryset = queryset.annotate(
        window_start=window_start,
        per_month=ExpressionWrapper(F("people") * F("days_per_month"), output_field=DAYS),
    ).annotate(months_open=_months_between(F("window_start"), F("end_month")))
    rows = RequirementMonth.objects.filter(
        requirement=OuterRef("pk"),
        month__gte=OuterRef("window_start"),
        month__lte=OuterRef("end_month"),
    ).order_by()
    covered = rows.values(
        total=_sql_sum(Least("pledged_days", OuterRef("per_month"), output_field=DAYS))
    )
    # The fewest days pledged in any month of the window: 0 when a month has no pledge.
    weakest = rows.values(
        total=Case(
            When(LessThan(_sql_count("pk"), OuterRef("months_open")), then=Value(ZERO)),
            default=_sql_min("pledged_days"),
            output_field=DAYS,
        )
    )
    return queryset.annotate(
        required_days=ExpressionWrapper(F("per_month") * F("months_open"), output_field=DAYS),
        covered_days=Coalesce(Subquery(covered, output_field=DAYS), Value(ZERO), output_field=DAYS),
        shortfall_days=ExpressionWrapper(F("required_days") - F("covered_days"), output_field=DAYS),
        largest_gap=ExpressionWrapper(
            F("per_month")
            - Least(
                Coalesce(Subquery(weakest, output_field=DAYS), Value(ZERO), output_field=DAYS),
                F("per_month"),
                output_field=DAYS,
            ),
            output_field=DAYS,
        ),
    )
