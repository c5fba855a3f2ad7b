"""The programme's lists and trend: milestones due and slipped, open risks, and projects by
confidence over the last six periods; each one query, whatever the number of projects."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db.models import Count, DateField, DurationField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.functions import TruncMonth, TruncQuarter

from heartbeat.delivery.cadence import (
    Cadence,
    Period,
    latest_due_period,
    period_containing,
    recent_periods,
)
from heartbeat.delivery.models import (
    OPEN_MILESTONE_STATUSES,
    DeliverySettings,
    HeartbeatUpdate,
    Milestone,
    RaidItem,
    RaidKind,
    RaidStatus,
    UpdateStatus,
)

TREND_PERIODS = 6
MILESTONE_WINDOW_DAYS = 60


def slipped_milestones(project_ids):
    return (
        Milestone.objects.filter(
            project_id__in=project_ids,
            status__in=OPEN_MILESTONE_STATUSES,
            baseline_date__isnull=False,
            forecast_date__gt=F("baseline_date"),
        )
        .annotate(
            slip=ExpressionWrapper(
                F("forecast_date") - F("baseline_date"), output_field=DurationField()
            )
        )
        .select_related("project")
        .order_by("-slip", "forecast_date", "pk")
    )


def due_milestones(project_ids, today: datetime.date):
    horizon = today + datetime.timedelta(days=MILESTONE_WINDOW_DAYS)
    return (
        Milestone.objects.filter(
            project_id__in=project_ids,
            status__in=OPEN_MILESTONE_STATUSES,
            forecast_date__lte=horizon,
        )
        .select_related("project")
        .order_by("forecast_date", "project__title", "pk")
    )


def programme_risks(project_ids, *, escalated_only: bool = False):
    queryset = RaidItem.objects.filter(
        project_id__in=project_ids, kind=RaidKind.RISK, status=RaidStatus.OPEN
    )
    if escalated_only:
        queryset = queryset.filter(escalated_at__isnull=False)
    return queryset.select_related("project").order_by(
        F("escalated_at").desc(nulls_last=True), "-score", "-raised_at", "pk"
    )


def _trend(project_ids, settings: DeliverySettings, today) -> tuple[list[Period], list[dict]]:
    """Projects by confidence in each of the programme's last six periods: each project
    counted once a period, by its latest update for a period starting in it (one query)."""
    last = latest_due_period(settings.cadence, settings.due_day, today)
    periods = recent_periods(settings.cadence, last, TREND_PERIODS)
    counts = [Counter() for _ in periods]
    index = {p.start: i for i, p in enumerate(periods)}
    updates = HeartbeatUpdate.objects.filter(
        status=UpdateStatus.SUBMITTED,
        project_id__in=project_ids,
        period_start__gte=periods[0].start,
        period_start__lte=periods[-1].end,
    )
    trunc = {Cadence.MONTHLY: TruncMonth, Cadence.QUARTERLY: TruncQuarter}.get(settings.cadence)
    if trunc is not None:
        # Months and financial quarters start where calendar months and quarters do, so
        # the database buckets the updates and counts the latest of each project in each.
        later = (
            HeartbeatUpdate.objects.filter(
                project_id=OuterRef("project_id"),
                status=UpdateStatus.SUBMITTED,
                period_start__gt=OuterRef("period_start"),
                # Implied by the line above; said outright, it lets the database read only
                # the six periods' updates instead of every earlier one.
                period_start__gte=periods[0].start,
                period_start__lte=periods[-1].end,
            )
            .annotate(bucket=trunc("period_start", output_field=DateField()))
            .filter(bucket=OuterRef("bucket"))
        )
        rows = (
            updates.annotate(bucket=trunc("period_start", output_field=DateField()))
            .filter(~Exists(later))
            .values_list("bucket", "confidence")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for bucket, confidence, n in rows:
            if bucket in index:
                counts[index[bucket]][confidence] += n
        return periods, [dict(c) for c in counts]
    seen: dict[tuple[int, int], tuple[datetime.date, str]] = {}
    for project_id, start, confidence in updates.values_list(
        "project_id", "period_start", "confidence"
    ):
        bucket = index.get(period_containing(settings.cadence, start).start)
        if bucket is None:
            continue
        key = (project_id, bucket)
        if key not in seen or seen[key][0] < start:
            seen[key] = (start, confidence)
    for (_project, bucket), (_start, confidence) in seen.items():
        counts[bucket][confidence] += 1
    return periods, [dict(c) for c in counts]
