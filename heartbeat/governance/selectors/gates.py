"""Stage gates: who owns which, what awaits each board's decision, and a project's gate
history."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from heartbeat.governance import permissions
from heartbeat.governance.models import (
    Decision,
    StageGate,
)
from heartbeat.governance.selectors.decisions import decision_queryset
from heartbeat.governance.services.gates import GATEABLE_STAGES, stage_label
from heartbeat.portfolio.models import Project, Stage
from heartbeat.portfolio.rules import MOVES

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


AWAITING_EXPORT_HEADERS = (
    "Project",
    "Stage",
    "In that stage since",
    "Gate",
    "Board",
    "Last decision",
    "Last decision on",
    "Page",
)


def awaiting_export_rows(rows: list[Awaiting], site: str) -> list[list]:
    return [
        [
            a.project.title,
            a.project.get_stage_display(),
            timezone.localdate(a.project.stage_changed_at) if a.project.stage_changed_at else "",
            a.gate.get_stage_display(),
            a.gate.board.name,
            a.last_decision.get_outcome_display() if a.last_decision else "",
            timezone.localdate(a.last_decision.meeting.starts_at) if a.last_decision else "",
            site + a.project.get_absolute_url(),
        ]
        for a in rows
    ]


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
