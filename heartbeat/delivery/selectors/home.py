"""What the home page and the due list show: updates due and overdue, escalated risks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from heartbeat.core.datacache import cached
from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.models import DeliverySettings, RaidItem, RaidKind, RaidStatus
from heartbeat.delivery.selectors.reporting import (
    OWING_STAGES,
    ReportingStatus,
    reporting_statuses,
    with_reporting,
    with_submitted,
)
from heartbeat.portfolio.models import Project, visibilities_for


@dataclass
class ProjectRef:
    """What a list of due updates shows of a project: read as plain values, not records."""

    pk: int
    slug: str
    title: str
    stage: str
    reporting_cadence: str
    active_since: datetime.datetime | None
    lead_organisation_name: str
    project_lead_name: str
    latest_submitted: bool | None = None
    current_submitted: bool | None = None

    def get_absolute_url(self) -> str:
        return f"/projects/{self.slug}/"


@dataclass
class DueLine:
    project: ProjectRef
    status: ReportingStatus

    @property
    def overdue(self) -> bool:
        return self.status.is_overdue


def due_updates(
    user,
    *,
    today: datetime.date,
    lead=None,
    settings: DeliverySettings | None = None,
    include_due: bool = True,
) -> list[DueLine]:
    """Active projects with an update overdue, or due this period and not yet in; those of
    ``lead`` only when given (two queries, whatever the number of projects: the settings,
    unless given, and the projects with their reporting state). Kept between requests for
    everyone who sees the same projects, until the data changes (``core.datacache``),
    unless the settings are given."""
    if settings is not None:
        return _due_updates(user, today, lead, settings, include_due)
    return cached(
        "delivery.due-updates",
        (visibilities_for(user), today, getattr(lead, "pk", None), include_due),
        lambda: _due_updates(user, today, lead, programme_settings(), include_due),
    )


def _due_updates(user, today, lead, settings, include_due) -> list[DueLine]:
    queryset = Project.objects.visible_to(user).filter(stage__in=OWING_STAGES)
    if lead is not None:
        queryset = queryset.filter(project_lead=lead)
    queryset = with_submitted(with_reporting(queryset, settings), settings, today).order_by()
    fields = (
        "pk", "slug", "title", "stage", "reporting_cadence", "active_since",
        "lead_organisation__name", "project_lead__full_name", "project_lead__email",
        "latest_submitted", "current_submitted",
    )  # fmt: skip
    projects = []
    for *head, organisation, name, email, latest, current in queryset.values_list(*fields):
        projects.append(ProjectRef(*head, organisation or "", name or email or "", latest, current))
    statuses = reporting_statuses(projects, settings, today)
    lines = [
        DueLine(project=project, status=statuses[project.pk])
        for project in projects
        if statuses[project.pk].is_overdue or (include_due and statuses[project.pk].is_due)
    ]
    lines.sort(
        key=lambda line: (
            not line.overdue,
            -(line.status.overdue_days or 0),
            line.status.next_due[1] if line.status.next_due else today,
            line.project.title.lower(),
        )
    )
    return lines


def escalated_risks(user):
    return (
        RaidItem.objects.filter(
            kind=RaidKind.RISK,
            status=RaidStatus.OPEN,
            escalated_at__isnull=False,
            project__in=Project.objects.visible_to(user),
        )
        .select_related("project", "escalated_by")
        .order_by("-escalated_at", "pk")
    )
