"""Reads for governance's pages, feeds and API, each in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

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
    MeetingStatus,
    Outcome,
    StageGate,
)
from heartbeat.governance.services.gates import GATEABLE_STAGES, stage_label
from heartbeat.portfolio.models import Project, Stage, Visibility
from heartbeat.portfolio.rules import MOVES
from heartbeat.roadmap.models import Product, ProductStatus


def _param(params, name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


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


# Meetings ----------------------------------------------------------------------------------


@dataclass
class MeetingFilters:
    board: Board | None = None
    when: str = ""  # "upcoming", "past" or "" for both

    def as_params(self) -> dict:
        return {"board": self.board.slug if self.board else "", "when": self.when}


def parse_meeting_filters(params) -> tuple[MeetingFilters, list[str]]:
    filters, errors = MeetingFilters(), []
    if slug := _param(params, "board"):
        filters.board = (
            Board.objects.filter(slug=slug[:130]).first() if "\x00" not in slug else None
        )
        if filters.board is None:
            errors.append("There is no such board: showing every board's meetings.")
    if when := _param(params, "when"):
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


def _decisions_with_subjects(queryset):
    return queryset.select_related(
        "meeting__board", "project", "product", "product__project", "transition", "recorded_by"
    )


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
    decisions = list(_decisions_with_subjects(meeting.decisions.all()).order_by("id"))
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


# Decisions ---------------------------------------------------------------------------------


def decision_queryset(user) -> QuerySet[Decision]:
    """Decisions the person may see: all of them when signed in, else those whose subject
    is public."""
    decisions = _decisions_with_subjects(Decision.objects.all()).order_by(
        "-meeting__starts_at", "-id"
    )
    if permissions.can_view_meetings(user):
        return decisions
    return decisions.filter(
        Q(project__visibility=Visibility.PUBLIC) | Q(product__project__visibility=Visibility.PUBLIC)
    )


@dataclass
class DecisionFilters:
    board: Board | None = None
    outcome: str = ""
    project: Project | None = None
    gates: bool = False  # stage-gate decisions only
    q: str = ""

    def as_params(self) -> dict:
        return {
            "board": self.board.slug if self.board else "",
            "outcome": self.outcome,
            "project": self.project.slug if self.project else "",
            "gates": "1" if self.gates else "",
            "q": self.q,
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.board or self.outcome or self.project or self.gates or self.q)


def parse_decision_filters(user, params) -> tuple[DecisionFilters, list[str]]:
    filters, errors = DecisionFilters(), []
    values = {name: _param(params, name) for name in ("board", "outcome", "project", "gates", "q")}
    if any("\x00" in v for v in values.values()):
        return filters, ["A filter contains a character that is not allowed: showing everything."]
    if values["board"]:
        filters.board = Board.objects.filter(slug=values["board"][:130]).first()
        if filters.board is None:
            errors.append("There is no such board: showing every board's decisions.")
    if values["outcome"]:
        if values["outcome"] in Outcome.values:
            filters.outcome = values["outcome"]
        else:
            errors.append("Choose approved, rejected or deferred: showing every outcome.")
    if values["project"]:
        filters.project = (
            Project.objects.visible_to(user).filter(slug=values["project"][:120]).first()
        )
        if filters.project is None:
            errors.append("There is no such project: showing decisions about every subject.")
    filters.gates = values["gates"] in ("1", "on", "true")
    filters.q = values["q"][:100]
    return filters, errors


def decision_log(user, filters: DecisionFilters | None = None) -> QuerySet[Decision]:
    filters = filters or DecisionFilters()
    decisions = decision_queryset(user)
    if filters.board is not None:
        decisions = decisions.filter(meeting__board=filters.board)
    if filters.outcome:
        decisions = decisions.filter(outcome=filters.outcome)
    if filters.project is not None:
        decisions = decisions.filter(
            Q(project=filters.project) | Q(product__project=filters.project)
        )
    if filters.gates:
        decisions = decisions.exclude(gate_stage="")
    if filters.q:
        decisions = decisions.filter(
            Q(title__icontains=filters.q)
            | Q(detail__icontains=filters.q)
            | Q(conditions__icontains=filters.q)
        )
    return decisions


DECISION_EXPORT_HEADERS = (
    "Date",
    "Board",
    "Decision",
    "Outcome",
    "Subject",
    "Stage gate",
    "Conditions",
    "Project moved",
    "Page",
)


def subject_name(decision: Decision) -> str:
    if decision.project_id:
        return decision.project.title
    if decision.product_id:
        return decision.product.name
    return ""


def decision_export_rows(decisions, site: str) -> list[list]:
    return [
        [
            timezone.localdate(d.meeting.starts_at),
            d.meeting.board.name,
            d.title,
            d.get_outcome_display(),
            subject_name(d),
            stage_label(d.gate_stage) if d.gate_stage else "",
            d.conditions,
            timezone.localdate(d.transition.at) if d.transition_id else "",
            site + d.get_absolute_url(),
        ]
        for d in decisions
    ]


def decision_detail(user, pk: int) -> Decision:
    decision = decision_queryset(user).filter(pk=pk).first()
    if decision is None:
        raise Http404("No such decision, or you cannot see it.")
    return decision


def decision_for_change(pk: int) -> Decision:
    return get_object_or_404(_decisions_with_subjects(Decision.objects.all()), pk=pk)


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
    if slug := _param(params, "board"):
        filters.board = (
            Board.objects.filter(slug=slug[:130]).first() if "\x00" not in slug else None
        )
        if filters.board is None:
            errors.append("There is no such board: showing every board's actions.")
    filters.mine = _param(params, "owner") == "me"
    status = _param(params, "status")
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


# Stage gates -------------------------------------------------------------------------------


# The lifecycle's way forward: a move along it is one a board may be waiting to decide.
FORWARD = (
    Stage.PROPOSED,
    Stage.DEFINED,
    Stage.APPROVED,
    Stage.RECRUITING,
    Stage.IN_DELIVERY,
    Stage.CLOSED,
)


def stages_before(stage: str) -> list[str]:
    """The stages from which a project moves forward into ``stage`` in the lifecycle."""
    if stage not in FORWARD:
        return []
    return [
        from_stage
        for from_stage, moves in MOVES.items()
        if from_stage in FORWARD
        and FORWARD.index(from_stage) < FORWARD.index(stage)
        and any(move.to_stage == stage for move in moves)
    ]


def _due(to_stage: str, today: datetime.date) -> Q:
    """Projects whose own dates say the move into ``to_stage`` is due: delivery once the
    planned start has come, closure once the planned end has passed. Approval is due as
    soon as a project is defined (its definition is complete)."""
    if to_stage == Stage.IN_DELIVERY:
        return Q(planned_start__isnull=True) | Q(planned_start__lte=today)
    if to_stage == Stage.CLOSED:
        return Q(planned_end__lt=today)
    return Q()


def _is_due(project: Project, to_stage: str, today: datetime.date) -> bool:
    if to_stage == Stage.IN_DELIVERY:
        return project.planned_start is None or project.planned_start <= today
    if to_stage == Stage.CLOSED:
        return project.planned_end is not None and project.planned_end < today
    return True


@dataclass
class GateRow:
    stage: str
    label: str
    gate: StageGate | None


def gate_overview() -> list[GateRow]:
    gates = {g.stage: g for g in StageGate.objects.select_related("board")}
    return [GateRow(stage=s, label=stage_label(s), gate=gates.get(s)) for s in GATEABLE_STAGES]


@dataclass
class Awaiting:
    project: Project
    gate: StageGate
    last_decision: Decision | None = None


def awaiting_decisions(user, *, board_ids=None, limit: int | None = None) -> tuple[int, list]:
    """Projects at a gate owned by one of ``board_ids`` (every board when None), with the
    board's latest decision about that gate if it deferred or rejected it (4 queries).

    Returns the total and the first ``limit`` of them, oldest in their stage first.
    """
    gates = StageGate.objects.select_related("board")
    if board_ids is not None:
        gates = gates.filter(board_id__in=board_ids)
    today = timezone.localdate()
    waiting = Q(pk__in=[])
    by_stage: dict[str, list[StageGate]] = {}
    for gate in gates:
        for stage in stages_before(gate.stage):
            by_stage.setdefault(stage, []).append(gate)
            waiting |= Q(stage=stage) & _due(gate.stage, today)
    if not by_stage:
        return 0, []
    projects = (
        Project.objects.visible_to(user)
        .filter(waiting)
        .select_related("theme", "lead_organisation")
        .order_by("stage_changed_at", "title")
    )
    total = projects.count()
    page = list(projects[:limit] if limit is not None else projects)
    pairs = [
        Awaiting(project=p, gate=g)
        for p in page
        for g in by_stage[p.stage]
        if _is_due(p, g.stage, today)
    ]
    latest: dict[tuple[int, str], Decision] = {}
    for decision in (
        Decision.objects.filter(project__in=[p.pk for p in page], transition__isnull=True)
        .exclude(gate_stage="")
        .select_related("meeting", "meeting__board")
        .order_by("meeting__starts_at", "id")
    ):
        latest[(decision.project_id, decision.gate_stage)] = decision
    for pair in pairs:
        pair.last_decision = latest.get((pair.project.pk, pair.gate.stage))
    return total, pairs


@dataclass
class ProjectGates:
    decisions: list[Decision]
    ungated_moves: list  # moves into stages now gated, made without a board's decision
    next_gates: list[StageGate]
    can_record: bool


def project_gates(user, project: Project) -> ProjectGates:
    """A project's gate history: its decisions and the moves they made (3 queries, one of
    them the person's seats; uses the project page's prefetched transitions)."""
    decisions = list(
        decision_queryset(user)
        .filter(Q(project=project) | Q(product__project=project))
        .order_by("meeting__starts_at", "id")
    )
    gates = {g.stage: g for g in StageGate.objects.select_related("board")}
    linked = {d.transition_id for d in decisions if d.transition_id}
    ungated = [t for t in project.transitions.all() if t.to_stage in gates and t.pk not in linked]
    following = {move.to_stage for move in MOVES.get(project.stage, [])}
    next_gates = [g for stage, g in gates.items() if stage in following]
    return ProjectGates(
        decisions=decisions,
        ungated_moves=sorted(ungated, key=lambda t: t.at),
        next_gates=next_gates,
        can_record=any(permissions.can_act_for_board(user, g.board) for g in next_gates),
    )


# Home blocks -------------------------------------------------------------------------------

HOME_LIMIT = 5


def open_actions_of(user, limit: int = HOME_LIMIT) -> tuple[int, list[Action]]:
    actions = Action.objects.open().filter(owner_id=user.pk)
    total = actions.count()
    if not total:
        return 0, []
    first = list(
        actions.select_related("meeting", "meeting__board").order_by("due_on", "id")[:limit]
    )
    return total, first


def subject_choices() -> dict:
    """Open projects and products a decision may be about, for the decision form's lists
    (2 queries). A project's stage is in its label, so the gate it is at is clear."""
    projects = [
        (pk, f"{title} ({Stage(stage).label.lower()})")
        for pk, title, stage in Project.objects.open()
        .order_by("title")
        .values_list("pk", "title", "stage")
    ]
    products = list(
        Product.objects.exclude(status=ProductStatus.RETIRED)
        .order_by("name")
        .values_list("pk", "name")
    )
    return {"projects": projects, "products": products}
