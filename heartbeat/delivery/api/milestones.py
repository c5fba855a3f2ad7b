"""The delivery API: milestones and their baselines."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.delivery import services
from heartbeat.delivery.api.common import (
    Day,
    ErrorOut,
    PersonRef,
    Text,
    _person,
    _project,
    router,
)
from heartbeat.delivery.inputs import MilestoneInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    REASON_MAX,
    Milestone,
    MilestoneStatus,
)
from heartbeat.delivery.selectors import project as project_selectors

# Milestones -------------------------------------------------------------------------------


class MilestoneChangeOut(Schema):
    field: str
    old_date: datetime.date | None
    new_date: datetime.date | None
    reason: str
    update: int | None
    changed_by: PersonRef | None
    changed_at: datetime.datetime


class MilestoneOut(Schema):
    id: int
    project: str
    name: str
    description: str
    status: str
    baseline_date: datetime.date | None
    forecast_date: datetime.date
    actual_date: datetime.date | None
    slippage_days: int | None
    product: int | None
    version: int
    changes: list[MilestoneChangeOut]


def _milestone(m: Milestone) -> dict:
    return {
        "id": m.pk,
        "project": m.project.slug,
        "name": m.name,
        "description": m.description,
        "status": m.status,
        "baseline_date": m.baseline_date,
        "forecast_date": m.forecast_date,
        "actual_date": m.actual_date,
        "slippage_days": m.slippage_days,
        "product": m.product_id,
        "version": m.version,
        "changes": [
            {
                "field": c.field,
                "old_date": c.old_date,
                "new_date": c.new_date,
                "reason": c.reason,
                "update": c.update_id,
                "changed_by": _person(c.changed_by),
                "changed_at": c.changed_at,
            }
            for c in m.changes.all()
        ],
    }


class MilestoneIn(Schema):
    name: Text(NAME_MAX)
    description: Text(DESCRIPTION_MAX) = ""
    forecast_date: Day
    status: MilestoneStatus = MilestoneStatus.NOT_STARTED
    actual_date: Day | None = None


class MilestoneChangeIn(MilestoneIn):
    reason: Text(REASON_MAX) = Field("", description="Needed when a baselined forecast moves")
    version: int = Field(description="The version you read (409 if it changed since)")


class BaselineIn(Schema):
    baseline_date: Day
    reason: Text(REASON_MAX) = ""


def _milestone_for(user, pk: int) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("project"), pk=pk)
    project = _project(user, milestone.project.slug)
    return project_selectors.milestone_for(user, project, pk)


@router.get(
    "/projects/{slug}/milestones",
    response={200: list[MilestoneOut], 404: ErrorOut},
    summary="A project's milestones with their history of dates",
)
def milestone_list(request, slug: str):
    project = _project(request.auth, slug)
    milestones = project_selectors.project_milestones(project)
    for m in milestones:
        m.project = project
    return [_milestone(m) for m in milestones]


@router.post(
    "/projects/{slug}/milestones",
    auth=required,
    response={201: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Add a milestone",
)
def milestone_create(request, slug: str, payload: MilestoneIn):
    project = _project(request.auth, slug)
    milestone = services.milestone_create(
        actor=request.auth,
        project=project,
        data=MilestoneInput(
            name=payload.name,
            description=payload.description,
            forecast_date=payload.forecast_date,
            status=payload.status,
            actual_date=payload.actual_date,
        ),
    )
    return Status(201, _milestone(_milestone_for(request.auth, milestone.pk)))


@router.get(
    "/milestones/{milestone_id}",
    response={200: MilestoneOut, 404: ErrorOut},
    summary="A milestone with its history of dates",
)
def milestone_get(request, milestone_id: int):
    return _milestone(_milestone_for(request.auth, milestone_id))


@router.put(
    "/milestones/{milestone_id}",
    auth=required,
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a milestone: its forecast (kept in its history), status or actual date",
)
def milestone_update(request, milestone_id: int, payload: MilestoneChangeIn):
    milestone = _milestone_for(request.auth, milestone_id)
    services.milestone_update(
        actor=request.auth,
        milestone=milestone,
        data=MilestoneInput(
            name=payload.name,
            description=payload.description,
            forecast_date=payload.forecast_date,
            status=payload.status,
            actual_date=payload.actual_date,
            reason=payload.reason,
        ),
        expected_version=payload.version,
    )
    return _milestone(_milestone_for(request.auth, milestone_id))


@router.post(
    "/milestones/{milestone_id}/baseline",
    auth=required,
    response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set a milestone's baseline (moving one is for the programme office)",
)
def milestone_baseline(request, milestone_id: int, payload: BaselineIn):
    milestone = _milestone_for(request.auth, milestone_id)
    services.milestone_set_baseline(
        actor=request.auth,
        milestone=milestone,
        baseline_date=payload.baseline_date,
        reason=payload.reason,
    )
    return _milestone(_milestone_for(request.auth, milestone_id))
