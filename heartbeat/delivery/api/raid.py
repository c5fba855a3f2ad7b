"""The delivery API: the RAID log."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.exceptions import InvalidInput
from heartbeat.delivery import permissions, services
from heartbeat.delivery.api.common import (
    ErrorOut,
    RaidIn,
    Text,
    _project,
    _raid_input,
    router,
)
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    REASON_MAX,
    RaidItem,
    RaidKind,
)
from heartbeat.delivery.selectors import project as project_selectors
from heartbeat.portfolio.models import Project

# RAID log ---------------------------------------------------------------------------------


class RaidOut(Schema):
    id: int
    project: str
    reference: str
    kind: str
    title: str
    description: str
    owner: str
    status: str
    likelihood: int | None
    impact: int | None
    score: int | None
    proximity: str
    mitigation: str
    priority: str
    resolution: str
    depends_on_project: str | None
    depends_on_product: int | None
    outside_body: str
    needed_by: datetime.date | None
    escalated_at: datetime.datetime | None
    escalation_note: str
    raised_at: datetime.datetime
    closed_at: datetime.datetime | None
    closure_note: str
    version: int


def _raid(item: RaidItem) -> dict:
    return {
        "id": item.pk,
        "project": item.project.slug,
        "reference": item.reference,
        "kind": item.kind,
        "title": item.title,
        "description": item.description,
        "owner": item.owner,
        "status": item.status,
        "likelihood": item.likelihood,
        "impact": item.impact,
        "score": item.score,
        "proximity": item.proximity,
        "mitigation": item.mitigation,
        "priority": item.priority,
        "resolution": item.resolution,
        "depends_on_project": item.depends_on_project.slug if item.depends_on_project else None,
        "depends_on_product": item.depends_on_product_id,
        "outside_body": item.outside_body,
        "needed_by": item.needed_by,
        "escalated_at": item.escalated_at,
        "escalation_note": item.escalation_note,
        "raised_at": item.raised_at,
        "closed_at": item.closed_at,
        "closure_note": item.closure_note,
        "version": item.version,
    }


class RaidQuery(Schema):
    kind: str = Field("", description="risk, assumption, issue or dependency")
    status: str = Field("open", description="open, closed or all")


class RaidChangeIn(RaidIn):
    version: int = Field(description="The version you read (409 if it changed since)")


class NoteIn(Schema):
    note: Text(REASON_MAX) = ""
    resolution: Text(DESCRIPTION_MAX) = ""


def _raid_project(user, slug: str) -> Project:
    project = _project(user, slug)
    if not permissions.can_view_raid(user, project):
        raise Http404("No such project.")
    return project


def _raid_for(user, pk: int) -> RaidItem:
    item = get_object_or_404(RaidItem.objects.select_related("project"), pk=pk)
    project = _raid_project(user, item.project.slug)
    return project_selectors.raid_item_for(user, project, pk)


@router.get(
    "/projects/{slug}/raid",
    auth=required,
    response={200: list[RaidOut], 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="A project's RAID log (signed-in members)",
)
def raid_list(request, slug: str, params: Query[RaidQuery]):
    project = _raid_project(request.auth, slug)
    if params.kind and params.kind not in RaidKind.values:
        raise InvalidInput("kind is one of risk, assumption, issue or dependency.", field="kind")
    if params.status not in ("open", "closed", "all"):
        raise InvalidInput("status is one of open, closed or all.", field="status")
    items = project_selectors.raid_log(project, kind=params.kind, status=params.status)
    for item in items:
        item.project = project
    return [_raid(item) for item in items]


@router.post(
    "/projects/{slug}/raid",
    auth=required,
    response={201: RaidOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Log a risk, assumption, issue or dependency",
    description="422 self_dependency for a dependency on the project itself or its own product.",
)
def raid_create(request, slug: str, payload: RaidIn):
    project = _raid_project(request.auth, slug)
    item = services.raid_item_create(actor=request.auth, project=project, data=_raid_input(payload))
    return Status(201, _raid(_raid_for(request.auth, item.pk)))


@router.get(
    "/raid/{item_id}",
    auth=required,
    response={200: RaidOut, 401: ErrorOut, 404: ErrorOut},
    summary="One item of a RAID log",
)
def raid_get(request, item_id: int):
    return _raid(_raid_for(request.auth, item_id))


@router.put(
    "/raid/{item_id}",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a RAID item (its kind stays)",
)
def raid_update(request, item_id: int, payload: RaidChangeIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_update(
        actor=request.auth,
        item=item,
        data=_raid_input(payload, kind=item.kind),
        expected_version=payload.version,
    )
    return _raid(_raid_for(request.auth, item_id))


@router.post(
    "/raid/{item_id}/close",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Close an item (it stays in the log); an issue closes with its resolution",
)
def raid_close(request, item_id: int, payload: NoteIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_close(
        actor=request.auth, item=item, note=payload.note, resolution=payload.resolution
    )
    return _raid(_raid_for(request.auth, item_id))


@router.post(
    "/raid/{item_id}/escalate",
    auth=required,
    response={200: RaidOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Escalate an open risk to the programme (say what it is asked to do)",
)
def raid_escalate(request, item_id: int, payload: NoteIn):
    item = _raid_for(request.auth, item_id)
    services.raid_item_escalate(actor=request.auth, item=item, note=payload.note)
    return _raid(_raid_for(request.auth, item_id))
