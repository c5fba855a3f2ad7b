"""Boards and who sits on them: the programme office's to manage."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date
from heartbeat.governance import permissions
from heartbeat.governance.inputs import BoardInput
from heartbeat.governance.models import (
    NAME_MAX,
    REMIT_MAX,
    Board,
    BoardMembership,
    BoardRole,
    Cadence,
)
from heartbeat.governance.services.common import check_version, require, save, text

RESERVED_SLUGS = frozenset({"new"})


def _require_office(actor, what: str) -> None:
    if actor is not None:
        require(permissions.can_manage_boards(actor), f"Only the programme office can {what}.")


def _clean_board(data: BoardInput, current: Board | None) -> dict:
    name = text(data.name, field="name", label="board's name", max_length=NAME_MAX, required=True)
    remit = text(data.remit, field="remit", label="remit", max_length=REMIT_MAX, required=True)
    if data.cadence not in Cadence.values:
        raise InvalidInput("Choose how often the board meets from the list.", field="cadence")
    slug = slugify(name)[:120] or "board"
    others = Board.objects.all() if current is None else Board.objects.exclude(pk=current.pk)
    if slug in RESERVED_SLUGS or others.filter(name__iexact=name).exists():
        raise InvalidInput(f"There is already a board called {name}.", field="name")
    if others.filter(slug=slug).exists():
        raise InvalidInput(
            f"The name {name} is too like another board's: choose another.", field="name"
        )
    return {
        "name": name,
        "slug": slug,
        "remit": remit,
        "cadence": data.cadence,
        "active": bool(data.active),
    }


@transaction.atomic
def board_create(*, actor, data: BoardInput) -> Board:
    """Set up a board with its name, remit and cadence."""
    _require_office(actor, "set up boards")
    board = Board(**_clean_board(data, None))
    try:
        with transaction.atomic():
            save(board, actor)
    except IntegrityError:
        raise InvalidInput(f"There is already a board called {board.name}.", field="name") from None
    return board


@transaction.atomic
def board_update(*, actor, board: Board, data: BoardInput, expected_version: int) -> Board:
    """Change a board's name, remit, cadence or whether it still meets."""
    _require_office(actor, "change boards")
    current = Board.objects.select_for_update().filter(pk=board.pk).first()
    if current is None:
        raise NotFound("That board no longer exists.")
    check_version(current, expected_version, current.name)
    values = _clean_board(data, current)
    if any(getattr(current, k) != v for k, v in values.items()):
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        try:
            with transaction.atomic():
                save(current, actor)
        except IntegrityError:
            raise InvalidInput(
                f"There is already a board called {current.name}.", field="name"
            ) from None
    return current


def _check_role(role: str) -> None:
    if role not in BoardRole.values:
        raise InvalidInput("Choose chair, secretary or member.", field="role")


def _chair_taken(board: Board, exclude: BoardMembership | None = None) -> ApplicationError | None:
    chairs = BoardMembership.objects.current().filter(board=board, role=BoardRole.CHAIR)
    if exclude is not None:
        chairs = chairs.exclude(pk=exclude.pk)
    chair = chairs.select_related("person").first()
    if chair is None:
        return None
    return ApplicationError(
        f"{chair.person.display_name} chairs the {board.name}: change their role or end "
        "their seat first.",
        code="board_has_chair",
        status=409,
        field="role",
    )


def _not_future(day: datetime.date | None, field: str, label: str) -> datetime.date:
    if day is None:
        raise InvalidInput(f"Enter the date {label}.", field=field)
    today = timezone.localdate()
    if day > today:
        raise InvalidInput(
            f"The date {label} cannot be in the future: enter {uk_date(today)} or earlier.",
            field=field,
        )
    return day


@transaction.atomic
def board_member_add(
    *, actor, board: Board, person: User, role: str, started_on: datetime.date | None
) -> BoardMembership:
    """Give a person a seat on a board, as chair, secretary or member."""
    _require_office(actor, "change who sits on boards")
    _check_role(role)
    started_on = _not_future(started_on, "started_on", "they joined")
    current = Board.objects.select_for_update().filter(pk=board.pk).first()
    if current is None:
        raise NotFound("That board no longer exists.")
    if not person.is_active:
        raise InvalidInput(
            f"{person.display_name}'s account is deactivated: they cannot sit on a board.",
            field="person",
        )
    if BoardMembership.objects.current().filter(board=current, person=person).exists():
        raise ApplicationError(
            f"{person.display_name} already sits on the {current.name}: change their role instead.",
            code="already_on_board",
            status=409,
            field="person",
        )
    if role == BoardRole.CHAIR and (error := _chair_taken(current)):
        raise error
    seat = BoardMembership(board=current, person=person, role=role, started_on=started_on)
    try:
        with transaction.atomic():
            save(seat, actor)
    except IntegrityError:
        raise ApplicationError(
            f"Someone changed the {current.name}'s members at the same moment: reload the "
            "page and try again.",
            code="board_changed",
            status=409,
        ) from None
    permissions.forget_boards(person)
    return seat


def _lock_seat(seat: BoardMembership) -> BoardMembership:
    current = (
        BoardMembership.objects.select_for_update()
        .select_related("board", "person")
        .filter(pk=seat.pk)
        .first()
    )
    if current is None:
        raise NotFound("That seat no longer exists.")
    if current.ended_on is not None:
        raise ApplicationError(
            f"{current.person.display_name} left the {current.board.name} on "
            f"{uk_date(current.ended_on)}.",
            code="seat_ended",
            status=409,
        )
    return current


@transaction.atomic
def board_member_set_role(*, actor, seat: BoardMembership, role: str) -> BoardMembership:
    """Make a board member its chair, its secretary or a member."""
    _require_office(actor, "change who sits on boards")
    _check_role(role)
    current = _lock_seat(seat)
    if current.role == role:
        return current
    if role == BoardRole.CHAIR and (error := _chair_taken(current.board, exclude=current)):
        raise error
    current.role = role
    try:
        with transaction.atomic():
            save(current, actor)
    except IntegrityError:
        raise _chair_taken(current.board, exclude=current) or ApplicationError(
            "Someone changed the board at the same moment: reload the page.", status=409
        ) from None
    return current


@transaction.atomic
def board_member_end(
    *, actor, seat: BoardMembership, ended_on: datetime.date | None
) -> BoardMembership:
    """End a person's seat on a board; from then on they act for it no more."""
    _require_office(actor, "change who sits on boards")
    current = _lock_seat(seat)
    ended_on = _not_future(ended_on, "ended_on", "they left")
    if ended_on < current.started_on:
        raise InvalidInput(
            f"{current.person.display_name} joined on {uk_date(current.started_on)}: the date "
            "they left must be on or after that.",
            field="ended_on",
        )
    current.ended_on = ended_on
    save(current, actor)
    permissions.forget_boards(current.person)
    return current
