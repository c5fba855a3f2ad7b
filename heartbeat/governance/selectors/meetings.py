"""Meetings and actions: lists, a meeting's page, exports, the feed, and a person's open
actions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from heartbeat.core.registry import rows_and_total
from heartbeat.governance import permissions
from heartbeat.governance.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    BoardMembership,
    Decision,
    Meeting,
)
from heartbeat.governance.selectors.common import param
from heartbeat.governance.selectors.decisions import visible_to, with_subjects

# Meetings ----------------------------------------------------------------------------------


@dataclass
class MeetingFilters:
    board: Board | None = None
    when: str = ""  # "upcoming", "past" or "" for both

    def as_params(self) -> dict:
        return {"board": self.board.slug if self.board else "", "when": self.when}


def parse_meeting_filters(params) -> tuple[MeetingFilters, list[str]]:
    filters, errors = MeetingFilters(), []
    if slug := param(params, "board"):
        filters.board = (
            Board.objects.filter(slug=slug[:130]).first() if "\x00" not in slug else None
        )
        if filters.board is None:
            errors.append("There is no such board: showing every board's meetings.")
    if when := param(params, "when"):
        if when in ("upcoming", "past"):
            filters.when = when
        else:
            errors.append("Choose upcoming or past meetings: showing both.")
    return filters, errors


def meeting_list(user, filters: MeetingFilters | None = None) -> QuerySet[Meeting]:
    """Meetings with their board and how many decisions each recorded (1 query a page)."""
    filters = filters or MeetingFilters()
    meetings = Meeting.objects.select_related("board").annotate(
        decision_count=Count("decisions", distinct=True),
        item_count=Count("agenda_items", distinct=True),
    )
    if filters.board is not None:
        meetings = meetings.filter(board=filters.board)
    now = timezone.now()
    if filters.when == "upcoming":
        meetings = meetings.filter(starts_at__gte=now).order_by("starts_at")
    elif filters.when == "past":
        meetings = meetings.filter(starts_at__lt=now).order_by("-starts_at")
    else:
        meetings = meetings.order_by("-starts_at")
    return meetings


MEETING_EXPORT_HEADERS = (
    "Board",
    "Date",
    "Starts",
    "Ends",
    "Status",
    "Place",
    "Agenda items",
    "Decisions",
    "Page",
)


def meeting_export_rows(meetings, site: str) -> list[list]:
    rows = []
    for m in meetings:
        start = timezone.localtime(m.starts_at)
        end = timezone.localtime(m.ends_at) if m.ends_at else None
        rows.append(
            [
                m.board.name,
                start.date(),
                start.strftime("%H:%M"),
                end.strftime("%H:%M") if end else "",
                m.get_status_display(),
                m.place or ("Online" if m.link else ""),
                m.item_count,
                m.decision_count,
                site + m.get_absolute_url(),
            ]
        )
    return rows


@dataclass
class AttendanceRow:
    person: object
    role: str
    status: str  # "" when nothing is recorded


@dataclass
class MeetingDetail:
    meeting: Meeting
    items: list[AgendaItem]
    attendance: list[AttendanceRow]
    decisions: list[Decision]
    actions: list[Action]
    carried: list[Action]
    can_act: bool
    started: bool
    readable: set[int] = field(default_factory=set)  # agenda items this person may read

    @property
    def present(self) -> list[AttendanceRow]:
        return [r for r in self.attendance if r.status == AttendanceStatus.PRESENT]

    @property
    def apologies(self) -> list[AttendanceRow]:
        return [r for r in self.attendance if r.status == AttendanceStatus.APOLOGIES]


def meeting_detail(user, pk: int) -> MeetingDetail:
    """A meeting with its agenda, attendance, decisions and actions, or 404 (8 queries,
    one of them the person's seats)."""
    if not permissions.can_view_meetings(user):
        raise Http404("Meetings are for signed-in members.")
    meeting = get_object_or_404(Meeting.objects.select_related("board", "created_by"), pk=pk)
    board = meeting.board
    day = timezone.localdate(meeting.starts_at)
    items = list(meeting.agenda_items.all())
    recorded = {
        a.person_id: a
        for a in Attendance.objects.filter(meeting=meeting).select_related(
            "person", "person__organisation"
        )
    }
    seats = list(
        BoardMembership.objects.filter(board=board, started_on__lte=day)
        .exclude(ended_on__lt=day)
        .select_related("person", "person__organisation")
        .order_by("role", "person__full_name")
    )
    rows = [
        AttendanceRow(
            person=s.person,
            role=s.get_role_display(),
            status=recorded.pop(s.person_id).status if s.person_id in recorded else "",
        )
        for s in seats
    ]
    rows += [AttendanceRow(person=a.person, role="", status=a.status) for a in recorded.values()]
    decisions = list(visible_to(with_subjects(meeting.decisions.all()), user).order_by("id"))
    actions = list(meeting.actions.select_related("owner").order_by("due_on", "id"))
    carried = list(
        Action.objects.filter(meeting__board=board, meeting__starts_at__lt=meeting.starts_at)
        .filter(Q(status=ActionStatus.OPEN) | Q(done_on__gte=day))
        .select_related("owner", "meeting")
        .order_by("due_on", "id")
    )
    can_act = permissions.can_act_for_board(user, board)
    return MeetingDetail(
        meeting=meeting,
        items=items,
        attendance=rows,
        decisions=decisions,
        actions=actions,
        carried=carried,
        can_act=can_act,
        started=meeting.starts_at <= timezone.now(),
        readable={i.pk for i in items if not i.reserved or can_act},
    )


def meeting_for_change(user, pk: int) -> Meeting:
    if not permissions.can_view_meetings(user):
        raise Http404("Meetings are for signed-in members.")
    return get_object_or_404(Meeting.objects.select_related("board"), pk=pk)


def seats_on_day(meeting: Meeting) -> list[BoardMembership]:
    day = timezone.localdate(meeting.starts_at)
    return list(
        BoardMembership.objects.filter(board=meeting.board, started_on__lte=day)
        .exclude(ended_on__lt=day)
        .select_related("person")
        .order_by("role", "person__full_name")
    )


def calendar_meetings(user) -> list[Meeting]:
    """Meetings for the iCalendar feed: a year back and everything ahead (1 query)."""
    since = timezone.now() - datetime.timedelta(days=366)
    return list(
        Meeting.objects.filter(starts_at__gte=since).select_related("board").order_by("starts_at")
    )


# Actions -----------------------------------------------------------------------------------


@dataclass
class ActionFilters:
    board: Board | None = None
    mine: bool = False
    status: str = ActionStatus.OPEN  # "" for every action

    def as_params(self) -> dict:
        return {
            "board": self.board.slug if self.board else "",
            "owner": "me" if self.mine else "",
            "status": self.status or "all",
        }


def parse_action_filters(params) -> tuple[ActionFilters, list[str]]:
    filters, errors = ActionFilters(), []
    if slug := param(params, "board"):
        filters.board = (
            Board.objects.filter(slug=slug[:130]).first() if "\x00" not in slug else None
        )
        if filters.board is None:
            errors.append("There is no such board: showing every board's actions.")
    filters.mine = param(params, "owner") == "me"
    status = param(params, "status")
    if status in ("", ActionStatus.OPEN):
        filters.status = ActionStatus.OPEN
    elif status == ActionStatus.DONE:
        filters.status = ActionStatus.DONE
    elif status == "all":
        filters.status = ""
    else:
        errors.append("Choose open, done or all actions: showing open ones.")
    return filters, errors


def action_list(user, filters: ActionFilters | None = None) -> QuerySet[Action]:
    filters = filters or ActionFilters()
    if not permissions.can_view_meetings(user):
        return Action.objects.none()
    actions = Action.objects.select_related("owner", "meeting", "meeting__board").order_by(
        "due_on", "id"
    )
    if filters.board is not None:
        actions = actions.filter(meeting__board=filters.board)
    if filters.mine:
        actions = actions.filter(owner_id=user.pk)
    if filters.status:
        actions = actions.filter(status=filters.status)
    return actions


ACTION_EXPORT_HEADERS = (
    "Action",
    "Owner",
    "Due",
    "Status",
    "Done",
    "Board",
    "Agreed at",
    "Progress",
)


def action_export_rows(actions) -> list[list]:
    return [
        [
            a.description,
            a.owner.display_name,
            a.due_on,
            a.get_status_display(),
            a.done_on,
            a.meeting.board.name,
            timezone.localdate(a.meeting.starts_at),
            a.update,
        ]
        for a in actions
    ]


def action_for_change(user, pk: int) -> Action:
    if not permissions.can_view_meetings(user):
        raise Http404("Actions are for signed-in members.")
    return get_object_or_404(
        Action.objects.select_related("owner", "meeting", "meeting__board"), pk=pk
    )


# Home blocks -------------------------------------------------------------------------------

HOME_LIMIT = 5


def open_actions_of(user, limit: int = HOME_LIMIT) -> tuple[int, list[Action]]:
    first, total = rows_and_total(
        Action.objects.open()
        .filter(owner_id=user.pk)
        .select_related("meeting", "meeting__board")
        .order_by("due_on", "id"),
        limit,
    )
    return total, first
