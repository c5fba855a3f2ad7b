"""Helpers every recruitment service shares: refusals and days as people type them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.portfolio.models import Project, Stage

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
