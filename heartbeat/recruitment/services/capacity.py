"""The days per month an organisation declares it can give the partnership."""

from __future__ import annotations

import datetime

from django.db import transaction

from heartbeat.core.exceptions import InvalidInput
from heartbeat.core.formatting import uk_month
from heartbeat.core.months import first_of_month
from heartbeat.recruitment import permissions
from heartbeat.recruitment.models import OrganisationCapacity
from heartbeat.recruitment.services.base import MAX_CAPACITY_DAYS, _days, _refuse_unless, _save

# Organisation capacity ---------------------------------------------------------------------


def capacity_declare(
    *,
    actor,
    organisation,
    days_per_month,
    start_month: datetime.date | None,
    end_month: datetime.date | None,
    note: str = "",
) -> OrganisationCapacity:
    """Declare the days per month an organisation can give the partnership over a period."""
    _refuse_unless(
        permissions.can_declare_capacity(actor, organisation),
        organisation,
        actor,
        "declare capacity",
    )
    days = _days(days_per_month, field="days_per_month", label="days per month")
    if days < 0 or days > MAX_CAPACITY_DAYS:
        raise InvalidInput(
            f"Days per month must be between 0 and {MAX_CAPACITY_DAYS:,}", field="days_per_month"
        )
    if start_month is None:
        raise InvalidInput("Choose the first month", field="start_month")
    if end_month is None:
        raise InvalidInput("Choose the last month", field="end_month")
    start, end = first_of_month(start_month), first_of_month(end_month)
    if end < start:
        raise InvalidInput(
            "The last month must be the same as or after the first month", field="end_month"
        )
    with transaction.atomic():
        overlap = (
            OrganisationCapacity.objects.select_for_update()
            .filter(organisation=organisation, start_month__lte=end, end_month__gte=start)
            .first()
        )
        if overlap is not None:
            raise InvalidInput(
                f"{organisation} already declared {overlap.days_per_month} days a month for "
                f"{uk_month(overlap.start_month)} to {uk_month(overlap.end_month)}: remove that "
                "declaration first or choose other months",
                field="start_month",
                code="capacity_overlap",
            )
        capacity = OrganisationCapacity(
            organisation=organisation,
            days_per_month=days,
            start_month=start,
            end_month=end,
            note=(note or "").strip()[:300],
            declared_by=actor,
        )
        _save(capacity, actor)
    return capacity


def capacity_remove(*, actor, capacity: OrganisationCapacity) -> None:
    _refuse_unless(
        permissions.can_declare_capacity(actor, capacity.organisation),
        capacity.organisation,
        actor,
        "change declared capacity",
    )
    with transaction.atomic():
        capacity._history_user = actor
        capacity.delete()
