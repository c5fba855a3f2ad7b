"""Governance API: boards and their members, meetings with agenda items and papers,
attendance, actions, the decision log and the stage gates.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Boards, projects and products are named by slug; meetings, agenda
items, actions and decisions by id; people by id. Meetings, papers and actions are for
signed-in callers; the decision log answers visitors with the decisions whose subject is
public.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import AfterValidator

from heartbeat.accounts.api_auth import required
from heartbeat.accounts.models import User
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput, NotFound, PermissionDenied
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.inputs import (
    ActionInput,
    AgendaItemInput,
    BoardInput,
    DecisionInput,
    MeetingInput,
)
from heartbeat.governance.models import (
    LINK_MAX,
    MINUTES_MAX,
    NAME_MAX,
    PLACE_MAX,
    REMIT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Board,
    BoardMembership,
    BoardRole,
    Cadence,
    Decision,
    Meeting,
    MeetingStatus,
    Outcome,
)
from heartbeat.governance.services.gates import GATEABLE_STAGES, stage_label
from heartbeat.portfolio.models import Project
from heartbeat.roadmap.models import Product

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


def _person(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def _signed_in(request) -> None:
    if not permissions.can_view_meetings(request.auth):
        raise PermissionDenied("Sign in, or send a personal access token, to read meetings.")


# Boards ------------------------------------------------------------------------------------


class GateOut(Schema):
    stage: str
    stage_label: str
    board: Ref | None
    note: str


class SeatOut(Schema):
    id: int
    person: PersonRef
    organisation: Ref | None
    role: BoardRole
    started_on: datetime.date
    ended_on: datetime.date | None


class BoardOut(Schema):
    slug: str
    name: str
    remit: str
    cadence: Cadence
    cadence_label: str
    active: bool
    version: int
    url: str


class BoardDetailOut(BoardOut):
    gates: list[str] = Field(description="The stages whose gates the board owns")
    members: list[SeatOut] | None = Field(
        description="Current and former members; null for visitors who are not signed in"
    )


class BoardIn(Schema):
    name: Text(NAME_MAX)
    remit: Text(REMIT_MAX)
    cadence: Cadence = Cadence.MONTHLY
    active: bool = True


class BoardUpdateIn(BoardIn):
    version: int


class SeatIn(Schema):
    person: int = Field(description="The id of a person who uses Heartbeat")
    role: BoardRole = BoardRole.MEMBER
    started_on: datetime.date


class SeatChangeIn(Schema):
    role: BoardRole | None = None
    ended_on: datetime.date | None = Field(None, description="The day they left the board")


def _board(board: Board) -> dict:
    return {
        "slug": board.slug,
        "name": board.name,
        "remit": board.remit,
        "cadence": board.cadence,
        "cadence_label": board.get_cadence_display(),
        "active": board.active,
        "version": board.version,
        "url": board.get_absolute_url(),
    }


def _seat(seat: BoardMembership) -> dict:
    organisation = seat.person.organisation
    return {
        "id": seat.pk,
        "person": _person(seat.person),
        "organisation": {"slug": organisation.slug, "name": organisation.name}
        if organisation
        else None,
        "role": seat.role,
        "started_on": seat.started_on,
        "ended_on": seat.ended_on,
    }


def _board_detail(user, slug: str) -> dict:
    detail = selectors.board_detail(user, slug)
    return {
        **_board(detail.board),
        "gates": [g.stage for g in detail.gates],
        "members": [_seat(s) for s in detail.seats] if detail.seats is not None else None,
    }


@router.get("/boards", response=list[BoardOut], summary="The partnership's boards")
def board_list(request):
    return [_board(b) for b in selectors.board_list()]


@router.get("/boards/{slug}", response={200: BoardDetailOut, 404: ErrorOut}, summary="A board")
def board_get(request, slug: str):
    return _board_detail(request.auth, slug)


@router.post(
    "/boards",
    auth=required,
    response={201: BoardDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="Set up a board (programme office)",
)
def board_create(request, payload: BoardIn):
    board = services.board_create(
        actor=request.auth,
        data=BoardInput(
            name=payload.name, remit=payload.remit, cadence=payload.cadence, active=payload.active
        ),
    )
    return Status(201, _board_detail(request.auth, board.slug))


@router.put(
    "/boards/{slug}",
    auth=required,
    response={200: BoardDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a board (programme office)",
)
def board_update(request, slug: str, payload: BoardUpdateIn):
    board = services.board_update(
        actor=request.auth,
        board=get_object_or_404(Board, slug=slug),
        data=BoardInput(
            name=payload.name, remit=payload.remit, cadence=payload.cadence, active=payload.active
        ),
        expected_version=payload.version,
    )
    return _board_detail(request.auth, board.slug)


@router.post(
    "/boards/{slug}/members",
    auth=required,
    response={201: SeatOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Give a person a seat on a board (programme office)",
)
def seat_add(request, slug: str, payload: SeatIn):
    board = get_object_or_404(Board, slug=slug)
    person = User.objects.select_related("organisation").filter(pk=payload.person).first()
    if person is None:
        raise InvalidInput("There is no such person.", field="person")
    seat = services.board_member_add(
        actor=request.auth,
        board=board,
        person=person,
        role=payload.role,
        started_on=payload.started_on,
    )
    return Status(201, _seat(seat))


@router.patch(
    "/board-members/{seat_id}",
    auth=required,
    response={200: SeatOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a member's role, or record that they left (programme office)",
)
def seat_change(request, seat_id: int, payload: SeatChangeIn):
    seat = get_object_or_404(
        BoardMembership.objects.select_related("board", "person__organisation"), pk=seat_id
    )
    if payload.role is not None:
        seat = services.board_member_set_role(actor=request.auth, seat=seat, role=payload.role)
    if payload.ended_on is not None:
        seat = services.board_member_end(actor=request.auth, seat=seat, ended_on=payload.ended_on)
    return _seat(seat)


# Meetings ----------------------------------------------------------------------------------


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


class MeetingIn(Schema):
    starts_at: datetime.datetime = Field(description="With a time zone, e.g. 2027-01-13T10:00Z")
    ends_at: datetime.datetime | None = None
    place: Text(PLACE_MAX) = ""
    link: Text(LINK_MAX) = ""


class MeetingUpdateIn(MeetingIn):
    status: MeetingStatus = MeetingStatus.SCHEDULED
    minutes: Text(MINUTES_MAX) = ""
    others_attending: Text(500) = ""
    version: int


class AttendanceEntryIn(Schema):
    person: int
    status: AttendanceStatus


class AttendanceIn(Schema):
    attendance: list[AttendanceEntryIn] = Field(max_length=200)
    others_attending: Text(500) = ""
    version: int


class MeetingQuery(Schema):
    board: str = Field("", max_length=130, description="A board's slug")
    when: str = Field("", max_length=10, description="upcoming or past")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


def _meeting(meeting: Meeting) -> dict:
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


def _item(item: AgendaItem, readable: bool) -> dict:
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


def _action(action: Action) -> dict:
    board = action.meeting.board
    return {
        "id": action.pk,
        "meeting": action.meeting_id,
        "board": {"slug": board.slug, "name": board.name},
        "description": action.description,
        "owner": _person(action.owner),
        "due_on": action.due_on,
        "status": action.status,
        "done_on": action.done_on,
        "update": action.update,
        "version": action.version,
    }


def _decision(decision: Decision) -> dict:
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
        "gate_stage": decision.gate_stage,
        "moved_on": decision.transition.at if decision.transition_id else None,
        "version": decision.version,
        "url": decision.get_absolute_url(),
    }


def _meeting_detail(user, pk: int) -> dict:
    detail = selectors.meeting_detail(user, pk)
    meeting = detail.meeting
    return {
        **_meeting(meeting),
        "minutes": meeting.minutes,
        "others_attending": meeting.others_attending,
        "agenda_items": [_item(i, i.pk in detail.readable) for i in detail.items],
        "attendance": [
            {"person": _person(r.person), "role": r.role, "status": r.status}
            for r in detail.attendance
        ],
        "decisions": [_decision(d) for d in detail.decisions],
        "actions": [_action(a) for a in detail.actions],
        "actions_carried_forward": [_action(a) for a in detail.carried],
    }


def _meeting_input(payload: MeetingIn, current: Meeting | None = None) -> MeetingInput:
    return MeetingInput(
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        place=payload.place,
        link=payload.link,
        status=getattr(payload, "status", None) or (current.status if current else "scheduled"),
        minutes=getattr(payload, "minutes", current.minutes if current else ""),
        others_attending=getattr(
            payload, "others_attending", current.others_attending if current else ""
        ),
    )


@router.get(
    "/meetings",
    auth=required,
    response={200: MeetingPageOut, 403: ErrorOut, 422: ErrorOut},
    summary="Board meetings",
)
def meeting_list(request, params: Query[MeetingQuery]):
    _signed_in(request)
    filters, errors = selectors.parse_meeting_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.meeting_list(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=_meeting,
    )


@router.get(
    "/meetings/{meeting_id}",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut},
    summary="A meeting with its agenda, attendance, minutes, decisions and actions",
)
def meeting_get(request, meeting_id: int):
    _signed_in(request)
    return _meeting_detail(request.auth, meeting_id)


@router.post(
    "/boards/{slug}/meetings",
    auth=required,
    response={201: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Schedule a meeting of a board (its members, the programme office)",
)
def meeting_create(request, slug: str, payload: MeetingIn):
    board = get_object_or_404(Board, slug=slug)
    meeting = services.meeting_create(actor=request.auth, board=board, data=_meeting_input(payload))
    return Status(201, _meeting_detail(request.auth, meeting.pk))


def _meeting_for_change(request, meeting_id: int) -> Meeting:
    _signed_in(request)
    return get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_id)


@router.put(
    "/meetings/{meeting_id}",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a meeting: its time, place, status and minutes",
)
def meeting_update(request, meeting_id: int, payload: MeetingUpdateIn):
    meeting = _meeting_for_change(request, meeting_id)
    services.meeting_update(
        actor=request.auth,
        meeting=meeting,
        data=_meeting_input(payload, meeting),
        expected_version=payload.version,
    )
    return _meeting_detail(request.auth, meeting_id)


@router.put(
    "/meetings/{meeting_id}/attendance",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record who of the board attended, and who else",
)
def attendance_record(request, meeting_id: int, payload: AttendanceIn):
    meeting = _meeting_for_change(request, meeting_id)
    services.attendance_record(
        actor=request.auth,
        meeting=meeting,
        statuses={entry.person: entry.status for entry in payload.attendance},
        others_attending=payload.others_attending,
        expected_version=payload.version,
    )
    return _meeting_detail(request.auth, meeting_id)


# Agenda items and papers -------------------------------------------------------------------


class AgendaItemIn(Schema):
    title: Text(TITLE_MAX)
    presenter: Text(150) = ""
    summary: Text(TEXT_MAX) = ""
    reserved: bool = False
    order: int | None = Field(None, ge=0, le=999)


class AgendaItemUpdateIn(AgendaItemIn):
    version: int


class PaperIn(Schema):
    version: int


def _agenda_input(payload: AgendaItemIn) -> AgendaItemInput:
    return AgendaItemInput(
        title=payload.title,
        presenter=payload.presenter,
        summary=payload.summary,
        reserved=payload.reserved,
        order=payload.order,
    )


def _item_for(request, item_id: int) -> AgendaItem:
    _signed_in(request)
    return get_object_or_404(AgendaItem.objects.select_related("meeting__board"), pk=item_id)


def _item_out(request, item: AgendaItem) -> dict:
    return _item(item, permissions.can_read_item(request.auth, item, item.meeting.board))


@router.get(
    "/meetings/{meeting_id}/agenda-items",
    auth=required,
    response={200: list[AgendaItemOut], 403: ErrorOut, 404: ErrorOut},
    summary="A meeting's agenda",
)
def agenda_list(request, meeting_id: int):
    _signed_in(request)
    return _meeting_detail(request.auth, meeting_id)["agenda_items"]


@router.post(
    "/meetings/{meeting_id}/agenda-items",
    auth=required,
    response={201: AgendaItemOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Add an agenda item, with its paper (multipart form)",
    description="Send the fields as form data and the paper, if any, as the file `paper`: "
    "PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text, up to 20 MB.",
)
def agenda_item_create(
    request,
    meeting_id: int,
    payload: Form[AgendaItemIn],
    paper: File[UploadedFile] = None,
):
    meeting = _meeting_for_change(request, meeting_id)
    item = services.agenda_item_add(
        actor=request.auth, meeting=meeting, data=_agenda_input(payload), paper=paper
    )
    item.meeting = meeting
    return Status(201, _item_out(request, item))


@router.put(
    "/agenda-items/{item_id}",
    auth=required,
    response={200: AgendaItemOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change an agenda item (its paper stays)",
)
def agenda_item_update(request, item_id: int, payload: AgendaItemUpdateIn):
    item = services.agenda_item_update(
        actor=request.auth,
        item=_item_for(request, item_id),
        data=_agenda_input(payload),
        expected_version=payload.version,
    )
    return _item_out(request, item)


@router.delete(
    "/agenda-items/{item_id}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Take an item off the agenda, with its paper",
)
def agenda_item_delete(request, item_id: int, version: int | None = None):
    services.agenda_item_remove(
        actor=request.auth, item=_item_for(request, item_id), expected_version=version
    )
    return Status(204, None)


@router.post(
    "/agenda-items/{item_id}/paper",
    auth=required,
    response={200: AgendaItemOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Attach or replace an agenda item's paper (multipart form)",
)
def paper_upload(request, item_id: int, payload: Form[PaperIn], paper: File[UploadedFile]):
    item = _item_for(request, item_id)
    item = services.agenda_item_update(
        actor=request.auth,
        item=item,
        data=AgendaItemInput(
            title=item.title,
            presenter=item.presenter,
            summary=item.summary,
            reserved=item.reserved,
            order=item.order,
        ),
        expected_version=payload.version,
        paper=paper,
    )
    return _item_out(request, item)


@router.get(
    "/agenda-items/{item_id}/paper",
    auth=required,
    response={403: ErrorOut, 404: ErrorOut},
    summary="Download an agenda item's paper",
)
def paper_download(request, item_id: int):
    item = _item_for(request, item_id)
    if not item.paper:
        raise NotFound("This item has no paper.")
    if not permissions.can_read_item(request.auth, item, item.meeting.board):
        raise PermissionDenied(
            "This paper is reserved business: only the board's members can read it."
        )
    try:
        handle = item.paper.open("rb")
    except FileNotFoundError:
        raise Http404("The paper's file is missing.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.paper_name,
        content_type=item.paper_type or "application/octet-stream",
    )


# Actions -----------------------------------------------------------------------------------


class ActionQuery(Schema):
    board: str = Field("", max_length=130, description="A board's slug")
    owner: str = Field("", max_length=2, description="me: only your actions")
    status: str = Field("open", max_length=4, description="open, done or all")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class ActionPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActionOut]


class ActionIn(Schema):
    description: Text(500)
    owner: int = Field(description="The id of the person who will do it")
    due_on: datetime.date


class ActionUpdateIn(Schema):
    status: ActionStatus
    update: Text(500) = ""
    due_on: datetime.date | None = None
    owner: int | None = Field(None, description="Give it to someone else (the board only)")
    version: int


@router.get(
    "/actions",
    auth=required,
    response={200: ActionPageOut, 403: ErrorOut, 422: ErrorOut},
    summary="Actions from board meetings",
)
def action_list(request, params: Query[ActionQuery]):
    _signed_in(request)
    filters, errors = selectors.parse_action_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.action_list(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=_action,
    )


@router.post(
    "/meetings/{meeting_id}/actions",
    auth=required,
    response={201: ActionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record an action a meeting agreed",
)
def action_create(request, meeting_id: int, payload: ActionIn):
    meeting = _meeting_for_change(request, meeting_id)
    action = services.action_create(
        actor=request.auth,
        meeting=meeting,
        data=ActionInput(
            description=payload.description, owner_id=payload.owner, due_on=payload.due_on
        ),
    )
    action.meeting = meeting
    return Status(201, _action(action))


@router.put(
    "/actions/{action_id}",
    auth=required,
    response={200: ActionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Report progress on an action, or mark it done",
)
def action_update(request, action_id: int, payload: ActionUpdateIn):
    action = selectors.action_for_change(request.auth, action_id)
    action = services.action_update(
        actor=request.auth,
        action=action,
        status=payload.status,
        update=payload.update,
        due_on=payload.due_on,
        owner_id=payload.owner,
        expected_version=payload.version,
    )
    return _action(selectors.action_for_change(request.auth, action.pk))


# Decisions ---------------------------------------------------------------------------------


class DecisionQuery(Schema):
    board: str = Field("", max_length=130)
    outcome: str = Field("", max_length=10, description="approved, rejected or deferred")
    project: str = Field("", max_length=120, description="A project's slug")
    gates: bool = Field(False, description="Stage-gate decisions only")
    q: str = Field("", max_length=100, description="Words in the decision")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class DecisionPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[DecisionOut]


class DecisionIn(Schema):
    meeting: int | None = Field(
        None, description="The id of the meeting where the board decided (required)"
    )
    title: Text(TITLE_MAX)
    outcome: Outcome
    detail: Text(TEXT_MAX) = ""
    conditions: Text(TEXT_MAX) = ""
    project: str | None = Field(None, max_length=120, description="A project's slug")
    product: str | None = Field(None, max_length=120, description="A product's slug")
    gate_stage: str = Field(
        "",
        max_length=20,
        description="For a stage-gate decision, the stage: "
        + ", ".join(GATEABLE_STAGES)
        + ". An approval moves the project through the gate.",
    )


class DecisionUpdateIn(DecisionIn):
    version: int


def _decision_input(payload: DecisionIn) -> DecisionInput:
    project_id = product_id = None
    if payload.project:
        project_id = Project.objects.filter(slug=payload.project).values_list("pk", flat=True)
        project_id = project_id.first()
        if project_id is None:
            raise InvalidInput(f"There is no project '{payload.project}'.", field="project")
    if payload.product:
        product_id = Product.objects.filter(slug=payload.product).values_list("pk", flat=True)
        product_id = product_id.first()
        if product_id is None:
            raise InvalidInput(f"There is no product '{payload.product}'.", field="product")
    return DecisionInput(
        title=payload.title,
        outcome=payload.outcome,
        detail=payload.detail,
        conditions=payload.conditions,
        project_id=project_id,
        product_id=product_id,
        gate_stage=payload.gate_stage,
    )


@router.get(
    "/decisions",
    response={200: DecisionPageOut, 422: ErrorOut},
    summary="The decision log",
    description="Visitors who are not signed in see the decisions whose subject is public.",
)
def decision_list(request, params: Query[DecisionQuery]):
    filters, errors = selectors.parse_decision_filters(
        request.auth, {**params.dict(), "gates": "1" if params.gates else ""}
    )
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.decision_log(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=_decision,
    )


@router.get(
    "/decisions/{decision_id}",
    response={200: DecisionOut, 404: ErrorOut},
    summary="A decision",
)
def decision_get(request, decision_id: int):
    return _decision(selectors.decision_detail(request.auth, decision_id))


@router.post(
    "/decisions",
    auth=required,
    response={201: DecisionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record a board's decision",
    description="Open to the board's members and the programme office. 422 "
    "decision_needs_meeting without a meeting; 409 gate_wrong_board when the meeting's "
    "board does not own the gate; an approval at a gate moves the project (409 "
    "transition_not_allowed when it cannot move there from its stage).",
)
def decision_create(request, payload: DecisionIn):
    meeting = None
    if payload.meeting is not None:
        _signed_in(request)
        meeting = Meeting.objects.select_related("board").filter(pk=payload.meeting).first()
        if meeting is None:
            raise InvalidInput("There is no such meeting.", field="meeting")
    decision = services.decision_record(
        actor=request.auth, meeting=meeting, data=_decision_input(payload)
    )
    return Status(201, _decision(selectors.decision_detail(request.auth, decision.pk)))


@router.put(
    "/decisions/{decision_id}",
    auth=required,
    response={200: DecisionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Correct a decision",
    description="The meeting cannot change; send the same one or leave it out.",
)
def decision_update(request, decision_id: int, payload: DecisionUpdateIn):
    _signed_in(request)
    decision = selectors.decision_for_change(decision_id)
    if payload.meeting is not None and payload.meeting != decision.meeting_id:
        raise InvalidInput(
            "A decision stays with the meeting it was made at: record a new decision instead.",
            field="meeting",
        )
    services.decision_update(
        actor=request.auth,
        decision=decision,
        data=_decision_input(payload),
        expected_version=payload.version,
    )
    return _decision(selectors.decision_detail(request.auth, decision_id))


# Stage gates -------------------------------------------------------------------------------


class GateIn(Schema):
    board: str = Field(max_length=130, description="The slug of the board that owns the gate")
    note: Text(300) = ""


@router.get("/gates", response=list[GateOut], summary="Stage gates and the boards that own them")
def gate_list(request):
    return [
        {
            "stage": row.stage,
            "stage_label": row.label,
            "board": {"slug": row.gate.board.slug, "name": row.gate.board.name}
            if row.gate
            else None,
            "note": row.gate.note if row.gate else "",
        }
        for row in selectors.gate_overview()
    ]


@router.put(
    "/gates/{stage}",
    auth=required,
    response={200: GateOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Gate a stage, owned by a board (programme office)",
)
def gate_set(request, stage: str, payload: GateIn):
    board = Board.objects.filter(slug=payload.board).first()
    if board is None:
        raise InvalidInput(f"There is no board '{payload.board}'.", field="board")
    gate = services.gate_set(actor=request.auth, stage=stage, board=board, note=payload.note)
    return {
        "stage": gate.stage,
        "stage_label": stage_label(gate.stage),
        "board": {"slug": board.slug, "name": board.name},
        "note": gate.note,
    }


@router.delete(
    "/gates/{stage}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    summary="Remove a stage's gate (programme office)",
)
def gate_delete(request, stage: str):
    services.gate_remove(actor=request.auth, stage=stage)
    return Status(204, None)
