"""Boards: the list, and a board's page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from heartbeat.governance import permissions
from heartbeat.governance.models import (
    Board,
    BoardMembership,
    Decision,
    Meeting,
    MeetingStatus,
    StageGate,
)
from heartbeat.governance.selectors.decisions import decision_queryset

# Boards ------------------------------------------------------------------------------------


def board_list() -> list[Board]:
    """Boards with their number of current members and their next meeting (1 query)."""
    now = timezone.now()
    return list(
        Board.objects.annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__ended_on__isnull=True), distinct=True
            ),
            next_meeting=Min(
                "meetings__starts_at",
                filter=Q(meetings__starts_at__gte=now)
                & ~Q(meetings__status=MeetingStatus.CANCELLED),
            ),
        ).order_by("-active", "name")
    )


@dataclass
class BoardDetail:
    board: Board
    seats: list[BoardMembership] | None  # None: not shown to this person
    gates: list[StageGate]
    upcoming: list[Meeting] | None
    recent: list[Meeting] | None
    decisions: list[Decision]
    can_manage: bool
    can_act: bool


BOARD_PAGE_MEETINGS = 5
BOARD_PAGE_DECISIONS = 10


def board_detail(user, slug: str) -> BoardDetail:
    board = get_object_or_404(Board, slug=slug)
    signed_in = permissions.can_view_meetings(user)
    seats = None
    if permissions.can_view_members(user):
        seats = list(
            board.memberships.select_related("person", "person__organisation").order_by(
                "ended_on", "role", "person__full_name"
            )
        )
    upcoming = recent = None
    if signed_in:
        now = timezone.now()
        meetings = board.meetings.annotate(decision_count=Count("decisions"))
        upcoming = list(
            meetings.filter(starts_at__gte=now).order_by("starts_at")[:BOARD_PAGE_MEETINGS]
        )
        recent = list(
            meetings.filter(starts_at__lt=now).order_by("-starts_at")[:BOARD_PAGE_MEETINGS]
        )
    decisions = list(decision_queryset(user).filter(meeting__board=board)[:BOARD_PAGE_DECISIONS])
    return BoardDetail(
        board=board,
        seats=seats,
        gates=list(board.gates.all()),
        upcoming=upcoming,
        recent=recent,
        decisions=decisions,
        can_manage=permissions.can_manage_boards(user),
        can_act=permissions.can_act_for_board(user, board),
    )


def board_for_change(slug: str) -> Board:
    return get_object_or_404(Board, slug=slug)
