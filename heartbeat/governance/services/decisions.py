"""The decision log: what a board decided at one of its meetings, about what.

Recording a board's approval at a stage gate moves the project through the gate in the
same transaction, with the decision and the move linked; if the move is refused, so is
the record, and the person's input is kept by the page that sent it.
"""

from __future__ import annotations

from typing import NoReturn

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound
from heartbeat.core.formatting import uk_date
from heartbeat.governance.inputs import DecisionInput
from heartbeat.governance.models import (
    SUBJECT_FIELDS,
    TEXT_MAX,
    TITLE_MAX,
    Decision,
    Meeting,
    Outcome,
    StageGate,
)
from heartbeat.governance.services.common import check_version, person, save, text
from heartbeat.governance.services.gates import GATEABLE_STAGES, _gate_phrase, stage_label
from heartbeat.governance.services.meetings import (
    _lock_meeting,
    _refuse_before_start,
    _refuse_cancelled,
    _require_board,
)
from heartbeat.portfolio import permissions as portfolio_permissions
from heartbeat.portfolio.models import Project
from heartbeat.portfolio.rules import find_move
from heartbeat.portfolio.services import project_transition
from heartbeat.roadmap.models import Product
from heartbeat.work_requests.models import WorkRequest

SUBJECT_LABELS = {"project": "project", "product": "product", "work_request": "work request"}
# Largest id a subject's key column holds: a bigger number names nothing.
MAX_ID = 2**31 - 1


def _chosen(data: DecisionInput) -> list[str]:
    ids = {
        "project": data.project_id,
        "product": data.product_id,
        "work_request": data.work_request_id,
    }
    return [name for name in SUBJECT_FIELDS if ids[name] is not None]


def _refuse_unknown(field: str) -> NoReturn:
    raise InvalidInput(f"Choose a {SUBJECT_LABELS[field]} from the list.", field=field)


def _look_up(queryset, pk, field: str):
    """The record ``pk`` names in ``queryset``, or a refusal on ``field``."""
    if not isinstance(pk, int) or isinstance(pk, bool) or not 0 < pk <= MAX_ID:
        _refuse_unknown(field)
    found = queryset.filter(pk=pk).first()
    if found is None:
        _refuse_unknown(field)
    return found


def _subject(data: DecisionInput, actor) -> dict:
    """The decision's subject fields, checked: at most one subject, each one that exists
    and that the person recording it may see."""
    chosen = _chosen(data)
    if len(chosen) > 1:
        raise InvalidInput(
            "A decision is about one project, one product or one work request: choose one, "
            "and record a decision for each of the others.",
            code="decision_one_subject",
            field=chosen[-1],
        )
    values = dict.fromkeys(SUBJECT_FIELDS)
    if data.project_id is not None:
        project = _look_up(Project.objects.all(), data.project_id, "project")
        if actor is not None and not portfolio_permissions.can_view_project(actor, project):
            _refuse_unknown("project")
        values["project"] = project
    if data.product_id is not None:
        products = Product.objects.select_related("project")
        values["product"] = _look_up(products, data.product_id, "product")
    if data.work_request_id is not None:
        # Only a request the person may see: one they cannot is as good as unknown to them.
        requests = WorkRequest.objects.all()
        if actor is not None:
            requests = WorkRequest.objects.visible_to(actor)
        values["work_request"] = _look_up(requests, data.work_request_id, "work_request")
    return values


def _check_gate(data: DecisionInput, meeting: Meeting, project: Project | None):
    """The gate a decision is about, checked against the board and the project."""
    if not data.gate_stage:
        return None
    if data.gate_stage not in GATEABLE_STAGES:
        raise InvalidInput("Choose a stage gate from the list.", field="gate_stage")
    if project is None:
        raise InvalidInput(
            "A stage-gate decision is about a project: choose the project.", field="project"
        )
    gate = StageGate.objects.select_related("board").filter(stage=data.gate_stage).first()
    if gate is None:
        raise ApplicationError(
            f"Moving to {stage_label(data.gate_stage).lower()} has no gate, so it needs no "
            "board's decision: record this decision without a gate, or ask the programme "
            "office to set one.",
            code="gate_not_set",
            status=409,
            field="gate_stage",
        )
    board = meeting.board
    if gate.board_id != board.pk:
        raise ApplicationError(
            f"The {gate.board.name} owns the {_gate_phrase(data.gate_stage)} gate: a "
            f"decision of the {board.name} cannot pass it. Record it at a meeting of the "
            f"{gate.board.name}.",
            code="gate_wrong_board",
            status=409,
            field="gate_stage",
        )
    return gate


def _check_move_possible(data: DecisionInput, project: Project) -> None:
    if data.outcome != Outcome.APPROVED or not data.gate_stage:
        return
    if find_move(project, data.gate_stage) is None:
        raise ApplicationError(
            f"{project.title} is {project.get_stage_display().lower()}: it cannot move to "
            f"{stage_label(data.gate_stage).lower()} from there, so the board's approval "
            "cannot take it through the gate.",
            code="transition_not_allowed",
            status=409,
            field="gate_stage",
        )


def _move(decision: Decision, project: Project, actor) -> None:
    """Take the project through the gate the decision approved, linking the two."""
    move = find_move(project, decision.gate_stage)
    mover = actor
    if actor is not None and not portfolio_permissions.can_make_move(actor, project, move):
        # The board's decision is the authority for the move, whoever records it.
        mover = None
    board = decision.meeting.board
    reason = f"Approved by the {board.name} on {uk_date(decision.meeting.starts_at)}: "
    reason += decision.title
    if decision.conditions:
        reason += f" Conditions: {decision.conditions}"
    project_transition(
        actor=mover,
        project=project,
        to_stage=decision.gate_stage,
        reason=reason,
        extra={"decision": decision.pk},
    )
    decision.refresh_from_db()


def _clean(data: DecisionInput, meeting: Meeting, actor, *, moved: bool = False):
    title = text(data.title, field="title", label="decision", max_length=TITLE_MAX, required=True)
    detail = text(data.detail, field="detail", label="detail", max_length=TEXT_MAX)
    conditions = text(data.conditions, field="conditions", label="conditions", max_length=TEXT_MAX)
    if data.outcome not in Outcome.values:
        raise InvalidInput("Choose approved, rejected or deferred.", field="outcome")
    subject = _subject(data, actor)
    project = subject["project"]
    _check_gate(data, meeting, project)
    if project is not None and not moved:
        _check_move_possible(data, project)
    return {
        "title": title,
        "detail": detail,
        "conditions": conditions,
        "outcome": data.outcome,
        **subject,
        "gate_stage": data.gate_stage or "",
    }


@transaction.atomic
def decision_record(*, actor, meeting: Meeting | None, data: DecisionInput) -> Decision:
    """Record a board's decision made at ``meeting``; an approval at a stage gate moves the
    project through it."""
    if meeting is None:
        raise InvalidInput(
            "Choose the meeting at which the board decided: every decision in the log was "
            "made by a board at one of its meetings.",
            code="decision_needs_meeting",
            field="meeting",
        )
    _require_board(actor, meeting.board, "record its decisions")
    current = _lock_meeting(meeting)
    _refuse_cancelled(current, "decisions")
    _refuse_before_start(current, "record its decisions")
    values = _clean(data, current, actor)
    decision = Decision(meeting=current, recorded_by=person(actor), **values)
    save(decision, actor)
    if decision.outcome == Outcome.APPROVED and decision.gate_stage:
        _move(decision, values["project"], actor)
    return decision


@transaction.atomic
def decision_update(
    *, actor, decision: Decision, data: DecisionInput, expected_version: int
) -> Decision:
    """Correct a decision's wording or conditions; its outcome, subject and gate too while
    it has moved no project (an approval at a gate moves the project then)."""
    current = (
        Decision.objects.select_for_update()
        .select_related("meeting__board")
        .filter(pk=decision.pk)
        .first()
    )
    if current is None:
        raise NotFound("That decision is no longer in the log.")
    _require_board(actor, current.meeting.board, "change its decisions")
    check_version(current, expected_version, "this decision")
    values = _clean(data, current.meeting, actor, moved=current.transition_id is not None)
    if current.transition_id is not None:
        locked = {
            "outcome": current.outcome,
            **{name: getattr(current, name) for name in SUBJECT_FIELDS},
            "gate_stage": current.gate_stage,
        }
        if any(values[k] != v for k, v in locked.items()):
            raise ApplicationError(
                "This decision moved the project through its gate on "
                f"{uk_date(timezone.localtime(current.transition.at))}: its outcome, subject "
                "and gate stay as they were. Record a new decision to change them.",
                code="decision_moved_project",
                status=409,
            )
    if any(getattr(current, k) != v for k, v in values.items()):
        for name, value in values.items():
            setattr(current, name, value)
        current.version += 1
        save(current, actor)
    if current.transition_id is None and current.outcome == Outcome.APPROVED and current.gate_stage:
        _move(current, current.project, actor)
    return current
