"""An organisation's part in a project: interested, committed, active or withdrawn."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.portfolio.models import Project
from heartbeat.recruitment import permissions
from heartbeat.recruitment.models import (
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
)
from heartbeat.recruitment.services.base import _refuse_finished, _refuse_unless, _save
from heartbeat.recruitment.services.pledges import _withdraw

# Participation -----------------------------------------------------------------------------


def participation_set(
    *,
    actor,
    project: Project,
    organisation,
    status: str,
    role: str = ParticipationRole.PARTICIPANT,
    reason: str = "",
) -> Participation:
    """Mark an organisation as interested in, committed to, active on or withdrawn from a
    project, in a role; withdrawing needs a reason and withdraws the organisation's pledges."""
    _refuse_unless(
        permissions.can_manage_participation(actor, organisation),
        organisation,
        actor,
        "change a project's participants",
    )
    if status not in ParticipationStatus.values:
        raise InvalidInput("Choose interested, committed, active or withdrawn", field="status")
    if role not in ParticipationRole.values:
        raise InvalidInput("Choose lead, participant or observer", field="role")
    reason = (reason or "").strip()
    with transaction.atomic():
        participation = (
            Participation.objects.select_for_update()
            .filter(project=project, organisation=organisation)
            .first()
        )
        previous = participation.status if participation else None
        if status == ParticipationStatus.WITHDRAWN:
            if previous in (None, ParticipationStatus.WITHDRAWN):
                raise ApplicationError(
                    f"{organisation} is not taking part in {project.title}, so it cannot withdraw.",
                    code="not_participating",
                    status=409,
                )
            if not reason:
                raise InvalidInput("Give a reason for withdrawing", field="reason")
        else:
            _refuse_finished(project, "participants")
            if status == ParticipationStatus.ACTIVE and previous not in (
                ParticipationStatus.COMMITTED,
                ParticipationStatus.ACTIVE,
            ):
                raise ApplicationError(
                    f"{organisation} must commit to {project.title} before it becomes active.",
                    code="commit_first",
                    status=409,
                )
            if role == ParticipationRole.LEAD and project.lead_organisation_id != organisation.pk:
                lead = project.lead_organisation
                raise InvalidInput(
                    f"Only the project's lead organisation{f' ({lead})' if lead else ''} "
                    "can take the lead role: choose participant or observer",
                    field="role",
                )
        today = timezone.localdate()
        if participation is None:
            participation = Participation(project=project, organisation=organisation)
        participation.status = status
        participation.role = role
        participation.reason = reason if status == ParticipationStatus.WITHDRAWN else ""
        participation.changed_by = actor
        if status == ParticipationStatus.INTERESTED and previous != status:
            participation.interested_on = today
        if status in (ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE) and (
            participation.committed_on is None or previous == ParticipationStatus.WITHDRAWN
        ):
            participation.committed_on = today
        participation.withdrawn_on = today if status == ParticipationStatus.WITHDRAWN else None
        _save(participation, actor)
        if status == ParticipationStatus.WITHDRAWN:
            pledges = Pledge.objects.select_for_update().filter(
                organisation=organisation, requirement__project=project, status=PledgeStatus.ACTIVE
            )
            for pledge in pledges:
                _withdraw(
                    pledge,
                    actor=actor,
                    reason=f"{organisation} withdrew from the project: {reason}",
                )
    return participation
