"""Who may do what in governance. Every check about boards, meetings, papers, actions,
decisions and gates lives here.

The programme office manages boards, their membership and the stage gates, and acts as
any board's secretariat. A board's current members (chair, secretary or member) act for
that board only: they record its meetings, papers, minutes, attendance, actions and
decisions. Signed-in members of the partnership read boards, meetings and papers (except
reserved business). The public reads the boards' remits and the decisions whose subject
is public. A decision about a work request is seen by those who may see the request, as
the work requests app decides it.
"""

from django.contrib.auth.models import AnonymousUser

from heartbeat.governance.models import BoardMembership
from heartbeat.portfolio.models import Visibility
from heartbeat.work_requests import permissions as work_request_permissions


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_programme_office(user) -> bool:
    return _signed_in(user) and bool(user.is_programme_office)


def boards_of(user) -> frozenset[int]:
    """The ids of the boards the person sits on now (one query, then kept on the person)."""
    if not _signed_in(user):
        return frozenset()
    cached = getattr(user, "_governance_boards", None)
    if cached is None:
        cached = frozenset(
            BoardMembership.objects.current()
            .filter(person_id=user.pk)
            .values_list("board_id", flat=True)
        )
        user._governance_boards = cached
    return cached


def forget_boards(user) -> None:
    """Drop the remembered seats after someone's membership changes."""
    if user is not None and hasattr(user, "_governance_boards"):
        del user._governance_boards


def sits_on(user, board) -> bool:
    return board is not None and board.pk in boards_of(user)


def can_manage_boards(user) -> bool:
    return is_programme_office(user)


def can_manage_gates(user) -> bool:
    return is_programme_office(user)


def can_act_for_board(user, board) -> bool:
    """Record the board's meetings, papers, minutes, attendance, actions and decisions."""
    return is_programme_office(user) or sits_on(user, board)


def can_act_for_any_board(user) -> bool:
    return is_programme_office(user) or bool(boards_of(user))


def can_view_meetings(user) -> bool:
    return _signed_in(user)


def can_view_members(user) -> bool:
    """Who sits on a board is shared with signed-in members, not published."""
    return _signed_in(user)


def can_read_item(user, item, board) -> bool:
    """An agenda item's summary and paper: reserved business is for the board itself."""
    if not can_view_meetings(user):
        return False
    return not item.reserved or can_act_for_board(user, board)


def can_update_action(user, action, board) -> bool:
    """The board (or the programme office), and the person who owns the action."""
    return can_act_for_board(user, board) or (_signed_in(user) and action.owner_id == user.pk)


def subject_is_public(decision) -> bool:
    if decision.work_request_id is not None:
        return work_request_permissions.can_view_request(AnonymousUser(), decision.work_request)
    if decision.project_id is not None:
        return decision.project.visibility == Visibility.PUBLIC
    if decision.product_id is not None:
        return decision.product.project.visibility == Visibility.PUBLIC
    return False


def can_view_decision(user, decision) -> bool:
    if decision.work_request_id is not None:
        return work_request_permissions.can_view_request(user, decision.work_request)
    return _signed_in(user) or subject_is_public(decision)
