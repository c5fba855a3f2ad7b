"""An organisation's part in a project: interested, committed, active or withdrawn."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.recruitment import permissions
from heartbeat.recruitment.models import (
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
)
from heartbeat.recruitment.services.base import (
    _refuse_finished,
    _refuse_unless,
    _save,
    default_participation_role,
    lock_project,
)
from heartbeat.recruitment.services.pledges import _withdraw

# Participation -----------------------------------------------------------------------------


def participation_set(
    *,
    actor,
    project: Project,
    organisation,
    status: str,
    role: str | None = None,
    reason: str = "",
    only_if_new: bool = False,
) -> Participation:
    """Mark an organisation as interested in, committed to, active on or withdrawn from a
    project, in a role; withdrawing needs a reason and withdraws the organisation's pledges.

    ``role`` None keeps the organisation's role, or gives the default one
    (``default_participation_role``). With ``only_if_new``, an organisation that already has
    a participation is refused (409 already_participating) rather than changed: the check
    and the write hold the project's lock, so two joins at once make one participation."""
    _refuse_unless(
        permissions.can_manage_participation(actor, organisation),
        organisation,
        actor,
        "change a project's participants",
    )
    if status not in ParticipationStatus.values:
        raise InvalidInput("Choose interested, committed, active or withdrawn", field="status")
    if role and role not in ParticipationRole.values:
        raise InvalidInput("Choose lead, participant or observer", field="role")
    reason = (reason or "").strip()
    with transaction.atomic():
        project = lock_project(project.pk)
        participation = (
            Participation.objects.select_for_update()
            .filter(project=project, organisation=organisation)
            .first()
        )
        if only_if_new and participation is not None:
            raise ApplicationError(
                f"{organisation} already has a participation in {project.title}: change it "
                "instead.",
                code="already_participating",
                status=409,
            )
        role = role or default_participation_role(project, organisation, participation)
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
        try:
            with transaction.atomic():
                _save(participation, actor)
        except IntegrityError:
            raise ApplicationError(
                f"{organisation} already has a participation in {project.title}: change it "
                "instead.",
                code="already_participating",
                status=409,
            ) from None
        if status == ParticipationStatus.WITHDRAWN:
            # Needs before pledges: the order every pledge write locks them in.
            list(ResourceRequirement.objects.select_for_update().filter(project=project))
            pledges = Pledge.objects.select_for_update(of=("self",)).filter(
                organisation=organisation, requirement__project=project, status=PledgeStatus.ACTIVE
            )
            for pledge in pledges:
                _withdraw(
                    pledge,
                    actor=actor,
                    reason=f"{organisation} withdrew from the project: {reason}",
                )
    return participation


def lead_joins_new_project(*, actor, project: Project) -> None:
    """Creation listener: a new project's lead organisation joins it as its lead
    participant, committed, so it shows among the participants from the start."""
    if project.lead_organisation_id is None:
        return
    participation = Participation(
        project=project,
        organisation_id=project.lead_organisation_id,
        status=ParticipationStatus.COMMITTED,
        role=ParticipationRole.LEAD,
        committed_on=timezone.localdate(),
        changed_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _save(participation, actor)
