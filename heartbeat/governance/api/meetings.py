"""Meetings, attendance, agenda items and their papers."""

from __future__ import annotations

import datetime

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Query, Schema, Status
from ninja.files import UploadedFile

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput, NotFound, PermissionDenied
from heartbeat.governance import permissions, selectors, services
from heartbeat.governance.api.common import (
    MAX_LIMIT,
    AgendaItemOut,
    ErrorOut,
    MeetingDetailOut,
    MeetingPageOut,
    Text,
    item_out,
    meeting_detail_out,
    meeting_for_change,
    meeting_out,
    require_signed_in,
    router,
)
from heartbeat.governance.inputs import (
    AgendaItemInput,
    MeetingInput,
)
from heartbeat.governance.models import (
    ITEM_NUMBER_MAX,
    LINK_MAX,
    MINUTES_MAX,
    PLACE_MAX,
    TEXT_MAX,
    TITLE_MAX,
    AgendaItem,
    AttendanceStatus,
    Board,
    Meeting,
    MeetingStatus,
)


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
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


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
    require_signed_in(request)
    filters, errors = selectors.parse_meeting_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.meeting_list(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=meeting_out,
    )


@router.get(
    "/meetings/{meeting_id}",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut},
    summary="A meeting with its agenda, attendance, minutes, decisions and actions",
)
def meeting_get(request, meeting_id: int):
    require_signed_in(request)
    return meeting_detail_out(request.auth, meeting_id)


@router.post(
    "/boards/{slug}/meetings",
    auth=required,
    response={201: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Schedule a meeting of a board (its members, the programme office)",
)
def meeting_create(request, slug: str, payload: MeetingIn):
    board = get_object_or_404(Board, slug=slug)
    meeting = services.meeting_create(actor=request.auth, board=board, data=_meeting_input(payload))
    return Status(201, meeting_detail_out(request.auth, meeting.pk))


@router.put(
    "/meetings/{meeting_id}",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a meeting: its time, place, status and minutes",
)
def meeting_update(request, meeting_id: int, payload: MeetingUpdateIn):
    meeting = meeting_for_change(request, meeting_id)
    services.meeting_update(
        actor=request.auth,
        meeting=meeting,
        data=_meeting_input(payload, meeting),
        expected_version=payload.version,
    )
    return meeting_detail_out(request.auth, meeting_id)


@router.put(
    "/meetings/{meeting_id}/attendance",
    auth=required,
    response={200: MeetingDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record who of the board attended, and who else",
)
def attendance_record(request, meeting_id: int, payload: AttendanceIn):
    meeting = meeting_for_change(request, meeting_id)
    services.attendance_record(
        actor=request.auth,
        meeting=meeting,
        statuses={entry.person: entry.status for entry in payload.attendance},
        others_attending=payload.others_attending,
        expected_version=payload.version,
    )
    return meeting_detail_out(request.auth, meeting_id)


# Agenda items and papers -------------------------------------------------------------------


class AgendaItemIn(Schema):
    title: Text(TITLE_MAX)
    presenter: Text(150) = ""
    summary: Text(TEXT_MAX) = ""
    reserved: bool = False
    order: int | None = Field(None, ge=0, le=ITEM_NUMBER_MAX)


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
    require_signed_in(request)
    return get_object_or_404(AgendaItem.objects.select_related("meeting__board"), pk=item_id)


def _item_out(request, item: AgendaItem) -> dict:
    return item_out(item, permissions.can_read_item(request.auth, item, item.meeting.board))


@router.get(
    "/meetings/{meeting_id}/agenda-items",
    auth=required,
    response={200: list[AgendaItemOut], 403: ErrorOut, 404: ErrorOut},
    summary="A meeting's agenda",
)
def agenda_list(request, meeting_id: int):
    require_signed_in(request)
    return meeting_detail_out(request.auth, meeting_id)["agenda_items"]


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
    meeting = meeting_for_change(request, meeting_id)
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
