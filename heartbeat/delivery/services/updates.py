"""Writing heartbeat updates: drafts, submission and corrections.

A project that is recruiting, in delivery or paused reports once per period of its cadence.
Writes lock the project's row first, so two people submitting for the same period at the
same moment queue up: the second finds the first's update and is told so, with a link to
it; the database's unique constraint holds the rule even for a write that skips the lock.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.delivery import hooks
from heartbeat.delivery.cadence import Period, period_containing, period_starting
from heartbeat.delivery.config import programme_settings, project_cadence
from heartbeat.delivery.inputs import UpdateInput
from heartbeat.delivery.models import (
    LONG_TEXT_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    HeartbeatUpdate,
    UpdateStatus,
)
from heartbeat.delivery.scales import DIMENSIONS, Rating, scale_for
from heartbeat.delivery.services.common import acting_user, require_reporter, text
from heartbeat.portfolio.models import Project, Stage

# Stages in which a project writes updates (recruiting and in delivery owe them).
REPORTING_STAGES = (Stage.RECRUITING, Stage.IN_DELIVERY, Stage.PAUSED)
OWING_STAGES = (Stage.RECRUITING, Stage.IN_DELIVERY)


def _lock_project(project: Project) -> Project:
    current = Project.objects.select_for_update().filter(pk=project.pk).first()
    if current is None:
        raise NotFound("That project no longer exists.")
    return current


def _existing_conflict(existing: HeartbeatUpdate, period: Period) -> Conflict:
    url = reverse("delivery:update_detail", args=[existing.project.slug, existing.pk])
    return Conflict(
        f"An update for {period.label} was already submitted on "
        f"{uk_datetime(existing.submitted_at)}. A submitted update is not changed in place: "
        "open it and correct it instead.",
        code="update_exists",
        field="period",
        extra={"existing_id": existing.pk, "existing_url": url},
    )


def _draft_conflict(draft: HeartbeatUpdate, period: Period) -> Conflict:
    url = reverse("delivery:update_edit", args=[draft.project.slug, draft.pk])
    return Conflict(
        f"There is already a draft update for {period.label}: carry on with that one.",
        code="draft_exists",
        field="period",
        extra={"existing_id": draft.pk, "existing_url": url},
    )


def check_period(cadence: str, period_start: datetime.date | None, today: datetime.date) -> Period:
    """The period an update is for: one of the cadence's periods, not yet in the future."""
    if period_start is None:
        raise InvalidInput("Choose the period the update is for.", field="period")
    period = period_starting(cadence, period_start)
    if period is None:
        containing = period_containing(cadence, period_start)
        raise InvalidInput(
            f"{uk_date(period_start)} is not the start of a {cadence} reporting period: "
            f"the period that includes it is {containing.label}.",
            field="period",
        )
    current = period_containing(cadence, today)
    if period.start > current.start:
        raise InvalidInput(
            f"{period.label} has not started yet: updates are for this period "
            f"({current.label}) or earlier ones.",
            code="future_period",
            field="period",
        )
    if period.start.year < 2000:
        raise InvalidInput("Updates start from the year 2000.", field="period")
    return period


def _content(data: UpdateInput, scale_code: str, *, submitting: bool) -> dict:
    """The update's own fields, checked; a draft may leave out what a submission needs."""
    scale = scale_for(scale_code)
    values: dict = {}
    confidence = (data.confidence or "").strip()
    if confidence and scale.level(confidence) is None:
        raise InvalidInput(
            f"Choose a delivery confidence on the {scale.label.split(':')[0].lower()} scale: "
            + ", ".join(level.label for level in scale.levels)
            + ".",
            field="confidence",
        )
    if submitting and not confidence:
        raise InvalidInput("Choose the project's overall delivery confidence.", field="confidence")
    values["confidence"] = confidence
    for name, label in DIMENSIONS:
        rating = (getattr(data, name) or "").strip()
        if rating and rating not in Rating.values:
            raise InvalidInput(
                f"Rate {label.lower()} as green, amber or red, or leave it unrated.", field=name
            )
        values[name] = rating
    values["summary"] = text(
        data.summary,
        field="summary",
        label="Summary",
        max_length=SUMMARY_MAX,
        required=submitting,
        missing="Enter a summary of how the project is going.",
    )
    for name, label in (
        ("achievements", "Achievements this period"),
        ("next_steps", "Next steps"),
        ("decisions_needed", "Decisions needed"),
    ):
        values[name] = text(getattr(data, name), field=name, label=label, max_length=LONG_TEXT_MAX)
    percent = data.percent_complete
    if percent is not None and (isinstance(percent, bool) or not 0 <= int(percent) <= 100):
        raise InvalidInput(
            "Enter the percentage complete as a whole number from 0 to 100.",
            field="percent_complete",
        )
    if submitting and percent is None:
        raise InvalidInput(
            "Enter how complete the project is, from 0 to 100 per cent.", field="percent_complete"
        )
    values["percent_complete"] = None if percent is None else int(percent)
    return values


def _apply_related(*, actor, project: Project, data: UpdateInput, update: HeartbeatUpdate, today):
    """Milestones moved and a risk raised with the update, in the same transaction."""
    from heartbeat.delivery.services.milestones import milestone_move_forecasts
    from heartbeat.delivery.services.raid import raid_item_create

    if data.milestone_forecasts:
        milestone_move_forecasts(
            actor=actor,
            project=project,
            forecasts=data.milestone_forecasts,
            reason=data.milestone_reason,
            update=update,
        )
    if data.new_risk is not None:
        raid_item_create(actor=actor, project=project, data=data.new_risk, prefix="new_risk-")


def _notify(update: HeartbeatUpdate, actor) -> None:
    for listener in hooks.update_submitted:
        listener(update=update, actor=actor)


@transaction.atomic
def update_save(
    *,
    actor,
    project: Project,
    data: UpdateInput,
    submit: bool,
    draft: HeartbeatUpdate | None = None,
    expected_version: int | None = None,
    today: datetime.date | None = None,
) -> HeartbeatUpdate:
    """Save a new update (or an existing draft) as a draft, or submit it.

    Refuses a period that has not started, a second submitted update for a period (with a
    link to the first), and a draft someone else saved since ``expected_version`` was read.
    """
    today = today or timezone.localdate()
    project = _lock_project(project)
    require_reporter(actor, project)
    settings = programme_settings()
    if draft is not None:
        draft = (
            HeartbeatUpdate.objects.select_for_update().filter(pk=draft.pk, project=project).first()
        )
        if draft is None:
            raise NotFound("That draft no longer exists.")
        if draft.status != UpdateStatus.DRAFT:
            raise Conflict(
                "This draft has already been submitted, so it can no longer be changed.",
                code="already_submitted",
                extra={"existing_id": draft.pk, "existing_url": draft.get_absolute_url()},
            )
        if expected_version is not None and draft.version != expected_version:
            raise Conflict(
                f"Someone saved this draft on {uk_datetime(draft.updated_at)}, after you opened "
                "it. Your changes have not been saved yet: check theirs, then save again.",
                extra={"current_version": draft.version},
            )
        cadence = draft.cadence
        period = Period(draft.period_start, draft.period_end, draft.cadence)
    else:
        cadence = project_cadence(project, settings)
        period = check_period(cadence, data.period_start, today)
    if project.stage not in REPORTING_STAGES:
        raise ApplicationError(
            f"{project.title} is {project.get_stage_display().lower()}: updates are written "
            "while a project is recruiting or in delivery.",
            code="not_reporting",
            status=409,
        )
    values = _content(data, settings.scale, submitting=submit)
    existing = (
        HeartbeatUpdate.objects.submitted()
        .select_related("project")
        .filter(project=project, period_start=period.start)
        .first()
    )
    if existing is not None:
        raise _existing_conflict(existing, period)
    if draft is None:
        other_draft = (
            HeartbeatUpdate.objects.select_related("project")
            .filter(project=project, period_start=period.start, status=UpdateStatus.DRAFT)
            .first()
        )
        if other_draft is not None:
            raise _draft_conflict(other_draft, period)
        update = HeartbeatUpdate(
            project=project,
            cadence=cadence,
            period_start=period.start,
            period_end=period.end,
            author=acting_user(actor),
        )
    else:
        update = draft
        update.version += 1
    for name, value in values.items():
        setattr(update, name, value)
    update.scale = settings.scale
    now = timezone.now()
    if submit:
        update.status = UpdateStatus.SUBMITTED
        update.submitted_at = now
        update.submitted_by = acting_user(actor)
    else:
        update.status = UpdateStatus.DRAFT
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError as error:
        # A write that did not take the project's lock got there first.
        existing = (
            HeartbeatUpdate.objects.submitted()
            .select_related("project")
            .filter(project=project, period_start=period.start)
            .first()
        )
        if existing is not None:
            raise _existing_conflict(existing, period) from error
        raise Conflict(
            f"Another update for {period.label} was saved at the same moment. Reload the "
            "project's updates and try again.",
            code="update_exists",
        ) from error
    _apply_related(actor=actor, project=project, data=data, update=update, today=today)
    if submit:
        _notify(update, actor)
    return update


@transaction.atomic
def update_correct(
    *,
    actor,
    update: HeartbeatUpdate,
    data: UpdateInput,
    reason: str,
    today: datetime.date | None = None,
) -> HeartbeatUpdate:
    """Correct a submitted update: a new version with the reason; the old one stays visible."""
    today = today or timezone.localdate()
    project = _lock_project(update.project)
    require_reporter(actor, project)
    current = HeartbeatUpdate.objects.select_for_update().filter(pk=update.pk).first()
    if current is None:
        raise NotFound("That update no longer exists.")
    if current.status != UpdateStatus.SUBMITTED:
        newer = (
            HeartbeatUpdate.objects.submitted()
            .filter(project=project, period_start=current.period_start)
            .first()
        )
        extra = {}
        if newer is not None:
            extra = {"existing_id": newer.pk, "existing_url": newer.get_absolute_url()}
        raise Conflict(
            "This version has already been corrected: correct the latest version instead.",
            code="already_corrected",
            extra=extra,
        )
    reason = text(
        reason,
        field="reason",
        label="The reason for the correction",
        max_length=REASON_MAX,
        required=True,
    )
    values = _content(data, current.scale, submitting=True)
    now = timezone.now()
    current.status = UpdateStatus.CORRECTED
    current.save(update_fields=["status", "updated_at"])
    corrected = HeartbeatUpdate(
        project=project,
        cadence=current.cadence,
        period_start=current.period_start,
        period_end=current.period_end,
        status=UpdateStatus.SUBMITTED,
        correction_number=current.correction_number + 1,
        corrects=current,
        correction_reason=reason,
        scale=current.scale,
        author=acting_user(actor),
        submitted_at=now,
        submitted_by=acting_user(actor),
        **values,
    )
    corrected.save()
    _apply_related(actor=actor, project=project, data=data, update=corrected, today=today)
    _notify(corrected, actor)
    return corrected


@transaction.atomic
def update_delete_draft(*, actor, update: HeartbeatUpdate) -> None:
    """Throw away a draft (a submitted update is never deleted)."""
    project = _lock_project(update.project)
    require_reporter(actor, project)
    current = HeartbeatUpdate.objects.select_for_update().filter(pk=update.pk).first()
    if current is None:
        return
    if current.status != UpdateStatus.DRAFT:
        raise Conflict(
            "Only a draft can be deleted: this update has been submitted.",
            code="already_submitted",
        )
    current.delete()
