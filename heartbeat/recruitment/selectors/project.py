"""A project's recruitment: participants, coverage month by month, pledges and their
history."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from heartbeat.core.formatting import uk_month
from heartbeat.core.history import HistoryEntry, newest_first, object_entries
from heartbeat.portfolio.models import Project, ResourceRequirement, Stage, visible_projects_q
from heartbeat.recruitment import permissions
from heartbeat.recruitment.coverage import (
    ProjectCoverage,
    pledged_by_need,
    requirement_coverage,
)
from heartbeat.recruitment.models import (
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.skills.models import SkillLevel

# A project's recruitment section -----------------------------------------------------------


@dataclass
class ProjectRecruitment:
    project: Project
    participations: list[Participation]
    coverage: ProjectCoverage
    pledges: list[Pledge]
    own_participation: Participation | None = None
    can_act: bool = False
    show_people: bool = False
    # Whether councils may pledge now (the project's needs are open: NEED_STAGES).
    accepting: bool = True
    # Whether organisations may still join or express interest (not closed or cancelled).
    joining: bool = True
    # A paused project takes no new pledges; those made stay, shown as paused.
    paused: bool = False

    def pledge_status(self, pledge) -> str:
        """How a pledge's status reads on the project page."""
        if self.paused and pledge.is_active:
            return "Paused"
        return pledge.get_status_display()


def project_coverage(project: Project) -> ProjectCoverage:
    """Coverage month by month for each of the project's requirements (2 queries)."""
    requirements = list(ResourceRequirement.objects.filter(project=project).select_related("skill"))
    pledged: dict[int, dict[datetime.date, Decimal]] = defaultdict(dict)
    for requirement_id, month, days in RequirementMonth.objects.filter(
        requirement__project=project
    ).values_list("requirement_id", "month", "pledged_days"):
        pledged[requirement_id][month] = days
    return ProjectCoverage(
        requirements=[requirement_coverage(r, pledged.get(r.pk, {})) for r in requirements]
    )


def _requirements_of(project: Project) -> list[ResourceRequirement]:
    # The project page has already loaded them, with their skills: reuse that when it can.
    cached = getattr(project, "_prefetched_objects_cache", {}).get("resource_requirements")
    if cached is not None:
        return list(cached)
    return list(ResourceRequirement.objects.filter(project=project).select_related("skill"))


def project_recruitment(user, project: Project) -> ProjectRecruitment:
    """Participants, coverage and pledges of one project, for its page (3 queries, 4 when
    the project's requirements are not already loaded)."""
    participations = list(
        Participation.objects.filter(project=project).select_related("organisation")
    )
    pledges = list(
        Pledge.objects.filter(requirement__project=project)
        .select_related("organisation", "person", "skill", "requirement__skill")
        .prefetch_related("adjustments")
        .order_by("status", "requirement__order", "requirement_id", "organisation__name", "id")
    )
    # Coverage from the pledges just loaded: the same sum the services store as
    # RequirementMonth (coverage.pledged_by_need), without another query.
    needs = _requirements_of(project)
    pledged = pledged_by_need(pledges, {need.pk: need for need in needs})
    coverage = ProjectCoverage(
        requirements=[requirement_coverage(r, pledged.get(r.pk, {})) for r in needs]
    )
    own = None
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id:
        own = next((p for p in participations if p.organisation_id == organisation_id), None)
    return ProjectRecruitment(
        project=project,
        participations=participations,
        coverage=coverage,
        pledges=pledges,
        own_participation=own,
        can_act=permissions.can_act_for_an_organisation(user),
        show_people=permissions.can_see_pledged_people(user, project),
        accepting=project.takes_pledges,
        joining=project.stage not in (Stage.CLOSED, Stage.CANCELLED),
        paused=project.stage == Stage.PAUSED,
    )


def pledge_detail(user, pledge_id: int) -> Pledge:
    """One pledge with its need, project and adjustments; 404 when its project is hidden."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Pledge.objects.select_related(
            "organisation",
            "person",
            "skill",
            "requirement__skill",
            "requirement__project__project_lead",
            "created_by",
        )
        .prefetch_related("adjustments")
        .filter(visible_projects_q(user, "requirement__project__")),
        pk=pledge_id,
    )


PLEDGE_HISTORY_FIELDS = {
    "who": "Who",
    "level": "Level",
    "days_per_month": "Days per month",
    "start_month": "First month",
    "end_month": "Last month",
    "status": "Status",
    "withdrawn_reason": "Reason",
    "notes": "Notes",
}
PARTICIPATION_HISTORY_FIELDS = {"status": "Status", "role": "Role", "reason": "Reason"}
_CHOICES = {
    "level": dict(SkillLevel.choices),
    "status": {**dict(PledgeStatus.choices), **dict(ParticipationStatus.choices)},
    "role": dict(ParticipationRole.choices),
}


def _show(attname: str, value) -> str:
    if value is None or value == "":
        return ""
    if attname in _CHOICES:
        return str(_CHOICES[attname].get(value, value))
    if attname in ("start_month", "end_month"):
        return uk_month(value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def pledge_history(pledge: Pledge) -> list[HistoryEntry]:
    """Readable changes to a pledge, newest first (1 query)."""
    records = list(
        pledge.history.select_related("history_user", "person").order_by("history_date", "pk")
    )
    for record in records:
        if record.person_id:
            record.who = record.person.display_name if record.person else "A named person"
        else:
            record.who = record.capacity_label or "Unnamed capacity"
    return newest_first(
        object_entries(
            records,
            fields=PLEDGE_HISTORY_FIELDS,
            show=_show,
            subject=lambda record: "the pledge",
            show_first=False,
        )
    )


def participation_history(participation: Participation | None) -> list[HistoryEntry]:
    """An organisation's part in a project over time, newest first (1 query)."""
    if participation is None:
        return []
    records = participation.history.select_related("history_user").order_by("history_date", "pk")
    return newest_first(
        object_entries(
            records,
            fields=PARTICIPATION_HISTORY_FIELDS,
            show=_show,
            subject=lambda record: "the participation",
        )
    )
