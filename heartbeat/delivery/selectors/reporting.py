"""Which periods each project owes, and whether it is late: for many projects at once.

A project that is recruiting or in delivery owes an update for every period of its cadence
from the first one starting after it began recruiting or delivering. For each cadence the
latest due period and the current period are the same for every project, so the whole
programme's state comes from one query: the projects, annotated with their cadence, the day
they became active and whether each of those two periods has a submitted update
(``with_submitted``). Rows without that last annotation cost one more query.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    Exists,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from heartbeat.delivery.cadence import (
    Cadence,
    Period,
    first_owed_period,
    latest_due_period,
    period_containing,
)
from heartbeat.delivery.models import DeliverySettings, HeartbeatUpdate, UpdateStatus
from heartbeat.portfolio.models import Stage, StageTransition

OWING_STAGES = (Stage.RECRUITING, Stage.IN_DELIVERY)


def with_reporting(queryset, settings: DeliverySettings, programme_cadence=None):
    """Annotate projects with ``reporting_cadence`` (their own or the programme's) and
    ``active_since`` (when they first started recruiting or delivering).

    ``programme_cadence``, an expression, reads the programme's cadence in the same query
    instead of taking it from ``settings``."""
    first_active = (
        StageTransition.objects.filter(project=OuterRef("pk"), to_stage__in=OWING_STAGES)
        .order_by("at")
        .values("at")[:1]
    )
    return queryset.annotate(
        reporting_cadence=Coalesce(
            "delivery_cadence__cadence",
            programme_cadence if programme_cadence is not None else Value(settings.cadence),
        ),
        active_since=Coalesce(
            Subquery(first_active, output_field=DateTimeField()),
            "stage_changed_at",
            "created_at",
            output_field=DateTimeField(),
        ),
    )


def with_submitted(queryset, settings: DeliverySettings, today: datetime.date):
    """Annotate projects already annotated by ``with_reporting`` with ``latest_submitted``
    and ``current_submitted``: whether their cadence's latest due period and current period
    have a submitted update, in the same query (an index lookup a project)."""
    periods = periods_to_check(settings, today)

    def submitted(index: int) -> Case:
        return Case(
            *(
                When(
                    reporting_cadence=cadence,
                    then=Exists(
                        HeartbeatUpdate.objects.filter(
                            project=OuterRef("pk"),
                            status=UpdateStatus.SUBMITTED,
                            period_start=pair[index].start,
                        )
                    ),
                )
                for cadence, pair in periods.items()
            ),
            default=Value(False),
            output_field=BooleanField(),
        )

    return queryset.annotate(latest_submitted=submitted(0), current_submitted=submitted(1))


@dataclass
class ReportingStatus:
    project_id: int
    cadence: str
    stage: str
    current: Period
    latest_due: Period
    latest_due_date: datetime.date
    current_due_date: datetime.date
    owes_latest: bool
    owes_current: bool
    latest_submitted: bool
    current_submitted: bool
    today: datetime.date
    due_day: int = 0
    first_owed: Period | None = None

    @property
    def is_overdue(self) -> bool:
        return self.owes_latest and not self.latest_submitted

    @property
    def overdue_days(self) -> int | None:
        if not self.is_overdue:
            return None
        return (self.today - self.latest_due_date).days

    @property
    def is_due(self) -> bool:
        """The current period's update is owed, not yet in, and its due day is to come."""
        return (
            self.owes_current
            and not self.current_submitted
            and self.current_due_date >= self.today
            and self.current != self.latest_due
        )

    @property
    def next_due(self) -> tuple[Period, datetime.date] | None:
        """The next update this project owes, and its due date (None when it owes none)."""
        if self.is_overdue:
            return self.latest_due, self.latest_due_date
        if self.stage not in OWING_STAGES:
            return None
        if self.owes_current and not self.current_submitted and self.current != self.latest_due:
            return self.current, self.current_due_date
        following = self.current.next()
        return following, following.due_date(self.due_day)


def periods_to_check(
    settings: DeliverySettings, today: datetime.date
) -> dict[str, tuple[Period, Period]]:
    """For each cadence, (latest due period, current period)."""
    return {
        cadence: (
            latest_due_period(cadence, settings.due_day, today),
            period_containing(cadence, today),
        )
        for cadence in Cadence.values
    }


def submitted_pairs(project_ids, starts: Iterable[datetime.date]) -> set[tuple[int, datetime.date]]:
    """(project id, period start) of the submitted updates among these (one query).

    ``project_ids`` is a list of ids or a query of them (``values("pk")``), which spares a
    long list of parameters when there are many projects."""
    if isinstance(project_ids, list | tuple | set) and not project_ids:
        return set()
    return set(
        HeartbeatUpdate.objects.filter(
            status=UpdateStatus.SUBMITTED, project_id__in=project_ids, period_start__in=set(starts)
        ).values_list("project_id", "period_start")
    )


def reporting_statuses(
    rows: Iterable, settings: DeliverySettings, today: datetime.date, project_ids=None
) -> dict[int, ReportingStatus]:
    """The reporting state of projects annotated by ``with_reporting`` (rows need ``pk``,
    ``stage``, ``reporting_cadence`` and ``active_since``): no query for rows that also
    carry ``with_submitted``'s annotations, one for all of them otherwise."""
    rows = list(rows)
    periods = periods_to_check(settings, today)
    annotated = all(getattr(row, "latest_submitted", None) is not None for row in rows)
    submitted: set = set()
    if not annotated:
        starts = {p.start for pair in periods.values() for p in pair}
        submitted = submitted_pairs(
            project_ids if project_ids is not None else [row.pk for row in rows], starts
        )
    statuses = {}
    for row in rows:
        latest_due, current = periods[row.reporting_cadence]
        statuses[row.pk] = build_status(
            row,
            settings,
            today,
            latest_submitted=(
                row.latest_submitted if annotated else (row.pk, latest_due.start) in submitted
            ),
            current_submitted=(
                row.current_submitted if annotated else (row.pk, current.start) in submitted
            ),
        )
    return statuses


def build_status(
    row,
    settings: DeliverySettings,
    today: datetime.date,
    *,
    latest_submitted: bool,
    current_submitted: bool,
) -> ReportingStatus:
    """The reporting state of one project row (``pk``, ``stage``, ``reporting_cadence``,
    ``active_since``), given which of its two key periods have a submitted update."""
    cadence = row.reporting_cadence
    latest_due = latest_due_period(cadence, settings.due_day, today)
    current = period_containing(cadence, today)
    owing = row.stage in OWING_STAGES
    since = row.active_since.date() if row.active_since else today
    first = first_owed_period(cadence, since)
    return ReportingStatus(
        project_id=row.pk,
        cadence=cadence,
        stage=row.stage,
        current=current,
        latest_due=latest_due,
        latest_due_date=latest_due.due_date(settings.due_day),
        current_due_date=current.due_date(settings.due_day),
        owes_latest=owing and first.start <= latest_due.start,
        owes_current=owing and first.start <= current.start,
        latest_submitted=latest_submitted,
        current_submitted=current_submitted,
        today=today,
        due_day=settings.due_day,
        first_owed=first,
    )
