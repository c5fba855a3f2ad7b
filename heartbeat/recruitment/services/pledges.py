"""Pledges: people and time an organisation offers against a need, and the pledged days
by month kept from them.

Every pledge write takes its locks in one order, so two writes never wait on each other in
a circle: the project (so its stage cannot change under the write, and one council's first
two pledges join it once), then the need (so coverage months are rebuilt by one write at a
time), then the pledge, then the named person (so their month cannot be filled twice).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput
from heartbeat.core.formatting import uk_datetime, uk_month
from heartbeat.core.months import first_of_month, month_range, working_days
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.recruitment import permissions
from heartbeat.recruitment.coverage import pledge_days_by_month, pledged_by_need
from heartbeat.recruitment.inputs import PledgeInput
from heartbeat.recruitment.models import (
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.recruitment.selectors.people import person_load
from heartbeat.recruitment.services.base import (
    _days,
    _refuse_unless,
    _refuse_unless_taking_pledges,
    _save,
    default_participation_role,
    lock_project,
)
from heartbeat.skills.models import SKILL_LEVEL_ORDER, SkillLevel


def _join_for_pledge(*, actor, project: Project, organisation) -> None:
    """Pledging commits the organisation to the project if it had not already (the caller
    holds the project's lock, so two first pledges at once join it once)."""
    participation = (
        Participation.objects.select_for_update()
        .filter(project=project, organisation=organisation)
        .first()
    )
    if participation is not None and participation.has_joined:
        return
    if participation is None:
        participation = Participation(project=project, organisation=organisation)
    participation.status = ParticipationStatus.COMMITTED
    participation.role = default_participation_role(project, organisation, participation)
    participation.reason = ""
    participation.withdrawn_on = None
    participation.committed_on = timezone.localdate()
    participation.changed_by = actor
    _save(participation, actor)


# Pledges -----------------------------------------------------------------------------------


def _lock_need(requirement_id: int) -> ResourceRequirement:
    return (
        ResourceRequirement.objects.select_for_update(of=("self",))
        .select_related("skill")
        .get(pk=requirement_id)
    )


def _level_label(level: str) -> str:
    return SkillLevel(level).label.lower() if level in SkillLevel.values else level


def _clean_pledge(
    requirement: ResourceRequirement, organisation, data: PledgeInput, *, pledge=None
):
    """Check a pledge's values against the rules; return them ready to save.

    Reads the need as locked by the caller, so a need changed since the person opened
    their form is what the pledge is checked against.
    """
    from heartbeat.accounts.models import User

    if data.level not in SkillLevel.values:
        raise InvalidInput(
            "Choose a level: awareness, working, practitioner or expert", field="level"
        )
    if SKILL_LEVEL_ORDER[data.level] < SKILL_LEVEL_ORDER[requirement.level]:
        raise InvalidInput(
            f"This need is for {_level_label(requirement.level)} level or above: a "
            f"{_level_label(data.level)} pledge would not count towards it. If your council "
            "can still help, say so in a note on its part in the project.",
            field="level",
            code="level_below_need",
        )
    days = _days(data.days_per_month, field="days_per_month", label="days per month")
    if days <= 0:
        raise InvalidInput(
            "Days per month must be more than 0", field="days_per_month", code="days_not_positive"
        )
    if data.start_month is None:
        raise InvalidInput("Choose the first month", field="start_month")
    if data.end_month is None:
        raise InvalidInput("Choose the last month", field="end_month")
    start, end = first_of_month(data.start_month), first_of_month(data.end_month)
    if end < start:
        raise InvalidInput(
            "The last month must be the same as or after the first month", field="end_month"
        )
    period = f"{uk_month(requirement.start_month)} to {uk_month(requirement.end_month)}"
    if start < first_of_month(requirement.start_month):
        raise InvalidInput(
            f"The need runs from {period}: choose a first month in that period",
            field="start_month",
            code="outside_period",
        )
    if end > first_of_month(requirement.end_month):
        raise InvalidInput(
            f"The need runs from {period}: choose a last month in that period",
            field="end_month",
            code="outside_period",
        )
    skill_id = data.skill_id or requirement.skill_id
    if skill_id != requirement.skill_id:
        raise InvalidInput(
            f"This need is for a {requirement.skill}: pledge someone with that skill",
            field="skill",
        )
    person = None
    label = (data.capacity_label or "").strip()
    if data.person_id:
        person = User.objects.filter(pk=data.person_id, is_active=True).first()
        if person is None:
            raise InvalidInput("Choose a person from the list", field="person")
        if person.organisation_id != organisation.pk:
            raise InvalidInput(
                f"{person} is not in {organisation}: pledge only people from {organisation}",
                field="person",
                code="person_not_in_organisation",
            )
        duplicate = Pledge.objects.active().filter(requirement=requirement, person=person)
        if pledge is not None:
            duplicate = duplicate.exclude(pk=pledge.pk)
        if duplicate.exists():
            raise InvalidInput(
                f"{person} is already pledged to this need: change that pledge instead",
                field="person",
                code="already_pledged",
            )
        label = ""
    months = month_range(start, end)
    adjustments: dict[datetime.date, Decimal] = {}
    for index, adjustment in enumerate(data.adjustments):
        where = f"adjustments-{index}-month"
        month = first_of_month(adjustment.month)
        if month not in months:
            raise InvalidInput(
                f"A reduction in {uk_month(month)} is outside the pledge's months "
                f"({uk_month(start)} to {uk_month(end)})",
                field=where,
            )
        if month in adjustments:
            raise InvalidInput(f"{uk_month(month)} has two reductions: keep one", field=where)
        reduced = _days(adjustment.days, field=f"adjustments-{index}-days", label="the days")
        if reduced < 0 or reduced >= days:
            raise InvalidInput(
                f"A reduction in {uk_month(month)} must be 0 or more days and fewer than the "
                f"usual {days}",
                field=f"adjustments-{index}-days",
            )
        adjustments[month] = reduced
    by_month = pledge_days_by_month(start, end, days, adjustments)
    # One person (named or not) gives at most the working days of each month.
    for month, value in by_month.items():
        if value > working_days(month):
            raise InvalidInput(
                f"{uk_month(month)} has {working_days(month)} working days in Scotland: "
                f"pledge {working_days(month)} days or fewer that month, or add a reduction "
                "for it",
                field="days_per_month",
                code="over_working_days",
            )
    return {
        "person": person,
        "capacity_label": label[:200],
        "skill_id": skill_id,
        "level": data.level,
        "days_per_month": days,
        "start_month": start,
        "end_month": end,
        "notes": (data.notes or "").strip()[:500],
        "adjustments": adjustments,
        "by_month": by_month,
    }


def _check_person_month(person, by_month: dict, *, pledge_id: int | None) -> None:
    """A named person's pledges across every need and project stay within each month's
    working days. The caller locks the person's row first, so two pledges of the same
    person at once are checked one after the other."""
    if person is None:
        return
    from heartbeat.accounts.models import User

    User.objects.select_for_update().filter(pk=person.pk).first()
    for row in person_load(person, list(by_month), exclude_pledge_id=pledge_id):
        total = row.pledged + by_month[row.month]
        if total > row.working_days:
            elsewhere = ", ".join(
                sorted({item.pledge.requirement.project.title for item in row.items})
            )
            raise InvalidInput(
                f"{person} would give {total.normalize():f} days in {uk_month(row.month)}, "
                f"more than its {row.working_days} working days: they already give "
                f"{row.pledged.normalize():f} days that month to {elsewhere}. Pledge fewer "
                "days, or add a reduction for that month.",
                field="days_per_month",
                code="person_over_working_days",
            )


def refresh_requirement_months(requirement_ids) -> None:
    """Rewrite the pledged days by month of these requirements from the pledges that count
    towards them (``coverage.pledged_by_need``). Callers lock the needs first."""
    requirement_ids = list(requirement_ids)
    RequirementMonth.objects.filter(requirement_id__in=requirement_ids).delete()
    needs = ResourceRequirement.objects.in_bulk(requirement_ids)
    pledges = (
        Pledge.objects.counted()
        .filter(requirement_id__in=requirement_ids)
        .only(
            "id",
            "requirement_id",
            "status",
            "skill_id",
            "level",
            "start_month",
            "end_month",
            "days_per_month",
        )
        .prefetch_related("adjustments")
    )
    RequirementMonth.objects.bulk_create(
        RequirementMonth(requirement_id=requirement_id, month=month, pledged_days=days)
        for requirement_id, months in pledged_by_need(pledges, needs).items()
        for month, days in months.items()
    )


def _write_adjustments(pledge: Pledge, adjustments: dict, actor) -> None:
    existing = {a.month: a for a in pledge.adjustments.all()}
    for month, adjustment in existing.items():
        if month not in adjustments:
            adjustment._history_user = actor
            adjustment.delete()
    for month, days in adjustments.items():
        adjustment = existing.get(month)
        if adjustment is None:
            adjustment = PledgeAdjustment(pledge=pledge, month=month, days=days)
        elif adjustment.days == days:
            continue
        adjustment.days = days
        _save(adjustment, actor)


def _notify(pledge: Pledge, event: str, actor) -> None:
    from heartbeat.recruitment.tasks import notify_project_lead_of_pledge

    pledge_id, actor_id = pledge.pk, getattr(actor, "pk", None)
    transaction.on_commit(
        lambda: notify_project_lead_of_pledge.enqueue(
            pledge_id=pledge_id, event=event, actor_id=actor_id
        )
    )


def notify_councils(pledge_ids: list[int], reason: str) -> None:
    """After commit, email the leads of each organisation whose pledges a change to the
    project or the need ended, trimmed or withdrawn."""
    from heartbeat.recruitment.tasks import notify_councils_of_pledge_changes

    if pledge_ids:
        ids = list(pledge_ids)
        transaction.on_commit(
            lambda: notify_councils_of_pledge_changes.enqueue(pledge_ids=ids, reason=reason)
        )


def pledge_create(
    *,
    actor,
    requirement: ResourceRequirement,
    organisation,
    data: PledgeInput,
    notify: bool = True,
) -> Pledge:
    """Pledge a named person or unnamed capacity of an organisation against a need; the
    project lead is emailed unless ``notify`` is off (loading demo data)."""
    _refuse_unless(permissions.can_pledge(actor, organisation), organisation, actor, "pledge")
    with transaction.atomic():
        project = lock_project(requirement.project_id)
        _refuse_unless_taking_pledges(project)
        requirement = _lock_need(requirement.pk)
        values = _clean_pledge(requirement, organisation, data)
        adjustments, by_month = values.pop("adjustments"), values.pop("by_month")
        _check_person_month(values["person"], by_month, pledge_id=None)
        pledge = Pledge(
            organisation=organisation,
            requirement=requirement,
            created_by=actor,
            total_days=sum(by_month.values(), Decimal("0")),
            **values,
        )
        try:
            with transaction.atomic():
                _save(pledge, actor)
        except IntegrityError:
            raise ApplicationError(
                f"{values['person']} is already pledged to this need: change that pledge instead",
                field="person",
                code="already_pledged",
                status=409,
            ) from None
        _write_adjustments(pledge, adjustments, actor)
        _join_for_pledge(actor=actor, project=project, organisation=organisation)
        refresh_requirement_months([requirement.pk])
        if notify:
            _notify(pledge, "created", actor)
    return pledge


def _lock_current(pledge: Pledge, expected_version: int | None) -> Pledge:
    """Lock the pledge's project, need and the pledge itself, in that order; check the
    version the person read."""
    row = Pledge.objects.filter(pk=pledge.pk).values("requirement_id", "requirement__project_id")
    row = row.first()
    if row is None:
        raise ApplicationError("That pledge no longer exists.", code="not_found", status=404)
    lock_project(row["requirement__project_id"])
    _lock_need(row["requirement_id"])
    current = (
        Pledge.objects.select_for_update(of=("self",))
        .select_related("requirement__project", "requirement__skill", "organisation")
        .get(pk=pledge.pk)
    )
    if expected_version is not None and current.version != expected_version:
        last = current.history.select_related("history_user").first()
        who = (last.history_user if last and last.history_user else None) or "someone"
        when = uk_datetime(last.history_date) if last else "recently"
        raise Conflict(
            f"{who} changed this pledge on {when}, after you opened it. Check their change "
            "and make yours again.",
            extra={"current_version": current.version},
        )
    if current.status == PledgeStatus.WITHDRAWN:
        raise ApplicationError(
            "This pledge has been withdrawn: make a new pledge instead.",
            code="pledge_withdrawn",
            status=409,
        )
    if current.status == PledgeStatus.ENDED:
        raise ApplicationError(
            "This pledge ended when its project closed: it stays on record as it was.",
            code="pledge_ended",
            status=409,
        )
    return current


def pledge_update(*, actor, pledge: Pledge, data: PledgeInput, expected_version: int) -> Pledge:
    """Change a pledge's person, level, days, months or reductions."""
    _refuse_unless(
        permissions.can_change_pledge(actor, pledge), pledge.organisation, actor, "change pledges"
    )
    with transaction.atomic():
        current = _lock_current(pledge, expected_version)
        _refuse_unless_taking_pledges(current.requirement.project)
        values = _clean_pledge(current.requirement, current.organisation, data, pledge=current)
        adjustments, by_month = values.pop("adjustments"), values.pop("by_month")
        _check_person_month(values["person"], by_month, pledge_id=current.pk)
        for name, value in values.items():
            setattr(current, name, value)
        current.total_days = sum(by_month.values(), Decimal("0"))
        current.version += 1
        try:
            with transaction.atomic():
                _save(current, actor)
        except IntegrityError:
            raise ApplicationError(
                f"{values['person']} is already pledged to this need: change that pledge instead",
                field="person",
                code="already_pledged",
                status=409,
            ) from None
        _write_adjustments(current, adjustments, actor)
        refresh_requirement_months([current.requirement_id])
        _notify(current, "changed", actor)
    return current


def _withdraw(pledge: Pledge, *, actor, reason: str, notify: bool = True) -> None:
    """Withdraw a locked pledge (its need locked too)."""
    pledge.status = PledgeStatus.WITHDRAWN
    pledge.withdrawn_reason = reason
    pledge.withdrawn_at = timezone.now()
    pledge.version += 1
    _save(pledge, actor)
    refresh_requirement_months([pledge.requirement_id])
    if notify:
        _notify(pledge, "withdrawn", actor)


def pledge_withdraw(
    *, actor, pledge: Pledge, reason: str, expected_version: int | None = None
) -> Pledge:
    """Withdraw a pledge, with a reason; it stays on record, no longer counted."""
    _refuse_unless(
        permissions.can_change_pledge(actor, pledge), pledge.organisation, actor, "withdraw pledges"
    )
    reason = (reason or "").strip()
    with transaction.atomic():
        current = _lock_current(pledge, expected_version)
        if not reason:
            raise InvalidInput("Give a reason for withdrawing the pledge", field="reason")
        _withdraw(current, actor=actor, reason=reason)
    return current


def _fit(pledge: Pledge, start: datetime.date, end: datetime.date, actor) -> None:
    """Shorten a pledge to the months from ``start`` to ``end`` (which overlap its own),
    dropping reductions outside them; the caller saves it."""
    kept = {a.month: a.days for a in pledge.adjustments.all() if start <= a.month <= end}
    pledge.start_month, pledge.end_month = start, end
    pledge.total_days = sum(
        pledge_days_by_month(start, end, pledge.days_per_month, kept).values(), Decimal("0")
    )
    _write_adjustments(pledge, kept, actor)


def pledge_trim(
    pledge: Pledge, *, actor, start: datetime.date, end: datetime.date, reason: str
) -> bool:
    """Fit a locked pledge into the months from ``start`` to ``end``: shorten it, or
    withdraw it (with ``reason``) when none of its months are left. Returns whether it
    changed. The caller rebuilds the need's coverage months and tells the councils."""
    new_start, new_end = max(pledge.start_month, start), min(pledge.end_month, end)
    if (new_start, new_end) == (pledge.start_month, pledge.end_month):
        return False
    if new_end < new_start:
        pledge.status = PledgeStatus.WITHDRAWN
        pledge.withdrawn_reason = reason
        pledge.withdrawn_at = timezone.now()
    else:
        _fit(pledge, new_start, new_end, actor)
    pledge.version += 1
    _save(pledge, actor)
    return True


def pledge_end(pledge: Pledge, *, actor, last_month: datetime.date, reason: str) -> None:
    """End a locked pledge with the month ``last_month`` (its project closed or was
    cancelled): it counts until then and stays on record. A pledge that had not begun by
    then is withdrawn instead: it never gave anything."""
    if pledge.start_month > last_month:
        pledge.status = PledgeStatus.WITHDRAWN
        pledge.withdrawn_reason = reason
        pledge.withdrawn_at = timezone.now()
    else:
        if pledge.end_month > last_month:
            _fit(pledge, pledge.start_month, last_month, actor)
        pledge.status = PledgeStatus.ENDED
        pledge.ended_reason = reason
        pledge.ended_at = timezone.now()
    pledge.version += 1
    _save(pledge, actor)
