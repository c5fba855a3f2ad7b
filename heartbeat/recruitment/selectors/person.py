"""Reads for a person's page and a project lead's blocks: a person's pledged days month by
month against the working days of each month, and the needs still uncovered on the projects
someone leads."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from heartbeat.core.months import working_days
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.recruitment.coverage import ZERO, pledge_days_by_month
from heartbeat.recruitment.models import Pledge, PledgeAdjustment
from heartbeat.recruitment.selectors.figures import EPSILON, NEED_STAGES, with_coverage
from heartbeat.recruitment.selectors.organisation import this_month

# Where person_pledges() puts each pledge's adjustments.
ADJUSTMENTS = "month_adjustments"


def _days_by_month(pledge: Pledge) -> dict[datetime.date, Decimal]:
    adjustments = getattr(pledge, ADJUSTMENTS, None)
    if adjustments is None:
        adjustments = pledge.adjustments.all()
    return pledge_days_by_month(
        pledge.start_month,
        pledge.end_month,
        pledge.days_per_month,
        {a.month: a.days for a in adjustments},
    )


# A person's pledged days by month ---------------------------------------------------------


@dataclass
class LoadMonth:
    month: datetime.date
    working_days: int
    days: list[Decimal] = field(default_factory=list)  # per project, in ``PersonLoad.projects``

    @property
    def pledged(self) -> Decimal:
        return sum(self.days, ZERO)

    @property
    def free(self) -> Decimal:
        return max(Decimal(self.working_days) - self.pledged, ZERO)

    @property
    def over(self) -> bool:
        return self.pledged > self.working_days

    @property
    def over_by(self) -> Decimal:
        return self.pledged - self.working_days


@dataclass
class PersonLoad:
    projects: list[Project]
    months: list[LoadMonth]

    @property
    def over(self) -> list[LoadMonth]:
        return [m for m in self.months if m.over]


def person_pledges(person) -> list[Pledge]:
    """A person's active pledges across every project and organisation, each with its
    months' adjustments (2 queries, whether they have pledges or not: a prefetch would skip
    its query for none)."""
    active = Pledge.objects.active().filter(person=person)
    pledges = list(
        active.select_related(
            "organisation", "skill", "requirement__project", "requirement__skill"
        ).order_by("start_month", "requirement__project__title", "pk")
    )
    by_pledge: dict[int, list[PledgeAdjustment]] = defaultdict(list)
    for adjustment in PledgeAdjustment.objects.filter(pledge__in=active.values("pk")):
        by_pledge[adjustment.pledge_id].append(adjustment)
    for pledge in pledges:
        setattr(pledge, ADJUSTMENTS, by_pledge[pledge.pk])
    return pledges


def person_load(pledges: list[Pledge], months: list[datetime.date]) -> PersonLoad:
    """A person's pledged days in each month, project by project, against the working days
    of the month in Scotland: the most one person can give."""
    per_project: dict[int, dict[datetime.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    projects: dict[int, Project] = {}
    for pledge in pledges:
        project = pledge.requirement.project
        for month, days in _days_by_month(pledge).items():
            if months[0] <= month <= months[-1]:
                projects[project.pk] = project
                per_project[project.pk][month] += days
    shown = sorted(projects.values(), key=lambda p: (p.title.lower(), p.pk))
    return PersonLoad(
        projects=shown,
        months=[
            LoadMonth(
                month=month,
                working_days=working_days(month),
                days=[per_project[p.pk].get(month, ZERO) for p in shown],
            )
            for month in months
        ],
    )


def uncovered_needs(user, today: datetime.date | None = None) -> QuerySet[ResourceRequirement]:
    """Needs of the projects ``user`` leads that still lack days from this month on, with the
    largest gap first (1 query)."""
    month = this_month(today)
    return (
        with_coverage(
            ResourceRequirement.objects.filter(
                project__project_lead=user,
                project__stage__in=NEED_STAGES,
                end_month__gte=month,
            ),
            from_month=month,
        )
        .filter(shortfall_days__gt=EPSILON)
        .select_related("project", "skill")
        .order_by("-largest_gap", "project__title", "order", "pk")
    )
