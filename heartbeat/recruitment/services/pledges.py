"""Pledges: people and time an organisation offers against a need, and the pledged days
by month kept from them."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput
from heartbeat.core.formatting import uk_datetime, uk_month
from heartbeat.core.months import first_of_month, month_range
from heartbeat.portfolio.models import Project, ResourceRequirement
from heartbeat.recruitment import permissions
from heartbeat.recruitment.coverage import pledge_days_by_month, sum_by_month
from heartbeat.recruitment.inputs import PledgeInput
from heartbeat.recruitment.models import (
    MAX_DAYS_PER_MONTH,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Pledge,
    PledgeAdjustment,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.recruitment.services.base import _days, _refuse_finished, _refuse_unless, _save
from heartbeat.skills.models import SkillLevel


def _join_for_pledge(*, actor, project: Project, organisation) -> None:
    """Pledging commits the organisation to the project if it had not already."""
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
    participation.role = (
        ParticipationRole.LEAD
        if project.lead_organisation_id == organisation.pk
        else ParticipationRole.PARTICIPANT
    )
    participation.reason = ""
    participation.withdrawn_on = None
    participation.committed_on = timezone.localdate()
    participation.changed_by = actor
    _save(participation, actor)


# Pledges -----------------------------------------------------------------------------------


def _clean_pledge(
    requirement: ResourceRequirement, organisation, data: PledgeInput, *, pledge=None
):
    """Check a pledge's values against the rules; return them ready to save."""
    from heartbeat.accounts.models import User

    if data.level not in SkillLevel.values:
        raise InvalidInput(
            "Choose a level: awareness, working, practitioner or expert", field="level"
        )
    days = _days(data.days_per_month, field="days_per_month", label="days per month")
    if days <= 0:
        raise InvalidInput(
            "Days per month must be more than 0", field="days_per_month", code="days_not_positive"
        )
    if days > MAX_DAYS_PER_MONTH:
        raise InvalidInput(
            f"Days per month cannot be more than {MAX_DAYS_PER_MONTH}, the working days in "
            "the longest month",
            field="days_per_month",
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
    months = set(month_range(start, end))
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
    }


def refresh_requirement_months(requirement_ids) -> None:
    """Rewrite the pledged days by month of these requirements from their active pledges."""
    requirement_ids = list(requirement_ids)
    RequirementMonth.objects.filter(requirement_id__in=requirement_ids).delete()
    pledges = Pledge.objects.active().filter(requirement_id__in=requirement_ids)
    adjustments: dict[int, dict] = {}
    for pledge_id, month, days in PledgeAdjustment.objects.filter(pledge__in=pledges).values_list(
        "pledge_id", "month", "days"
    ):
        adjustments.setdefault(pledge_id, {})[month] = days
    per_requirement: dict[int, list] = {}
    for pledge in pledges.only(
        "id", "requirement_id", "start_month", "end_month", "days_per_month"
    ):
        per_requirement.setdefault(pledge.requirement_id, []).append(
            pledge_days_by_month(
                pledge.start_month,
                pledge.end_month,
                pledge.days_per_month,
                adjustments.get(pledge.pk),
            )
        )
    RequirementMonth.objects.bulk_create(
        RequirementMonth(requirement_id=requirement_id, month=month, pledged_days=days)
        for requirement_id, months in per_requirement.items()
        for month, days in sum_by_month(months).items()
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
    project = requirement.project
    _refuse_finished(project, "pledges")
    values = _clean_pledge(requirement, organisation, data)
    adjustments = values.pop("adjustments")
    with transaction.atomic():
        pledge = Pledge(
            organisation=organisation,
            requirement=requirement,
            created_by=actor,
            total_days=sum(
                pledge_days_by_month(
                    values["start_month"],
                    values["end_month"],
                    values["days_per_month"],
                    adjustments,
                ).values(),
                Decimal("0"),
            ),
            **values,
        )
        try:
            with transaction.atomic():
                _save(pledge, actor)
        except IntegrityError:
            raise InvalidInput(
                f"{values['person']} is already pledged to this need: change that pledge instead",
                field="person",
                code="already_pledged",
            ) from None
        _write_adjustments(pledge, adjustments, actor)
        _join_for_pledge(actor=actor, project=project, organisation=organisation)
        refresh_requirement_months([requirement.pk])
        if notify:
            _notify(pledge, "created", actor)
    return pledge


def _lock_current(pledge: Pledge, expected_version: int | None) -> Pledge:
    current = (
        Pledge.objects.select_for_update()
        .select_related("requirement__project", "organisation")
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
    return current


def pledge_update(*, actor, pledge: Pledge, data: PledgeInput, expected_version: int) -> Pledge:
    """Change a pledge's person, level, days, months or reductions."""
    _refuse_unless(
        permissions.can_change_pledge(actor, pledge), pledge.organisation, actor, "change pledges"
    )
    with transaction.atomic():
        current = _lock_current(pledge, expected_version)
        _refuse_finished(current.requirement.project, "pledges")
        values = _clean_pledge(current.requirement, current.organisation, data, pledge=current)
        adjustments = values.pop("adjustments")
        for name, value in values.items():
            setattr(current, name, value)
        current.total_days = sum(
            pledge_days_by_month(
                current.start_month, current.end_month, current.days_per_month, adjustments
            ).values(),
            Decimal("0"),
        )
        current.version += 1
        _save(current, actor)
        _write_adjustments(current, adjustments, actor)
        refresh_requirement_months([current.requirement_id])
        _notify(current, "changed", actor)
    return current


def _withdraw(pledge: Pledge, *, actor, reason: str) -> None:
    pledge.status = PledgeStatus.WITHDRAWN
    pledge.withdrawn_reason = reason
    pledge.withdrawn_at = timezone.now()
    pledge.version += 1
    _save(pledge, actor)
    refresh_requirement_months([pledge.requirement_id])
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
