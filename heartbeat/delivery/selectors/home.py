"""What the home page and the due list show: updates due and overdue, escalated risks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from heartbeat.delivery.config import programme_settings
from heartbeat.delivery.models import DeliverySettings, RaidItem, RaidKind, RaidStatus
from heartbeat.delivery.selectors.reporting import (
    OWING_STAGES,
    ReportingStatus,
    reporting_statuses,
    with_reporting,
)
from heartbeat.portfolio.models import Project


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
    ``lead`` only when given (three queries, whatever the number of projects)."""
    settings = settings or programme_settings()
    queryset = Project.objects.visible_to(user).filter(stage__in=OWING_STAGES)
    if lead is not None:
        queryset = queryset.filter(project_lead=lead)
    queryset = with_reporting(queryset, settings).order_by()
    fields = (
        "pk", "slug", "title", "stage", "reporting_cadence", "active_since",
        "lead_organisation__name", "project_lead__full_name", "project_lead__email",
    )  # fmt: skip
    projects = [
        ProjectRef(pk, slug, title, stage, cadence, since, organisation or "", name or email or "")
        for pk, slug, title, stage, cadence, since, organisation, name, email in (
            queryset.values_list(*fields)
        )
    ]
    statuses = reporting_statuses(
        projects,
        settings,
        today,
        project_ids=queryset.values("pk") if len(projects) > 100 else None,
    )
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
