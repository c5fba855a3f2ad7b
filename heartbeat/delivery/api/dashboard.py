"""The delivery API: the dashboard's figures."""

from __future__ import annotations

import datetime

from django.utils import timezone
from ninja import Field, Query, Schema

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET
from heartbeat.core.exceptions import InvalidInput
from heartbeat.delivery.api.common import (
    MAX_LIMIT,
    ErrorOut,
    router,
)
from heartbeat.delivery.selectors.dashboard import (
    CONFIDENCE_FILTERS,
    fill_details,
    parse_dashboard_filters,
    programme_dashboard,
)

# The dashboard ----------------------------------------------------------------------------


class DashboardQuery(Schema):
    theme: str = Field("", description="A theme's slug", max_length=120)
    lead: str = Field("", description="The lead organisation's slug", max_length=120)
    confidence: str = Field(
        "", description="One of " + ", ".join(code for code, _ in CONFIDENCE_FILTERS)
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class TrendCellOut(Schema):
    period_start: datetime.date
    period_label: str
    confidence: str | None
    owed: bool


class DashboardProjectOut(Schema):
    slug: str
    title: str
    theme: str
    lead_organisation: str
    cadence: str
    confidence: str
    confidence_label: str
    latest_period_start: datetime.date | None
    percent_complete: int | None
    trend: list[TrendCellOut]
    overdue_days: int | None
    coverage_percent: int | None
    milestones_due: int
    milestones_slipped: int
    open_risks: int
    top_risk_score: int | None


class PeriodCountsOut(Schema):
    period_start: datetime.date
    period_label: str
    counts: dict[str, int]


class ThemeCountsOut(Schema):
    theme: str
    counts: dict[str, int]


class DashboardOut(Schema):
    today: datetime.date
    filters: dict[str, str]
    cadence: str
    due_day: int
    scale: str
    active_projects: int
    overdue_updates: int
    milestones_due: int
    milestones_slipped: int
    escalated_risks: int
    counts_by_confidence: dict[str, int]
    counts_by_theme: list[ThemeCountsOut]
    trend: list[PeriodCountsOut]
    count: int
    limit: int
    offset: int
    projects: list[DashboardProjectOut]


def _line(line) -> dict:
    level = line.level
    return {
        "slug": line.slug,
        "title": line.title,
        "theme": line.theme,
        "lead_organisation": line.lead_organisation,
        "cadence": line.reporting_cadence,
        "confidence": line.latest_confidence,
        "confidence_label": level.label if level else "No update yet",
        "latest_period_start": line.latest_period_start,
        "percent_complete": line.latest_percent,
        "trend": [
            {
                "period_start": cell.period.start,
                "period_label": cell.period.label,
                "confidence": cell.level.code if cell.level else None,
                "owed": cell.owed,
            }
            for cell in line.trend
        ],
        "overdue_days": line.status.overdue_days,
        "coverage_percent": line.coverage,
        "milestones_due": line.milestones_due,
        "milestones_slipped": line.milestones_slipped,
        "open_risks": line.open_risks,
        "top_risk_score": line.top_risk_score,
    }


@router.get(
    "/dashboard",
    auth=required,
    response={200: DashboardOut, 401: ErrorOut, 422: ErrorOut},
    summary="The programme dashboard's figures",
    description="The same figures as /dashboard/: counts by confidence and theme, the trend "
    "over six periods, overdue updates, milestones due and slipped, escalated risks, and a "
    "page of projects (lowest confidence first) with their trend, coverage and counts.",
)
def dashboard(request, params: Query[DashboardQuery]):
    filters, errors = parse_dashboard_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors), field="confidence")
    today = timezone.localdate()
    data = programme_dashboard(request.auth, filters, today=today)
    page = data.lines[params.offset : params.offset + params.limit]
    fill_details(page, data.settings, today)
    return {
        "today": today,
        "filters": filters.as_params(),
        "cadence": data.settings.cadence,
        "due_day": data.settings.due_day,
        "scale": data.settings.scale,
        "active_projects": data.total,
        "overdue_updates": data.overdue_count,
        "milestones_due": data.milestones_due_count,
        "milestones_slipped": data.milestones_slipped_count,
        "escalated_risks": data.escalated_count,
        "counts_by_confidence": data.counts_by_confidence,
        "counts_by_theme": [
            {"theme": theme, "counts": counts} for theme, counts in data.counts_by_theme
        ],
        "trend": [
            {"period_start": period.start, "period_label": period.label, "counts": counts}
            for period, counts in zip(data.trend_periods, data.trend_counts, strict=True)
        ],
        "count": data.total,
        "limit": params.limit,
        "offset": params.offset,
        "projects": [_line(line) for line in page],
    }
