"""Stage gates: stages a project may only move to with a recorded decision of the board
that owns the gate. The check and the listener plug into portfolio's stage moves through
``heartbeat.portfolio.hooks``, so the project page, the API and the services all meet them.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date
from heartbeat.governance import permissions
from heartbeat.governance.models import Board, Decision, Outcome, StageGate
from heartbeat.governance.services.common import delete, require, save, text
from heartbeat.portfolio.models import Stage, StageTransition

# Stages a gate may guard: moves into the lifecycle's later stages. Proposing and pausing
# stay open (a pause is how trouble is stopped quickly).
GATEABLE_STAGES = (
    Stage.DEFINED,
    Stage.APPROVED,
    Stage.RECRUITING,
    Stage.IN_DELIVERY,
    Stage.CLOSED,
    Stage.CANCELLED,
)


def stage_label(stage: str) -> str:
    return Stage(stage).label if stage in Stage.values else stage


def _gate_phrase(stage: str) -> str:
    return "approval" if stage == Stage.APPROVED else f"move to {stage_label(stage).lower()}"


@transaction.atomic
def gate_set(*, actor, stage: str, board: Board, note: str = "") -> StageGate:
    """Mark a stage as gated, owned by ``board`` (or give an existing gate to another board)."""
    if actor is not None:
        require(permissions.can_manage_gates(actor), "Only the programme office can set gates.")
    if stage not in GATEABLE_STAGES:
        choices = ", ".join(stage_label(s).lower() for s in GATEABLE_STAGES)
        raise InvalidInput(f"Choose a stage to gate: {choices}.", field="stage")
    if not board.active:
        raise InvalidInput(
            f"The {board.name} no longer meets: choose a board that does.", field="board"
        )
    note = text(note, field="note", label="note", max_length=300)
    gate = StageGate.objects.select_for_update().filter(stage=stage).first()
    if gate is None:
        gate = StageGate(stage=stage, board=board, note=note)
    elif gate.board_id == board.pk and gate.note == note:
        return gate
    else:
        gate.board, gate.note = board, note
    try:
        with transaction.atomic():
            save(gate, actor)
    except IntegrityError:
        raise ApplicationError(
            f"Someone set the {_gate_phrase(stage)} gate at the same moment: reload the page.",
            code="gate_changed",
            status=409,
        ) from None
    return gate


@transaction.atomic
def gate_remove(*, actor, stage: str) -> None:
    """Open a stage again: moves to it no longer need a board's decision."""
    if actor is not None:
        require(permissions.can_manage_gates(actor), "Only the programme office can set gates.")
    gate = StageGate.objects.select_for_update().filter(stage=stage).first()
    if gate is None:
        raise NotFound(f"The {stage_label(stage).lower()} stage has no gate.")
    delete(gate, actor)


# The hooks ---------------------------------------------------------------------------------


def _decision_id(extra: dict):
    value = extra.get("decision")
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput("That is not a decision of the log.", field="decision") from None


def check_decision_for_move(decision: Decision, *, project, to_stage: str, gate) -> None:
    """Refuse unless ``decision`` lets ``project`` through the gate into ``to_stage``."""
    board = decision.meeting.board
    if decision.project_id != project.pk:
        raise InvalidInput(
            f"That decision is not about {project.title}: choose the board's decision about "
            "this project.",
            code="decision_other_subject",
            field="decision",
        )
    if gate is not None and board.pk != gate.board_id:
        raise ApplicationError(
            f"The {gate.board.name} owns the {_gate_phrase(to_stage)} gate: a decision of "
            f"the {board.name} cannot pass it.",
            code="gate_wrong_board",
            status=409,
            field="decision",
        )
    if decision.outcome != Outcome.APPROVED:
        raise ApplicationError(
            f"The {board.name} {decision.get_outcome_display().lower()} this on "
            f"{uk_date(decision.meeting.starts_at)}: only an approval passes the gate.",
            code="decision_not_approval",
            status=409,
            field="decision",
        )
    if decision.gate_stage != to_stage:
        what = (
            f"a move to {stage_label(decision.gate_stage).lower()}"
            if decision.gate_stage
            else "no stage gate"
        )
        raise ApplicationError(
            f"That decision was about {what}, not a move to {stage_label(to_stage).lower()}.",
            code="decision_other_gate",
            status=409,
            field="decision",
        )
    if decision.transition_id is not None:
        raise ApplicationError(
            "That decision has already moved the project through the gate.",
            code="decision_used",
            status=409,
            field="decision",
        )


def check_gate(*, actor, project, move, reason, extra) -> None:
    """portfolio's transition check: a gated move needs the owning board's approval."""
    gate = (
        StageGate.objects.select_for_update()
        .select_related("board")
        .filter(stage=move.to_stage)
        .first()
    )
    decision_id = _decision_id(extra)
    if gate is None and decision_id is None:
        return
    if decision_id is None:
        raise ApplicationError(
            f"Moving {project.title} to {stage_label(move.to_stage).lower()} needs a recorded "
            f"decision of the {gate.board.name}, which owns the {_gate_phrase(move.to_stage)} "
            f"gate. Record the board's decision with the meeting it was made at: recording "
            "an approval moves the project.",
            code="gate_decision_required",
            status=409,
        )
    decision = (
        Decision.objects.select_for_update()
        .select_related("meeting__board")
        .filter(pk=decision_id)
        .first()
    )
    if decision is None:
        raise InvalidInput("That decision is not in the log.", field="decision")
    check_decision_for_move(decision, project=project, to_stage=move.to_stage, gate=gate)


def transition_note(*, project, move) -> list[str]:
    """portfolio's transition note: the confirmation page says who must decide first."""
    gate = StageGate.objects.select_related("board").filter(stage=move.to_stage).first()
    if gate is None:
        return []
    return [
        f"The {gate.board.name} owns the {_gate_phrase(move.to_stage)} gate: this move needs "
        f"the board's approval, recorded in the decision log with the meeting it was made at. "
        "Recording the approval moves the project, so there is no need to move it here."
    ]


def link_decision(*, actor, transition: StageTransition, extra) -> None:
    """portfolio's transition listener: the move and the decision point at each other."""
    decision_id = _decision_id(extra)
    if decision_id is None:
        return
    decision = Decision.objects.select_for_update().filter(pk=decision_id).first()
    # ``check_gate`` refused any decision that does not fit this move; one that does not
    # fit here came through a caller that replaced the checks, and is not linked.
    if (
        decision is None
        or decision.transition_id is not None
        or decision.project_id != transition.project_id
        or decision.gate_stage != transition.to_stage
        or decision.outcome != Outcome.APPROVED
    ):
        return
    decision.transition = transition
    decision.version += 1
    save(decision, actor)
    if transition.actor_id is None and decision.recorded_by_id is not None:
        # The board's decision moved the project: the person who recorded it made the move.
        StageTransition.objects.filter(pk=transition.pk).update(actor_id=decision.recorded_by_id)
        transition.actor_id = decision.recorded_by_id
