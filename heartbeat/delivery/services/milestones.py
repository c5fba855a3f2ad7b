"""Writing milestones: their forecasts with a history of changes, actual dates, baselines.

A milestone's baseline is its date in the approved plan: taken when the project is approved
(``take_baselines_at_approval``, a portfolio transition listener), or set later for projects
approved before they had milestones. Once set, only the programme office moves a baseline,
with a reason. Every change of date is kept in ``MilestoneChange``.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from heartbeat.core.exceptions import Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.delivery import permissions
from heartbeat.delivery.inputs import MilestoneInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    REASON_MAX,
    HeartbeatUpdate,
    Milestone,
    MilestoneChange,
    MilestoneStatus,
)
from heartbeat.delivery.services.common import (
    acting_user,
    date_in_range,
    require,
    require_reporter,
    text,
)
from heartbeat.portfolio.models import AnticipatedProduct, Project, Stage

# Stages from approval on: a milestone made now has no approved baseline yet.
APPROVED_STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED, Stage.CLOSED)


def _save(milestone: Milestone, actor, when: datetime.datetime) -> None:
    milestone._history_user = acting_user(actor)
    milestone._history_date = when
    milestone.save()


def _record(milestone, field, old, new, *, actor, when, reason="", update=None) -> None:
    MilestoneChange.objects.create(
        milestone=milestone,
        field=field,
        old_date=old,
        new_date=new,
        reason=reason,
        update=update,
        changed_by=acting_user(actor),
        changed_at=when,
    )


def _lock(milestone: Milestone) -> Milestone:
    current = (
        Milestone.objects.select_for_update()
        .select_related("project")
        .filter(pk=milestone.pk)
        .first()
    )
    if current is None:
        raise NotFound("That milestone no longer exists.")
    return current


def _check(data: MilestoneInput, today: datetime.date) -> dict:
    name = text(
        data.name, field="name", label="Name", max_length=NAME_MAX, required=True, single_line=True
    )
    description = text(
        data.description, field="description", label="Description", max_length=DESCRIPTION_MAX
    )
    if data.forecast_date is None:
        raise InvalidInput("Enter the date the milestone is expected.", field="forecast_date")
    forecast = date_in_range(data.forecast_date, field="forecast_date", label="The forecast date")
    status = data.status or MilestoneStatus.NOT_STARTED
    if status not in MilestoneStatus.values:
        raise InvalidInput("Choose the milestone's status from the list.", field="status")
    actual = date_in_range(data.actual_date, field="actual_date", label="The actual date")
    if actual is not None and actual > today:
        raise InvalidInput(
            f"The actual date cannot be in the future: it is the day the milestone was met "
            f"(today is {uk_date(today)}). Put an expected date in the forecast instead.",
            field="actual_date",
        )
    if status == MilestoneStatus.COMPLETE and actual is None:
        raise InvalidInput("Enter the date the milestone was met.", field="actual_date")
    if actual is not None and status != MilestoneStatus.COMPLETE:
        # An actual date means it was met.
        status = MilestoneStatus.COMPLETE
    reason = text(data.reason, field="reason", label="Reason", max_length=REASON_MAX)
    return {
        "name": name,
        "description": description,
        "forecast_date": forecast,
        "status": status,
        "actual_date": actual,
        "reason": reason,
    }


@transaction.atomic
def milestone_create(
    *, actor, project: Project, data: MilestoneInput, today: datetime.date | None = None
) -> Milestone:
    """Add a milestone. Before approval its baseline is taken at approval; after, it has
    none until one is set."""
    today = today or timezone.localdate()
    project = Project.objects.select_for_update().filter(pk=project.pk).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    require_reporter(actor, project)
    values = _check(data, today)
    values.pop("reason")
    order = (Milestone.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0) + 1
    milestone = Milestone(project=project, order=order, **values)
    _save(milestone, actor, timezone.now())
    return milestone


@transaction.atomic
def milestone_update(
    *,
    actor,
    milestone: Milestone,
    data: MilestoneInput,
    expected_version: int,
    update: HeartbeatUpdate | None = None,
    today: datetime.date | None = None,
) -> Milestone:
    """Change a milestone; a new forecast is kept in its history, with the reason (needed
    once the milestone has a baseline)."""
    today = today or timezone.localdate()
    current = _lock(milestone)
    require_reporter(actor, current.project)
    if current.version != expected_version:
        raise Conflict(
            f"Someone changed this milestone on {uk_datetime(current.updated_at)}, after you "
            "opened it. Your changes have not been saved yet: check theirs, then save again.",
            extra={"current_version": current.version},
        )
    values = _check(data, today)
    reason = values.pop("reason")
    now = timezone.now()
    if values["forecast_date"] != current.forecast_date:
        if current.baseline_date is not None and not reason:
            raise InvalidInput(
                "Say why the forecast date has moved: the change is kept in the milestone's "
                "history.",
                field="reason",
            )
        _record(
            current,
            "forecast",
            current.forecast_date,
            values["forecast_date"],
            actor=actor,
            when=now,
            reason=reason,
            update=update,
        )
    if values["actual_date"] != current.actual_date:
        _record(
            current,
            "actual",
            current.actual_date,
            values["actual_date"],
            actor=actor,
            when=now,
            reason=reason,
            update=update,
        )
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    _save(current, actor, now)
    return current


def milestone_move_forecasts(
    *,
    actor,
    project: Project,
    forecasts: dict[int, datetime.date],
    reason: str,
    update: HeartbeatUpdate | None = None,
) -> list[Milestone]:
    """Move several of a project's milestones with one reason (from the update form)."""
    milestones = {
        m.pk: m
        for m in Milestone.objects.select_for_update().filter(project=project, pk__in=forecasts)
    }
    missing = set(forecasts) - set(milestones)
    if missing:
        raise InvalidInput("One of the milestones is not this project's.", field="milestones")
    moved = {
        pk: date_in_range(date, field=f"milestone-{pk}", label="A forecast date")
        for pk, date in forecasts.items()
        if date is not None and date != milestones[pk].forecast_date
    }
    if not moved:
        return []
    reason = text(
        reason, field="milestone_reason", label="The reason the dates moved", max_length=REASON_MAX
    )
    if not reason:
        raise InvalidInput(
            "Say why the milestones' forecast dates have moved.", field="milestone_reason"
        )
    now = timezone.now()
    changed = []
    for pk, new_date in moved.items():
        milestone = milestones[pk]
        if not milestone.is_open:
            raise InvalidInput(
                f"{milestone.name} is {milestone.get_status_display().lower()}: its forecast "
                "no longer moves.",
                field=f"milestone-{pk}",
            )
        _record(
            milestone,
            "forecast",
            milestone.forecast_date,
            new_date,
            actor=actor,
            when=now,
            reason=reason,
            update=update,
        )
        milestone.forecast_date = new_date
        milestone.version += 1
        _save(milestone, actor, now)
        changed.append(milestone)
    return changed


@transaction.atomic
def milestone_set_baseline(
    *, actor, milestone: Milestone, baseline_date: datetime.date | None, reason: str = ""
) -> Milestone:
    """Set a milestone's baseline. A missing one: the lead or the office; moving an existing
    one (re-baselining): the programme office only, with a reason."""
    current = _lock(milestone)
    require_reporter(actor, current.project)
    has_baseline = current.baseline_date is not None
    if actor is not None:
        require(
            permissions.can_change_baseline(actor, current.project, has_baseline=has_baseline),
            "Only the programme office can move a baseline once it is set.",
        )
    if baseline_date is None:
        raise InvalidInput("Enter the baseline date.", field="baseline_date")
    date_in_range(baseline_date, field="baseline_date", label="The baseline date")
    reason = text(reason, field="reason", label="Reason", max_length=REASON_MAX)
    if has_baseline and not reason:
        raise InvalidInput(
            "Say why the baseline is moving: re-baselining is recorded.", field="reason"
        )
    now = timezone.now()
    _record(
        current,
        "baseline",
        current.baseline_date,
        baseline_date,
        actor=actor,
        when=now,
        reason=reason,
    )
    current.baseline_date = baseline_date
    current.baselined_at = now
    current.version += 1
    _save(current, actor, now)
    return current


def _baseline_open_milestones(project: Project, actor, reason: str) -> int:
    now = timezone.now()
    count = 0
    for milestone in (
        Milestone.objects.select_for_update()
        .filter(project=project, baseline_date__isnull=True)
        .exclude(status=MilestoneStatus.DROPPED)
    ):
        _record(
            milestone,
            "baseline",
            None,
            milestone.forecast_date,
            actor=actor,
            when=now,
            reason=reason,
        )
        milestone.baseline_date = milestone.forecast_date
        milestone.baselined_at = now
        milestone.version += 1
        _save(milestone, actor, now)
        count += 1
    return count


@transaction.atomic
def milestones_take_baseline(*, actor, project: Project) -> int:
    """Baseline every milestone that has none at its forecast date (for a project approved
    before its milestones were added); return how many."""
    project = Project.objects.select_for_update().filter(pk=project.pk).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    require_reporter(actor, project)
    if project.stage not in APPROVED_STAGES:
        raise InvalidInput(
            "Baselines are taken when the project is approved: until then, forecasts can move "
            "freely.",
            code="not_approved",
        )
    return _baseline_open_milestones(project, actor, "Baseline set after approval")


def _products_to_milestones(project: Project, actor) -> int:
    products = AnticipatedProduct.objects.filter(
        project=project, planned_date__isnull=False, milestones__isnull=True
    ).order_by("order", "pk")
    start = (Milestone.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0) + 1
    now = timezone.now()
    for offset, product in enumerate(products):
        milestone = Milestone(
            project=project,
            product=product,
            name=product.name[:NAME_MAX],
            forecast_date=product.planned_date,
            order=start + offset,
        )
        _save(milestone, actor, now)
    return len(products)


@transaction.atomic
def milestone_from_product(*, actor, product: AnticipatedProduct) -> Milestone:
    """Make one of the definition's anticipated products a milestone, due on its planned date."""
    project = Project.objects.select_for_update().filter(pk=product.project_id).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    require_reporter(actor, project)
    product = AnticipatedProduct.objects.filter(pk=product.pk, project=project).first()
    if product is None:
        raise NotFound("That product is no longer in the project's definition.")
    if product.planned_date is None:
        raise InvalidInput(
            f"Give {product.name} a planned date in the project's definition first: the "
            "milestone is due then.",
            field="product",
        )
    existing = Milestone.objects.filter(product=product).first()
    if existing is not None:
        raise Conflict(f"{product.name} is already a milestone.", code="milestone_exists")
    order = (Milestone.objects.filter(project=project).aggregate(m=Max("order"))["m"] or 0) + 1
    milestone = Milestone(
        project=project,
        product=product,
        name=product.name[:NAME_MAX],
        description=(product.description or "")[:DESCRIPTION_MAX],
        forecast_date=product.planned_date,
        order=order,
    )
    _save(milestone, actor, timezone.now())
    return milestone


def take_baselines_at_approval(*, actor, transition, extra) -> None:
    """Portfolio transition listener: on approval, the definition's dated products become
    milestones and every milestone's forecast becomes its baseline."""
    if transition.to_stage != Stage.APPROVED:
        return
    project = transition.project
    _products_to_milestones(project, actor)
    _baseline_open_milestones(project, actor, "Baseline taken at approval")
