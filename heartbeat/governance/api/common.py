"""What the governance API's endpoints share: the router, checked text, and the shapes
of meetings, agenda items, actions and decisions in answers."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from pydantic import AfterValidator

from heartbeat.core.exceptions import PermissionDenied
from heartbeat.governance import permissions, selectors
from heartbeat.governance.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingStatus,
    Outcome,
)

router = Router(tags=["governance"])

MAX_LIMIT = 200


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character, which is not allowed")
    return value


def Text(max_length: int):  # noqa: N802 - reads as a type in the schemas
    """A string of at most ``max_length`` characters, without NUL bytes."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_no_nul)]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    id: int
    name: str


def person_ref(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def require_signed_in(request) -> None:
    if not permissions.can_view_meetings(request.auth):
        raise PermissionDenied("Sign in, or send a personal access token, to read meetings.")


class MeetingOut(Schema):
    id: int
    board: Ref
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    link: str
    status: MeetingStatus
    version: int
    url: str


class MeetingPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[MeetingOut]


class AgendaItemOut(Schema):
    id: int
    order: int
    title: str
    presenter: str
    summary: str | None = Field(description="null when reserved business the caller cannot read")
    reserved: bool
    paper: str | None = Field(description="Where to download the paper, when there is one")
    paper_name: str
    paper_size: int | None
    version: int


class AttendanceOut(Schema):
    person: PersonRef
    role: str
    status: str = Field(description="present, apologies, absent, or empty when not recorded")


class ActionOut(Schema):
    id: int
    meeting: int
    board: Ref
    description: str
    owner: PersonRef
    due_on: datetime.date
    status: ActionStatus
    done_on: datetime.date | None
    update: str
    version: int


class WorkRequestRef(Schema):
    id: int
    reference: str = Field(description="As people quote it, like WR-0012")
    title: str
    state: str
    url: str


class DecisionOut(Schema):
    id: int
    board: Ref
    meeting: int
    decided_on: datetime.date
    title: str
    detail: str
    outcome: Outcome
    conditions: str
    project: Ref | None
    product: Ref | None
    work_request: WorkRequestRef | None
    gate_stage: str = Field(description="The stage a stage-gate decision is about, or empty")
    moved_on: datetime.datetime | None = Field(description="When the decision moved the project")
    version: int
    url: str


class MeetingDetailOut(MeetingOut):
    minutes: str
    others_attending: str
    agenda_items: list[AgendaItemOut]
    attendance: list[AttendanceOut]
    decisions: list[DecisionOut]
    actions: list[ActionOut]
    actions_carried_forward: list[ActionOut]


def meeting_out(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "board": {"slug": meeting.board.slug, "name": meeting.board.name},
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "link": meeting.link,
        "status": meeting.status,
        "version": meeting.version,
        "url": meeting.get_absolute_url(),
    }


def item_out(item: AgendaItem, readable: bool) -> dict:
    return {
        "id": item.pk,
        "order": item.order,
        "title": item.title,
        "presenter": item.presenter,
        "summary": item.summary if readable else None,
        "reserved": item.reserved,
        "paper": f"/api/v1/agenda-items/{item.pk}/paper" if item.paper and readable else None,
        "paper_name": item.paper_name if readable else "",
        "paper_size": item.paper_size if readable else None,
        "version": item.version,
    }


def action_out(action: Action) -> dict:
    board = action.meeting.board
    return {
        "id": action.pk,
        "meeting": action.meeting_id,
        "board": {"slug": board.slug, "name": board.name},
        "description": action.description,
        "owner": person_ref(action.owner),
        "due_on": action.due_on,
        "status": action.status,
        "done_on": action.done_on,
        "update": action.update,
        "version": action.version,
    }


def work_request_ref(work_request) -> dict:
    return {
        "id": work_request.pk,
        "reference": work_request.reference,
        "title": work_request.title,
        "state": work_request.state,
        "url": work_request.get_absolute_url(),
    }


def decision_out(decision: Decision) -> dict:
    board = decision.meeting.board
    return {
        "id": decision.pk,
        "board": {"slug": board.slug, "name": board.name},
        "meeting": decision.meeting_id,
        "decided_on": decision.meeting.starts_at.date(),
        "title": decision.title,
        "detail": decision.detail,
        "outcome": decision.outcome,
        "conditions": decision.conditions,
        "project": {"slug": decision.project.slug, "name": decision.project.title}
        if decision.project_id
        else None,
        "product": {"slug": decision.product.slug, "name": decision.product.name}
        if decision.product_id
        else None,
        "work_request": work_request_ref(decision.work_request)
        if decision.work_request_id
        else None,
        "gate_stage": decision.gate_stage,
        "moved_on": decision.transition.at if decision.transition_id else None,
        "version": decision.version,
        "url": decision.get_absolute_url(),
    }


def meeting_detail_out(user, pk: int) -> dict:
    detail = selectors.meeting_detail(user, pk)
    meeting = detail.meeting
    return {
        **meeting_out(meeting),
        "minutes": meeting.minutes,
        "others_attending": meeting.others_attending,
        "agenda_items": [item_out(i, i.pk in detail.readable) for i in detail.items],
        "attendance": [
            {"person": person_ref(r.person), "role": r.role, "status": r.status}
            for r in detail.attendance
        ],
        "decisions": [decision_out(d) for d in detail.decisions],
        "actions": [action_out(a) for a in detail.actions],
        "actions_carried_forward": [action_out(a) for a in detail.carried],
    }


def meeting_for_change(request, meeting_id: int) -> Meeting:
    require_signed_in(request)
    return get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_id)
