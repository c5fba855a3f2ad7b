"""Writing the programme's delivery settings and a project's own cadence."""

from __future__ import annotations

from django.db import transaction

from heartbeat.core.exceptions import Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_datetime
from heartbeat.delivery import permissions
from heartbeat.delivery.cadence import MAX_DUE_DAY, Cadence
from heartbeat.delivery.models import MAX_ESCALATE_AFTER_DAYS, DeliverySettings, ProjectCadence
from heartbeat.delivery.scales import ScaleCode
from heartbeat.delivery.services.common import acting_user, require
from heartbeat.portfolio.models import Project


def _whole(value, *, field: str, label: str, low: int, high: int) -> int:
    if isinstance(value, bool):
        value = None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        raise InvalidInput(f"{label} must be a whole number from {low} to {high}.", field=field)
    return number


@transaction.atomic
def settings_update(
    *,
    actor,
    cadence: str,
    due_day: int,
    scale: str,
    escalate_after_days: int,
    expected_version: int,
) -> DeliverySettings:
    """Change how often projects report, when updates are due, the confidence scale and when
    a missing update goes to the programme office."""
    if actor is not None:
        require(
            permissions.can_manage_settings(actor),
            "Only the programme office can change the programme's reporting settings.",
        )
    # The defaults read as version 1 before anyone saves them.
    DeliverySettings.objects.get_or_create(pk=1)
    current = DeliverySettings.objects.select_for_update().get(pk=1)
    if current.version != expected_version:
        raise Conflict(
            f"Someone changed the settings on {uk_datetime(current.updated_at)}, after you "
            "opened them. Check their changes, then save again.",
            extra={"current_version": current.version},
        )
    if cadence not in Cadence.values:
        raise InvalidInput("Choose fortnightly, monthly or quarterly.", field="cadence")
    if scale not in ScaleCode.values:
        raise InvalidInput("Choose the five-point or the three-point scale.", field="scale")
    current.cadence = cadence
    current.scale = scale
    current.due_day = _whole(due_day, field="due_day", label="The due day", low=0, high=MAX_DUE_DAY)
    current.escalate_after_days = _whole(
        escalate_after_days,
        field="escalate_after_days",
        label="The days before escalation",
        low=1,
        high=MAX_ESCALATE_AFTER_DAYS,
    )
    current.version += 1
    current.updated_by = acting_user(actor)
    current._history_user = acting_user(actor)
    current.save()
    return current


@transaction.atomic
def project_cadence_set(*, actor, project: Project, cadence: str) -> ProjectCadence | None:
    """Give a project its own cadence, or (with an empty cadence) the programme's again."""
    if actor is not None:
        require(
            permissions.can_set_project_cadence(actor),
            "Only the programme office can change a project's reporting cadence.",
        )
    project = Project.objects.select_for_update().filter(pk=project.pk).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    if not cadence:
        ProjectCadence.objects.filter(project=project).delete()
        return None
    if cadence not in Cadence.values:
        raise InvalidInput("Choose fortnightly, monthly or quarterly.", field="cadence")
    row, _ = ProjectCadence.objects.update_or_create(
        project=project, defaults={"cadence": cadence, "set_by": acting_user(actor)}
    )
    return row
