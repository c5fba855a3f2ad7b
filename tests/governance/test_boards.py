"""Boards and their members: the programme office's to manage."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.governance import permissions, services
from heartbeat.governance.inputs import BoardInput
from heartbeat.governance.models import Board, BoardMembership, BoardRole
from tests.factories import UserFactory
from tests.governance.factories import BoardFactory, SeatFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()


def _board(**changes) -> BoardInput:
    values = {
        "name": "Partnership Board",
        "remit": "Sets the partnership's direction and budget.",
        "cadence": "quarterly",
    }
    values.update(changes)
    return BoardInput(**values)


def test_the_office_sets_up_and_changes_a_board(programme_office):
    board = services.board_create(actor=programme_office, data=_board())
    assert (board.slug, board.cadence, board.version) == ("partnership-board", "quarterly", 1)
    changed = services.board_update(
        actor=programme_office, board=board, data=_board(cadence="bimonthly"), expected_version=1
    )
    assert (changed.cadence, changed.version) == ("bimonthly", 2)
    with pytest.raises(Conflict):
        services.board_update(
            actor=programme_office, board=board, data=_board(cadence="monthly"), expected_version=1
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"remit": ""}, "remit"),
        ({"remit": "Nul\x00"}, "remit"),
        ({"cadence": "fortnightly"}, "cadence"),
        ({"name": "new"}, "name"),
    ],
)
def test_bad_board_input(programme_office, changes, field):
    with pytest.raises(InvalidInput) as error:
        services.board_create(actor=programme_office, data=_board(**changes))
    assert error.value.field == field
    assert not Board.objects.exists()


def test_two_boards_cannot_share_a_name(programme_office):
    services.board_create(actor=programme_office, data=_board())
    with pytest.raises(InvalidInput) as error:
        services.board_create(actor=programme_office, data=_board(name="partnership board"))
    assert "already a board called" in error.value.message


@pytest.mark.parametrize("role", ["member", "organisation_lead", "project_lead", "board_member"])
def test_only_the_office_manages_boards(user_for_role, role):
    user = user_for_role(role)
    board = BoardFactory()
    with pytest.raises(PermissionDenied):
        services.board_create(actor=user, data=_board())
    with pytest.raises(PermissionDenied):
        services.board_member_add(
            actor=user, board=board, person=user, role="member", started_on=TODAY
        )


def test_seats_roles_and_leaving(programme_office, board_member):
    board = BoardFactory(name="Programme Board")
    seat = services.board_member_add(
        actor=programme_office,
        board=board,
        person=board_member,
        role="secretary",
        started_on=D(2026, 1, 5),
    )
    assert permissions.sits_on(board_member, board)
    with pytest.raises(ApplicationError) as error:
        services.board_member_add(
            actor=programme_office,
            board=board,
            person=board_member,
            role="member",
            started_on=D(2026, 1, 5),
        )
    assert error.value.code == "already_on_board"
    seat = services.board_member_set_role(actor=programme_office, seat=seat, role="chair")
    assert seat.role == BoardRole.CHAIR
    with pytest.raises(InvalidInput):
        services.board_member_end(actor=programme_office, seat=seat, ended_on=D(2025, 12, 31))
    with pytest.raises(InvalidInput):
        services.board_member_end(
            actor=programme_office, seat=seat, ended_on=TODAY + datetime.timedelta(days=1)
        )
    services.board_member_end(actor=programme_office, seat=seat, ended_on=TODAY)
    permissions.forget_boards(board_member)  # as the person's next request does
    assert not permissions.sits_on(board_member, board)
    assert not permissions.can_act_for_board(board_member, board)
    # They may join again later: a new seat.
    services.board_member_add(
        actor=programme_office, board=board, person=board_member, role="member", started_on=TODAY
    )
    assert BoardMembership.objects.filter(board=board, person=board_member).count() == 2


def test_a_board_has_one_chair_at_a_time(programme_office):
    board = BoardFactory()
    SeatFactory(board=board, role=BoardRole.CHAIR)
    with pytest.raises(ApplicationError) as error:
        services.board_member_add(
            actor=programme_office,
            board=board,
            person=UserFactory(),
            role="chair",
            started_on=TODAY,
        )
    assert error.value.code == "board_has_chair"
    member = SeatFactory(board=board)
    with pytest.raises(ApplicationError):
        services.board_member_set_role(actor=programme_office, seat=member, role="chair")
    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembership.objects.create(
            board=board, person=UserFactory(), role="chair", started_on=TODAY
        )


@pytest.mark.parametrize(
    ("person", "role", "started_on", "field"),
    [
        ("inactive", "member", D(2026, 1, 5), "person"),
        ("active", "treasurer", D(2026, 1, 5), "role"),
        ("active", "member", None, "started_on"),
        ("active", "member", "tomorrow", "started_on"),
    ],
)
def test_bad_seat_input(programme_office, person, role, started_on, field):
    user = UserFactory(is_active=person == "active")
    if started_on == "tomorrow":
        started_on = TODAY + datetime.timedelta(days=1)
    with pytest.raises(InvalidInput) as error:
        services.board_member_add(
            actor=programme_office,
            board=BoardFactory(),
            person=user,
            role=role,
            started_on=started_on,
        )
    assert error.value.field == field
    assert not BoardMembership.objects.exists()
