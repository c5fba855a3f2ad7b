"""The days per month an organisation declares it can give the partnership."""

from __future__ import annotations

import datetime

from django.db import transaction

from heartbeat.core.exceptions import Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_datetime, uk_month
from heartbeat.core.months import first_of_month
from heartbeat.partnership.models import Organisation
from heartbeat.recruitment import permissions
from heartbeat.recruitment.models import OrganisationCapacity
from heartbeat.recruitment.services.base import MAX_CAPACITY_DAYS, _days, _refuse_unless, _save

# Organisation capacity ---------------------------------------------------------------------


def _checked(days_per_month, start_month, end_month):
    """The declaration's days and months, checked and with months as their first days."""
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
    return days, start, end


NOTE_MAX = OrganisationCapacity._meta.get_field("note").max_length


def _checked_note(note) -> str:
    """The note as typed, without its outer spaces; a longer one is refused, never cut."""
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise InvalidInput(
            f"The note must be {NOTE_MAX} characters or fewer (it has {len(note):,})",
            field="note",
            code="note_too_long",
        )
    return note


def _refuse_overlap(organisation, start, end, *, exclude: int | None = None) -> None:
    overlap = OrganisationCapacity.objects.filter(
        organisation=organisation, start_month__lte=end, end_month__gte=start
    )
    if exclude is not None:
        overlap = overlap.exclude(pk=exclude)
    overlap = overlap.first()
    if overlap is not None:
        raise InvalidInput(
            f"{organisation} already declared {overlap.days_per_month} days a month for "
            f"{uk_month(overlap.start_month)} to {uk_month(overlap.end_month)}: change or "
            "remove that declaration first, or choose other months",
            field="start_month",
            code="capacity_overlap",
        )


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
    days, start, end = _checked(days_per_month, start_month, end_month)
    note = _checked_note(note)
    with transaction.atomic():
        # Lock the organisation: with no declaration yet there is no row to lock, and two
        # overlapping declarations at once would both find no overlap.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        _refuse_overlap(organisation, start, end)
        capacity = OrganisationCapacity(
            organisation=organisation,
            days_per_month=days,
            start_month=start,
            end_month=end,
            note=note,
            declared_by=actor,
        )
        _save(capacity, actor)
    return capacity


def _lock_current(capacity: OrganisationCapacity, expected_version: int | None):
    """Lock the organisation, then the declaration; check the version the person read."""
    Organisation.objects.select_for_update().filter(pk=capacity.organisation_id).first()
    current = (
        OrganisationCapacity.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(pk=capacity.pk)
        .first()
    )
    if current is None:
        raise NotFound("That declaration no longer exists: someone may have removed it.")
    if expected_version is not None and current.version != expected_version:
        last = current.history.select_related("history_user").first()
        who = (last.history_user if last and last.history_user else None) or "someone"
        when = uk_datetime(last.history_date) if last else "recently"
        raise Conflict(
            f"{who} changed this declaration on {when}, after you opened it. Check their "
            "change and make yours again.",
            extra={"current_version": current.version},
        )
    return current


def capacity_update(
    *,
    actor,
    capacity: OrganisationCapacity,
    days_per_month,
    start_month: datetime.date | None,
    end_month: datetime.date | None,
    note: str = "",
    expected_version: int | None = None,
) -> OrganisationCapacity:
    """Change a declaration's days, months or note (409 if it changed since it was read)."""
    _refuse_unless(
        permissions.can_declare_capacity(actor, capacity.organisation),
        capacity.organisation,
        actor,
        "change declared capacity",
    )
    days, start, end = _checked(days_per_month, start_month, end_month)
    note = _checked_note(note)
    with transaction.atomic():
        current = _lock_current(capacity, expected_version)
        _refuse_overlap(current.organisation, start, end, exclude=current.pk)
        current.days_per_month = days
        current.start_month = start
        current.end_month = end
        current.note = note
        current.version += 1
        _save(current, actor)
    return current


def capacity_remove(
    *, actor, capacity: OrganisationCapacity, expected_version: int | None = None
) -> None:
    """Remove a declaration (409 if it changed since the person read it)."""
    _refuse_unless(
        permissions.can_declare_capacity(actor, capacity.organisation),
        capacity.organisation,
        actor,
        "change declared capacity",
    )
    with transaction.atomic():
        current = _lock_current(capacity, expected_version)
        current._history_user = actor
        current.delete()
