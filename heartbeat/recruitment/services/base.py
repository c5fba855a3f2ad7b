"""Helpers every recruitment service shares: refusals and days as people type them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.portfolio.models import Project, Stage
from heartbeat.recruitment.models import ParticipationRole

# Projects that take no more participants or pledges.
FINISHED_STAGES = (Stage.CLOSED, Stage.CANCELLED)
MAX_CAPACITY_DAYS = Decimal("10000")


def _save(instance, actor) -> None:
    instance._history_user = actor
    instance.save()


def _refuse_unless(allowed: bool, organisation, actor, what: str) -> None:
    if allowed:
        return
    if actor is not None and actor.is_authenticated and actor.is_organisation_lead:
        raise PermissionDenied(
            f"You can only {what} for your own organisation, not for {organisation}.",
            code="not_your_organisation",
        )
    raise PermissionDenied(
        f"Only an organisation lead or the programme office can {what}.",
    )


def lock_project(project_id: int) -> Project:
    """The project, locked for the rest of the transaction: every recruitment write on a
    project takes this lock first, so its stage cannot change under the write and two
    writes to its participants or pledges happen one after the other."""
    return (
        Project.objects.select_for_update(of=("self",))
        .select_related("lead_organisation")
        .get(pk=project_id)
    )


def pledge_refusal(project: Project) -> ApplicationError | None:
    """Why ``project`` takes no pledges now, or None when it does: pledges are made and
    changed only while its needs are open (``portfolio.models.NEED_STAGES``: approved,
    recruiting, in delivery)."""
    if project.takes_pledges:
        return None
    if project.stage in FINISHED_STAGES:
        return ApplicationError(
            f"{project.title} is {project.get_stage_display().lower()}: it takes no more pledges.",
            code="project_closed",
            status=409,
        )
    if project.stage == Stage.PAUSED:
        return ApplicationError(
            f"{project.title} is paused: it takes no new pledges until it resumes. Pledges "
            "already made stay as they are.",
            code="project_paused",
            status=409,
        )
    return ApplicationError(
        f"{project.title} is {project.get_stage_display().lower()}: councils can pledge once "
        "the programme office approves it.",
        code="project_not_approved",
        status=409,
    )


def _refuse_unless_taking_pledges(project: Project) -> None:
    refusal = pledge_refusal(project)
    if refusal is not None:
        raise refusal


def default_participation_role(project: Project, organisation, participation=None) -> str:
    """The role an organisation takes when it joins without choosing one: the one it has,
    or lead for the project's lead organisation and participant for any other."""
    if participation is not None and participation.pk is not None and participation.role:
        return participation.role
    if project.lead_organisation_id == organisation.pk:
        return ParticipationRole.LEAD
    return ParticipationRole.PARTICIPANT


def _refuse_finished(project: Project, what: str) -> None:
    if project.stage in FINISHED_STAGES:
        raise ApplicationError(
            f"{project.title} is {project.get_stage_display().lower()}: it takes no more {what}.",
            code="project_closed",
            status=409,
        )


def _days(value, *, field: str, label: str) -> Decimal:
    try:
        days = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidInput(f"Enter {label} as a number, like 2.5", field=field) from None
    if not days.is_finite():
        raise InvalidInput(f"Enter {label} as a number, like 2.5", field=field)
    if days != days.quantize(Decimal("0.1")):
        raise InvalidInput(f"Give {label} to one decimal place at most, like 2.5", field=field)
    return days
