"""Boards, their members, and the stage gates they own."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.accounts.models import User
from heartbeat.core.exceptions import InvalidInput
from heartbeat.governance import selectors, services
from heartbeat.governance.api.common import (
    ErrorOut,
    PersonRef,
    Ref,
    Text,
    person_ref,
    router,
)
from heartbeat.governance.inputs import (
    BoardInput,
)
from heartbeat.governance.models import (
    NAME_MAX,
    REMIT_MAX,
    Board,
    BoardMembership,
    BoardRole,
    Cadence,
)
from heartbeat.governance.services.gates import stage_label

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
        "person": person_ref(seat.person),
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
