"""Synthetic governance for ``heartbeat generate`` (see ``heartbeat.generator.runner``).

Runs after the roadmap's generator. Each unit of scale has a Partnership Board and a
Programme Board with eight members each (the first Programme Board has the bench board
member as its chair, and owns the approval gate), and a year of monthly meetings with an
agenda, attendance, minutes and actions, the older ones done. Every approval the work
programme recorded in the last year is the gate board's decision at its meeting before
the move, linked to the move; some defined projects have had their approval deferred, and
some accepted work requests have been endorsed by the board after they were accepted.
About 300 meetings, 1,000 agenda items and 100 decisions per unit of scale.
"""

from __future__ import annotations

import datetime
import random

from django.test.utils import override_settings
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from heartbeat.accounts.models import User
from heartbeat.generator.runner import BATCH_SIZE, BENCH_USERS
from heartbeat.governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    StageGate,
)
from heartbeat.portfolio.models import Project, Stage, StageTransition
from heartbeat.work_requests.models import State as RequestState
from heartbeat.work_requests.models import WorkRequest

SEATS_PER_BOARD = 8
MONTHS = 12
AGENDA = [
    ("Welcome, apologies and the minutes of the last meeting", ""),
    ("Programme highlight report", "Delivery confidence, milestones and risks, for noting."),
    ("Projects for approval", "Projects whose definitions are complete, for decision."),
    ("Benefits and risks", "The quarter's benefits and the top risks, for discussion."),
    ("Any other business", ""),
]
ACTIONS = [
    "Circulate the highlight report to participating councils",
    "Bring a revised plan to the next meeting",
    "Confirm councils' contributions for next year",
    "Report the benefits realised this quarter",
]
DEFERRED_SHARE = 0.3
ENDORSED_SHARE = 0.3


def _month_starts(today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for back in range(MONTHS, -1, -1):
        index = first.year * 12 + first.month - 1 - back
        months.append(datetime.date(index // 12, index % 12 + 1, 1))
    return months


def _meeting_day(month: datetime.date, weekday: int) -> datetime.date:
    """The second such weekday of the month (0 = Monday)."""
    day = month + datetime.timedelta(days=(weekday - month.weekday()) % 7)
    return day + datetime.timedelta(days=7)


def generate(scale: int, rng: random.Random, stdout) -> dict[str, int]:
    now = timezone.now()
    today = timezone.localdate()
    people = list(
        User.objects.filter(is_active=True, organisation__isnull=False)
        .exclude(email__in=BENCH_USERS.values())
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    bench = User.objects.filter(email=BENCH_USERS["board_member"]).values_list("pk", flat=True)
    bench_member = bench.first()

    boards = []
    for number in range(1, scale + 1):
        suffix = "" if number == 1 else f" {number}"
        boards.append(
            Board(
                name=f"Partnership Board{suffix}",
                slug=f"partnership-board{suffix.replace(' ', '-')}",
                remit="Sets the partnership's direction, priorities and budget.",
                cadence="quarterly",
            )
        )
        boards.append(
            Board(
                name=f"Programme Board{suffix}",
                slug=f"programme-board{suffix.replace(' ', '-')}",
                remit="Approves projects at the approval gate and oversees delivery.",
                cadence="monthly",
            )
        )
    boards = bulk_create_with_history(boards, Board, batch_size=BATCH_SIZE)
    programme_boards = [b for b in boards if b.slug.startswith("programme-board")]
    StageGate.objects.create(stage=Stage.APPROVED, board=programme_boards[0])

    started = today - datetime.timedelta(days=400)
    seats, members = [], {}
    for board in boards:
        chosen = rng.sample(people, SEATS_PER_BOARD)
        if board == programme_boards[0] and bench_member:
            chosen[0] = bench_member
        members[board.pk] = chosen
        for index, person_id in enumerate(chosen):
            role = "chair" if index == 0 else ("secretary" if index == 1 else "member")
            seats.append(
                BoardMembership(board=board, person_id=person_id, role=role, started_on=started)
            )
    bulk_create_with_history(seats, BoardMembership, batch_size=BATCH_SIZE)

    meetings = []
    for board in boards:
        weekday = 2 if board in programme_boards else 3
        for month in _month_starts(today):
            if board not in programme_boards and month.month % 3:
                continue
            day = _meeting_day(month, weekday)
            starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
            held = starts < now
            meetings.append(
                Meeting(
                    board=board,
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    place="Digital Office, Edinburgh",
                    status="held" if held else "scheduled",
                    minutes=(
                        "The minutes of the last meeting were agreed. The board noted the "
                        "highlight report and discussed the projects for approval."
                    )
                    if held
                    else "",
                )
            )
    meetings = bulk_create_with_history(meetings, Meeting, batch_size=BATCH_SIZE)

    items, attendance, actions = [], [], []
    for meeting in meetings:
        held = meeting.starts_at < now
        for order, (title, summary) in enumerate(AGENDA, start=1):
            items.append(AgendaItem(meeting=meeting, order=order, title=title, summary=summary))
        if not held:
            continue
        for person_id in members[meeting.board_id]:
            status = "apologies" if rng.random() < 0.12 else "present"
            attendance.append(Attendance(meeting=meeting, person_id=person_id, status=status))
        day = timezone.localdate(meeting.starts_at)
        for description in rng.sample(ACTIONS, 2):
            due = day + datetime.timedelta(days=rng.randint(14, 60))
            done = due < today and rng.random() < 0.85
            actions.append(
                Action(
                    meeting=meeting,
                    description=description,
                    owner_id=rng.choice(members[meeting.board_id]),
                    due_on=due,
                    status="done" if done else "open",
                    done_on=min(due, today) if done else None,
                )
            )
    bulk_create_with_history(items, AgendaItem, batch_size=BATCH_SIZE)
    bulk_create_with_history(attendance, Attendance, batch_size=BATCH_SIZE)
    bulk_create_with_history(actions, Action, batch_size=BATCH_SIZE)

    decisions = _decisions(meetings, programme_boards[0], now, rng)
    return {
        "boards": len(boards),
        "meetings": len(meetings),
        "agenda items": len(items),
        "actions": len(actions),
        "decisions": decisions,
    }


def _decisions(meetings, gate_board, now, rng) -> int:
    """The gate board's approvals of the last year's moves to approved, and some deferrals."""
    held = sorted(
        (m for m in meetings if m.board_id == gate_board.pk and m.starts_at < now),
        key=lambda m: m.starts_at,
    )
    if not held:
        return 0
    decisions = []
    moves = StageTransition.objects.filter(
        to_stage=Stage.APPROVED, at__gte=held[0].starts_at
    ).select_related("project")
    for move in moves:
        meeting = max((m for m in held if m.starts_at <= move.at), key=lambda m: m.starts_at)
        decisions.append(
            Decision(
                meeting=meeting,
                title=f"Approve {move.project.title}"[:300],
                outcome="approved",
                project_id=move.project_id,
                gate_stage=Stage.APPROVED,
                transition=move,
            )
        )
    defined = Project.objects.filter(stage=Stage.DEFINED).only("pk", "title")
    decisions.extend(
        Decision(
            meeting=rng.choice(held),
            title=f"Defer approval of {project.title}"[:300],
            outcome="deferred",
            project_id=project.pk,
            gate_stage=Stage.APPROVED,
        )
        for project in defined
        if rng.random() < DEFERRED_SHARE
    )
    accepted = WorkRequest.objects.filter(state=RequestState.ACCEPTED).only(
        "pk", "title", "state_changed_at"
    )
    for work_request in accepted:
        after = [m for m in held if m.starts_at >= (work_request.state_changed_at or now)]
        if after and rng.random() < ENDORSED_SHARE:
            decisions.append(
                Decision(
                    meeting=after[0],
                    title=f"Endorse {work_request.title}"[:300],
                    outcome="approved",
                    work_request_id=work_request.pk,
                )
            )
    bulk_create_with_history(decisions, Decision, batch_size=BATCH_SIZE)
    return len(decisions)


def flush(stdout) -> None:
    """Delete every board with its seats, meetings, actions, decisions and gates."""
    models = (Decision, Action, Attendance, AgendaItem, Meeting, StageGate, BoardMembership, Board)
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for model in models:
            model.objects.all().delete()
    for model in models:
        model.history.all().delete()
