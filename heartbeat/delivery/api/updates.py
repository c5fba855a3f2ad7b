"""The delivery API: updates, their drafts and corrections."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.delivery import permissions, services
from heartbeat.delivery.api.common import (
    MAX_LIMIT,
    Day,
    ErrorOut,
    PersonRef,
    RaidIn,
    Text,
    _person,
    _project,
    _raid_input,
    router,
)
from heartbeat.delivery.inputs import UpdateInput
from heartbeat.delivery.models import (
    LONG_TEXT_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    HeartbeatUpdate,
    UpdateStatus,
)
from heartbeat.delivery.scales import ALL_LEVELS, DIMENSIONS
from heartbeat.portfolio.models import Project

# Updates ----------------------------------------------------------------------------------


class UpdateOut(Schema):
    id: int
    project: str
    period_start: datetime.date
    period_end: datetime.date
    period_label: str
    cadence: str
    status: str
    correction_number: int
    corrects: int | None
    correction_reason: str
    scale: str
    confidence: str
    confidence_label: str
    schedule: str
    cost: str
    resources: str
    benefits: str
    risk: str
    summary: str
    achievements: str
    next_steps: str
    decisions_needed: str
    percent_complete: int | None
    submitted_at: datetime.datetime | None
    submitted_by: PersonRef | None
    version: int
    url: str


class UpdatePageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[UpdateOut]


def _update(update: HeartbeatUpdate) -> dict:
    level = update.level
    return {
        "id": update.pk,
        "project": update.project.slug,
        "period_start": update.period_start,
        "period_end": update.period_end,
        "period_label": update.period.label,
        "cadence": update.cadence,
        "status": update.status,
        "correction_number": update.correction_number,
        "corrects": update.corrects_id,
        "correction_reason": update.correction_reason,
        "scale": update.scale,
        "confidence": update.confidence,
        "confidence_label": level.label if level else "",
        **{name: getattr(update, name) for name, _ in DIMENSIONS},
        "summary": update.summary,
        "achievements": update.achievements,
        "next_steps": update.next_steps,
        "decisions_needed": update.decisions_needed,
        "percent_complete": update.percent_complete,
        "submitted_at": update.submitted_at,
        "submitted_by": _person(update.submitted_by),
        "version": update.version,
        "url": f"/projects/{update.project.slug}/updates/{update.pk}/",
    }


class MilestoneForecastIn(Schema):
    milestone: int = Field(description="The milestone's id")
    forecast_date: Day


class UpdateContentIn(Schema):
    confidence: str = Field(
        "", description="On the programme's scale: " + ", ".join(level.code for level in ALL_LEVELS)
    )
    schedule: str = Field("", description="green, amber, red or empty")
    cost: str = ""
    resources: str = ""
    benefits: str = ""
    risk: str = ""
    summary: Text(SUMMARY_MAX) = ""
    achievements: Text(LONG_TEXT_MAX) = ""
    next_steps: Text(LONG_TEXT_MAX) = ""
    decisions_needed: Text(LONG_TEXT_MAX) = ""
    percent_complete: int | None = Field(None, ge=0, le=100)


class UpdateIn(UpdateContentIn):
    period_start: Day = Field(description="The first day of the period (of the project's cadence)")
    submit: bool = Field(False, description="Submit now; otherwise it is saved as a draft")
    milestone_forecasts: list[MilestoneForecastIn] = Field(default_factory=list, max_length=100)
    milestone_reason: Text(REASON_MAX) = ""
    new_risk: RaidIn | None = None


class DraftIn(UpdateContentIn):
    version: int = Field(description="The draft's version you read (409 if it changed since)")
    submit: bool = False


class CorrectionIn(UpdateContentIn):
    reason: Text(REASON_MAX) = Field(description="Why the update is corrected")


def _content(payload: UpdateContentIn) -> dict:
    return {
        "confidence": payload.confidence,
        **{name: getattr(payload, name) for name, _ in DIMENSIONS},
        "summary": payload.summary,
        "achievements": payload.achievements,
        "next_steps": payload.next_steps,
        "decisions_needed": payload.decisions_needed,
        "percent_complete": payload.percent_complete,
    }


class UpdateListQuery(Schema):
    drafts: bool = Field(
        False, description="Include drafts (for the project's lead and the office)"
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _updates(user, project: Project, drafts: bool):
    queryset = HeartbeatUpdate.objects.filter(project=project).select_related(
        "project", "submitted_by"
    )
    if not (drafts and permissions.can_report_on(user, project)):
        queryset = queryset.published()
    return queryset.order_by("-period_start", "-correction_number", "pk")


def _update_for(user, pk: int) -> HeartbeatUpdate:
    update = get_object_or_404(
        HeartbeatUpdate.objects.select_related("project", "submitted_by"), pk=pk
    )
    project = _project(user, update.project.slug)
    if update.status == UpdateStatus.DRAFT and not permissions.can_report_on(user, project):
        raise Http404("No such update.")
    return update


@router.get(
    "/projects/{slug}/updates",
    response={200: UpdatePageOut, 404: ErrorOut},
    summary="A project's updates, newest period first, every version",
)
def update_list(request, slug: str, params: Query[UpdateListQuery]):
    project = _project(request.auth, slug)
    return page_of(
        _updates(request.auth, project, params.drafts),
        limit=params.limit,
        offset=params.offset,
        item=_update,
    )


@router.post(
    "/projects/{slug}/updates",
    auth=required,
    response={201: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Write an update (a draft, or submitted)",
    description="409 update_exists (with existing_url) when the period already has a submitted "
    "update, 409 draft_exists when it has a draft, 422 future_period for a period that has not "
    "started.",
)
def update_create(request, slug: str, payload: UpdateIn):
    project = _project(request.auth, slug)
    data = UpdateInput(
        period_start=payload.period_start,
        milestone_forecasts={f.milestone: f.forecast_date for f in payload.milestone_forecasts},
        milestone_reason=payload.milestone_reason,
        new_risk=_raid_input(payload.new_risk) if payload.new_risk else None,
        **_content(payload),
    )
    update = services.update_save(
        actor=request.auth, project=project, data=data, submit=payload.submit
    )
    return Status(201, _update(update))


@router.get(
    "/updates/{update_id}",
    response={200: UpdateOut, 404: ErrorOut},
    summary="One version of an update",
)
def update_get(request, update_id: int):
    return _update(_update_for(request.auth, update_id))


@router.put(
    "/updates/{update_id}",
    auth=required,
    response={200: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a draft, and submit it if asked",
)
def update_edit(request, update_id: int, payload: DraftIn):
    draft = _update_for(request.auth, update_id)
    update = services.update_save(
        actor=request.auth,
        project=draft.project,
        data=UpdateInput(period_start=draft.period_start, **_content(payload)),
        submit=payload.submit,
        draft=draft,
        expected_version=payload.version,
    )
    return _update(update)


@router.post(
    "/updates/{update_id}/corrections",
    auth=required,
    response={201: UpdateOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Correct a submitted update",
    description="The correction is a new version; the corrected one stays, marked corrected.",
)
def update_correct(request, update_id: int, payload: CorrectionIn):
    update = _update_for(request.auth, update_id)
    corrected = services.update_correct(
        actor=request.auth,
        update=update,
        data=UpdateInput(period_start=update.period_start, **_content(payload)),
        reason=payload.reason,
    )
    return Status(201, _update(corrected))


@router.delete(
    "/updates/{update_id}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Delete a draft",
)
def update_delete(request, update_id: int):
    services.update_delete_draft(actor=request.auth, update=_update_for(request.auth, update_id))
    return Status(204, None)
