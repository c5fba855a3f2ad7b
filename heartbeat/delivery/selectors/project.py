"""One project's delivery: its reporting state, updates, milestones and RAID log, each read
in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from heartbeat.delivery import permissions
from heartbeat.delivery.cadence import Period, recent_periods
from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.models import (
    OPEN_MILESTONE_STATUSES,
    DeliverySettings,
    HeartbeatUpdate,
    Milestone,
    MilestoneChange,
    RaidItem,
    RaidKind,
    RaidStatus,
    UpdateStatus,
)
from heartbeat.delivery.scales import level_for
from heartbeat.delivery.selectors.dashboard import TREND_PERIODS, TrendCell
from heartbeat.delivery.selectors.reporting import (
    OWING_STAGES,
    ReportingStatus,
    build_status,
    reporting_statuses,
    with_reporting,
)
from heartbeat.portfolio.models import Project

TOP_RISKS_SHOWN = 5
MILESTONE_WINDOW_DAYS = 60


def project_for(user, slug: str) -> Project:
    """A project the person may see, with its reporting cadence and active date (1 query)."""
    settings = programme_settings()
    queryset = with_reporting(
        Project.objects.visible_to(user).select_related(
            "theme", "lead_organisation", "project_lead"
        ),
        settings,
    )
    project = get_object_or_404(queryset, slug=slug)
    project.delivery_settings = settings
    return project


def reporting_status(project: Project, settings: DeliverySettings, today) -> ReportingStatus:
    """The project's reporting state (1 query); ``project`` comes from ``project_for`` or
    carries the same annotations."""
    return reporting_statuses([project], settings, today)[project.pk]


def _reporting_row(project: Project, settings: DeliverySettings):
    if hasattr(project, "reporting_cadence"):
        return project
    return (
        with_reporting(Project.objects.filter(pk=project.pk), settings)
        .only("pk", "stage", "stage_changed_at", "created_at")
        .get()
    )


SETTINGS_FIELDS = ("cadence", "due_day", "scale", "escalate_after_days", "version")


def _reporting_row_and_settings(project: Project):
    """The project's reporting annotations and the programme's delivery settings (the saved
    ones, or the defaults) in one query."""
    saved = DeliverySettings.objects.filter(pk=1)
    defaults = DeliverySettings(pk=1)
    read = {f"settings_{name}": Subquery(saved.values(name)) for name in SETTINGS_FIELDS}
    row = (
        with_reporting(
            Project.objects.filter(pk=project.pk),
            defaults,
            programme_cadence=Coalesce(read["settings_cadence"], Value(defaults.cadence)),
        )
        .annotate(**read)
        .only("pk", "stage", "stage_changed_at", "created_at")
        .get()
    )
    values = [getattr(row, f"settings_{name}") for name in SETTINGS_FIELDS]
    if values[0] is None:  # nothing saved: the defaults
        return row, defaults
    return row, DeliverySettings.from_db("default", ["id", *SETTINGS_FIELDS], [1, *values])


@dataclass
class ProjectDelivery:
    """What the project page's delivery section, the status report and the update form
    show about a project."""

    project: Project
    settings: DeliverySettings
    status: ReportingStatus
    latest: HeartbeatUpdate | None
    trend: list[TrendCell]
    milestones: list[Milestone]
    open_risks: list[RaidItem]
    open_risk_count: int = 0
    can_report: bool = False
    can_view_raid: bool = False
    drafts: list[HeartbeatUpdate] = field(default_factory=list)

    @property
    def top_risks(self) -> list[RaidItem]:
        return self.open_risks[:TOP_RISKS_SHOWN]

    @property
    def milestones_due(self) -> list[Milestone]:
        horizon = self.status.today + datetime.timedelta(days=MILESTONE_WINDOW_DAYS)
        return [m for m in self.milestones if m.is_open and m.forecast_date <= horizon]


def project_delivery(
    user, project: Project, *, today: datetime.date, settings: DeliverySettings | None = None
) -> ProjectDelivery:
    """The project's latest update, trend over six periods, milestones and open risks
    (four queries at most, whatever the number of records)."""
    settings = settings or getattr(project, "delivery_settings", None)
    if settings is None and not hasattr(project, "reporting_cadence"):
        row, settings = _reporting_row_and_settings(project)
    else:
        settings = settings or programme_settings()
        row = _reporting_row(project, settings)
    can_report = permissions.can_report_on(user, project)
    can_view_raid = permissions.can_view_raid(user, project)
    # The latest updates cover the current period, the latest due one and the trend's.
    recent = list(
        HeartbeatUpdate.objects.filter(project=project)
        .filter(Q(status=UpdateStatus.SUBMITTED) | Q(status=UpdateStatus.DRAFT))
        .select_related("submitted_by", "author")
        .order_by("-period_start", "status")[: TREND_PERIODS + 3]
    )
    submitted = {u.period_start: u for u in recent if u.status == UpdateStatus.SUBMITTED}
    drafts = [u for u in recent if u.status == UpdateStatus.DRAFT] if can_report else []
    status = build_status(
        row,
        settings,
        today,
        latest_submitted=False,
        current_submitted=False,
    )
    status.latest_submitted = status.latest_due.start in submitted
    status.current_submitted = status.current.start in submitted
    first = status.first_owed
    owing = row.stage in OWING_STAGES
    trend = [
        TrendCell(
            period=period,
            level=level_for(submitted[period.start].confidence)
            if period.start in submitted
            else None,
            owed=owing and period.start >= first.start,
        )
        for period in recent_periods(status.cadence, status.latest_due, TREND_PERIODS)
    ]
    latest = max(submitted.values(), key=lambda u: u.period_start) if submitted else None
    milestones = list(
        Milestone.objects.filter(project=project).order_by("forecast_date", "order", "pk")
    )
    open_risks: list[RaidItem] = []
    if can_view_raid:
        open_risks = list(
            RaidItem.objects.filter(
                project=project, kind=RaidKind.RISK, status=RaidStatus.OPEN
            ).order_by("-score", "-raised_at", "pk")
        )
    return ProjectDelivery(
        project=project,
        settings=settings,
        status=status,
        latest=latest,
        trend=trend,
        milestones=milestones,
        open_risks=open_risks,
        open_risk_count=len(open_risks),
        can_report=can_report,
        can_view_raid=can_view_raid,
        drafts=drafts,
    )


# Update history ----------------------------------------------------------------------------


@dataclass
class PeriodUpdates:
    period: Period
    versions: list[HeartbeatUpdate]  # newest first: the submitted one, then those it corrected

    @property
    def current(self) -> HeartbeatUpdate | None:
        return next((u for u in self.versions if u.status == UpdateStatus.SUBMITTED), None)

    @property
    def draft(self) -> HeartbeatUpdate | None:
        return next((u for u in self.versions if u.status == UpdateStatus.DRAFT), None)


def update_history(user, project: Project) -> list[PeriodUpdates]:
    """Every period's updates, newest period first, corrected versions kept beside the
    version that corrected them; drafts only for those who write them (one query)."""
    queryset = HeartbeatUpdate.objects.filter(project=project).select_related(
        "submitted_by", "author"
    )
    if not permissions.can_report_on(user, project):
        queryset = queryset.published()
    groups: dict[datetime.date, PeriodUpdates] = {}
    for update in queryset.order_by("-period_start", "-correction_number", "status"):
        group = groups.get(update.period_start)
        if group is None:
            group = groups[update.period_start] = PeriodUpdates(
                period=Period(update.period_start, update.period_end, update.cadence), versions=[]
            )
        group.versions.append(update)
    return list(groups.values())


def update_detail(user, project: Project, pk: int) -> tuple[HeartbeatUpdate, list[HeartbeatUpdate]]:
    """One update and every version for its period, newest first (one query)."""
    queryset = HeartbeatUpdate.objects.filter(project=project).select_related(
        "submitted_by", "author", "project"
    )
    if not permissions.can_report_on(user, project):
        queryset = queryset.published()
    versions = list(
        queryset.filter(
            period_start=HeartbeatUpdate.objects.filter(pk=pk, project=project).values(
                "period_start"
            )[:1]
        ).order_by("-correction_number", "status")
    )
    update = next((u for u in versions if u.pk == pk), None)
    if update is None:
        raise Http404("No such update.")
    return update, versions


def last_submitted(project: Project, before: datetime.date | None = None) -> HeartbeatUpdate | None:
    queryset = HeartbeatUpdate.objects.submitted().filter(project=project)
    if before is not None:
        queryset = queryset.filter(period_start__lt=before)
    return queryset.order_by("-period_start").first()


# Milestones --------------------------------------------------------------------------------


def project_milestones(project: Project) -> list[Milestone]:
    """Every milestone with its history of date changes (two queries)."""
    return list(
        Milestone.objects.filter(project=project)
        .select_related("product")
        .prefetch_related(
            Prefetch(
                "changes",
                queryset=MilestoneChange.objects.select_related("changed_by", "update").order_by(
                    "-changed_at", "-pk"
                ),
            )
        )
        .order_by("forecast_date", "order", "pk")
    )


def milestone_for(user, project: Project, pk: int) -> Milestone:
    return get_object_or_404(
        Milestone.objects.select_related("project", "product").prefetch_related(
            Prefetch(
                "changes",
                queryset=MilestoneChange.objects.select_related("changed_by", "update").order_by(
                    "-changed_at", "-pk"
                ),
            )
        ),
        project=project,
        pk=pk,
    )


def open_milestones(project: Project) -> list[Milestone]:
    return list(
        Milestone.objects.filter(project=project, status__in=OPEN_MILESTONE_STATUSES).order_by(
            "forecast_date", "order", "pk"
        )
    )


# RAID log ----------------------------------------------------------------------------------


RAID_STATUS_FILTERS = (("open", "Open"), ("closed", "Closed"), ("all", "Open and closed"))


def raid_log(project: Project, *, kind: str = "", status: str = "open") -> list[RaidItem]:
    """The log's items, open ones by default, risks by score (one query)."""
    queryset = RaidItem.objects.filter(project=project).select_related(
        "depends_on_project", "depends_on_product__project", "raised_by", "escalated_by"
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if status in (RaidStatus.OPEN, RaidStatus.CLOSED):
        queryset = queryset.filter(status=status)
    return sorted(
        queryset,
        key=lambda item: (
            ["risk", "issue", "assumption", "dependency"].index(item.kind),
            item.status != RaidStatus.OPEN,
            -(item.score or 0),
            item.number,
        ),
    )


def raid_item_for(user, project: Project, pk: int) -> RaidItem:
    if not permissions.can_view_raid(user, project):
        raise Http404("No such item.")
    return get_object_or_404(
        RaidItem.objects.select_related(
            "project",
            "depends_on_project",
            "depends_on_product__project",
            "raised_by",
            "escalated_by",
            "closed_by",
        ),
        project=project,
        pk=pk,
    )
