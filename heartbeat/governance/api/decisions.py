"""Actions from meetings, and the decision log."""

from __future__ import annotations

import datetime

from ninja import Field, Query, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.governance import selectors, services
from heartbeat.governance.api.common import (
    MAX_LIMIT,
    ActionOut,
    DecisionOut,
    ErrorOut,
    Text,
    action_out,
    decision_out,
    meeting_for_change,
    require_signed_in,
    router,
)
from heartbeat.governance.inputs import (
    ActionInput,
    DecisionInput,
)
from heartbeat.governance.models import (
    TEXT_MAX,
    TITLE_MAX,
    ActionStatus,
    Meeting,
    Outcome,
)
from heartbeat.governance.services.decisions import MAX_ID
from heartbeat.governance.services.gates import GATEABLE_STAGES
from heartbeat.portfolio.models import Project
from heartbeat.roadmap.models import Product

# Actions -----------------------------------------------------------------------------------


class ActionQuery(Schema):
    board: str = Field("", max_length=130, description="A board's slug")
    owner: str = Field("", max_length=2, description="me: only your actions")
    status: str = Field("open", max_length=4, description="open, done or all")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ActionPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ActionOut]


class ActionIn(Schema):
    description: Text(500)
    owner: int = Field(description="The id of the person who will do it")
    due_on: datetime.date


class ActionUpdateIn(Schema):
    status: ActionStatus
    update: Text(500) = ""
    due_on: datetime.date | None = None
    owner: int | None = Field(None, description="Give it to someone else (the board only)")
    version: int


@router.get(
    "/actions",
    auth=required,
    response={200: ActionPageOut, 403: ErrorOut, 422: ErrorOut},
    summary="Actions from board meetings",
)
def action_list(request, params: Query[ActionQuery]):
    require_signed_in(request)
    filters, errors = selectors.parse_action_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.action_list(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=action_out,
    )


@router.post(
    "/meetings/{meeting_id}/actions",
    auth=required,
    response={201: ActionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record an action a meeting agreed",
)
def action_create(request, meeting_id: int, payload: ActionIn):
    meeting = meeting_for_change(request, meeting_id)
    action = services.action_create(
        actor=request.auth,
        meeting=meeting,
        data=ActionInput(
            description=payload.description, owner_id=payload.owner, due_on=payload.due_on
        ),
    )
    action.meeting = meeting
    return Status(201, action_out(action))


@router.put(
    "/actions/{action_id}",
    auth=required,
    response={200: ActionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Report progress on an action, or mark it done",
)
def action_update(request, action_id: int, payload: ActionUpdateIn):
    action = selectors.action_for_change(request.auth, action_id)
    action = services.action_update(
        actor=request.auth,
        action=action,
        status=payload.status,
        update=payload.update,
        due_on=payload.due_on,
        owner_id=payload.owner,
        expected_version=payload.version,
    )
    return action_out(selectors.action_for_change(request.auth, action.pk))


# Decisions ---------------------------------------------------------------------------------


class DecisionQuery(Schema):
    board: str = Field("", max_length=130)
    outcome: str = Field("", max_length=10, description="approved, rejected or deferred")
    project: str = Field("", max_length=120, description="A project's slug")
    work_request: str = Field(
        "", max_length=13, description="A work request's id or reference (12 or WR-0012)"
    )
    gates: bool = Field(False, description="Stage-gate decisions only")
    q: str = Field("", max_length=100, description="Words in the decision")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class DecisionPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[DecisionOut]


class DecisionIn(Schema):
    meeting: int | None = Field(
        None, description="The id of the meeting where the board decided (required)"
    )
    title: Text(TITLE_MAX)
    outcome: Outcome
    detail: Text(TEXT_MAX) = ""
    conditions: Text(TEXT_MAX) = ""
    project: str | None = Field(None, max_length=120, description="A project's slug")
    product: str | None = Field(None, max_length=120, description="A product's slug")
    work_request: int | None = Field(
        None,
        ge=1,
        le=MAX_ID,
        description="A work request's id (12 for WR-0012). A decision has one subject at "
        "most: a project, a product or a work request (422 decision_one_subject).",
    )
    gate_stage: str = Field(
        "",
        max_length=20,
        description="For a stage-gate decision, the stage: "
        + ", ".join(GATEABLE_STAGES)
        + ". An approval moves the project through the gate.",
    )


class DecisionUpdateIn(DecisionIn):
    version: int


def _decision_input(payload: DecisionIn) -> DecisionInput:
    project_id = product_id = None
    if payload.project:
        project_id = Project.objects.filter(slug=payload.project).values_list("pk", flat=True)
        project_id = project_id.first()
        if project_id is None:
            raise InvalidInput(f"There is no project '{payload.project}'.", field="project")
    if payload.product:
        product_id = Product.objects.filter(slug=payload.product).values_list("pk", flat=True)
        product_id = product_id.first()
        if product_id is None:
            raise InvalidInput(f"There is no product '{payload.product}'.", field="product")
    return DecisionInput(
        title=payload.title,
        outcome=payload.outcome,
        detail=payload.detail,
        conditions=payload.conditions,
        project_id=project_id,
        product_id=product_id,
        work_request_id=payload.work_request,
        gate_stage=payload.gate_stage,
    )


@router.get(
    "/decisions",
    response={200: DecisionPageOut, 422: ErrorOut},
    summary="The decision log",
    description="Visitors who are not signed in see the decisions whose subject is public; "
    "a decision about a work request is seen by those who may see the request.",
)
def decision_list(request, params: Query[DecisionQuery]):
    filters, errors = selectors.parse_decision_filters(
        request.auth,
        {**params.dict(), "gates": "1" if params.gates else ""},
    )
    if errors:
        raise InvalidInput(" ".join(errors))
    return page_of(
        selectors.decision_log(request.auth, filters),
        limit=params.limit,
        offset=params.offset,
        item=decision_out,
    )


@router.get(
    "/decisions/{decision_id}",
    response={200: DecisionOut, 404: ErrorOut},
    summary="A decision",
)
def decision_get(request, decision_id: int):
    return decision_out(selectors.decision_detail(request.auth, decision_id))


@router.post(
    "/decisions",
    auth=required,
    response={201: DecisionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Record a board's decision",
    description="Open to the board's members and the programme office. 422 "
    "decision_needs_meeting without a meeting; 409 gate_wrong_board when the meeting's "
    "board does not own the gate; an approval at a gate moves the project (409 "
    "transition_not_allowed when it cannot move there from its stage).",
)
def decision_create(request, payload: DecisionIn):
    meeting = None
    if payload.meeting is not None:
        require_signed_in(request)
        meeting = Meeting.objects.select_related("board").filter(pk=payload.meeting).first()
        if meeting is None:
            raise InvalidInput("There is no such meeting.", field="meeting")
    decision = services.decision_record(
        actor=request.auth, meeting=meeting, data=_decision_input(payload)
    )
    return Status(201, decision_out(selectors.decision_detail(request.auth, decision.pk)))


@router.put(
    "/decisions/{decision_id}",
    auth=required,
    response={200: DecisionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Correct a decision",
    description="The meeting cannot change; send the same one or leave it out.",
)
def decision_update(request, decision_id: int, payload: DecisionUpdateIn):
    require_signed_in(request)
    decision = selectors.decision_for_change(decision_id)
    if payload.meeting is not None and payload.meeting != decision.meeting_id:
        raise InvalidInput(
            "A decision stays with the meeting it was made at: record a new decision instead.",
            field="meeting",
        )
    services.decision_update(
        actor=request.auth,
        decision=decision,
        data=_decision_input(payload),
        expected_version=payload.version,
    )
    return decision_out(selectors.decision_detail(request.auth, decision_id))
