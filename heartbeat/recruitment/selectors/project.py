"""A project's recruitment: participants, coverage month by month, pledges and their
history."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from heartbeat.portfolio.models import Project, ResourceRequirement, Stage
from heartbeat.recruitment import permissions
from heartbeat.recruitment.coverage import (
    ProjectCoverage,
    pledge_days_by_month,
    requirement_coverage,
    sum_by_month,
)
from heartbeat.recruitment.models import (
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.recruitment.selectors.figures import _visible_projects
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
    accepting: bool = True


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
    # Coverage from the pledges just loaded: the same sums the services keep in
    # RequirementMonth, without another query.
    per_requirement: dict[int, list] = defaultdict(list)
    for pledge in pledges:
        if pledge.is_active:
            per_requirement[pledge.requirement_id].append(
                pledge_days_by_month(
                    pledge.start_month,
                    pledge.end_month,
                    pledge.days_per_month,
                    {a.month: a.days for a in pledge.adjustments.all()},
                )
            )
    coverage = ProjectCoverage(
        requirements=[
            requirement_coverage(r, sum_by_month(per_requirement.get(r.pk, [])))
            for r in _requirements_of(project)
        ]
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
        accepting=project.stage not in (Stage.CLOSED, Stage.CANCELLED),
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
        .filter(requirement__project__in=_visible_projects(user)),
        pk=pledge_id,
    )


def pledge_history(pledge: Pledge) -> list[dict]:
    """Readable changes to a pledge, newest first (2 queries)."""
    from heartbeat.core.formatting import uk_month

    def who(record) -> str:
        if record.person_id:
            return record.person.display_name if record.person else "A named person"
        return record.capacity_label or "Unnamed capacity"

    def shown(record, name):
        value = getattr(record, name)
        if name == "level":
            return SkillLevel(value).label if value in SkillLevel.values else value
        if name == "status":
            return PledgeStatus(value).label if value in PledgeStatus.values else value
        if name in ("start_month", "end_month"):
            return uk_month(value)
        return value

    labels = {
        "level": "Level",
        "days_per_month": "Days per month",
        "start_month": "First month",
        "end_month": "Last month",
        "status": "Status",
        "withdrawn_reason": "Reason for withdrawing",
        "notes": "Notes",
    }
    records = list(
        pledge.history.select_related("history_user", "person").order_by("history_date", "pk")
    )
    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            if who(previous) != who(record):
                changes.append(("Who", who(previous), who(record)))
            changes += [
                (label, shown(previous, name), shown(record, name))
                for name, label in labels.items()
                if getattr(previous, name) != getattr(record, name)
            ]
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "what": "Pledged" if record.history_type == "+" else "Changed",
                "changes": changes,
            }
        )
        previous = record
    return list(reversed(entries))


def participation_history(participation: Participation | None) -> list[dict]:
    """An organisation's part in a project over time, newest first (1 query)."""
    if participation is None:
        return []
    return [
        {
            "when": record.history_date,
            "who": record.history_user,
            "status": ParticipationStatus(record.status).label,
            "role": record.get_role_display(),
            "reason": record.reason,
        }
        for record in participation.history.select_related("history_user").order_by(
            "-history_date", "-pk"
        )
    ]
