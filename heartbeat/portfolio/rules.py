"""The lifecycle's rules: which moves exist, who may make them, and when a definition is ready."""

from dataclasses import dataclass

from heartbeat.portfolio.models import OPEN_STAGES, Project, Stage


@dataclass(frozen=True)
class Move:
    to_stage: str
    label: str
    reason_required: bool = False
    # The project lead may make this move; every move is open to the programme office.
    lead_may: bool = False
    # A way back to an earlier stage (rework), rather than a step forward.
    back: bool = False


# Forward moves through the lifecycle, and the ways back that make sense.
MOVES: dict[str, list[Move]] = {
    Stage.PROPOSED: [Move(Stage.DEFINED, "Mark as defined", lead_may=True)],
    Stage.DEFINED: [
        Move(Stage.APPROVED, "Approve"),
        Move(Stage.PROPOSED, "Reopen the definition", lead_may=True, back=True),
    ],
    Stage.APPROVED: [
        Move(Stage.RECRUITING, "Start recruiting"),
        Move(Stage.DEFINED, "Return to defined", reason_required=True, back=True),
    ],
    Stage.RECRUITING: [
        Move(Stage.IN_DELIVERY, "Start delivery"),
        Move(Stage.APPROVED, "Stop recruiting", reason_required=True, back=True),
    ],
    Stage.IN_DELIVERY: [Move(Stage.CLOSED, "Close the project")],
    Stage.CLOSED: [Move(Stage.IN_DELIVERY, "Reopen delivery", reason_required=True)],
    Stage.CANCELLED: [Move(Stage.PROPOSED, "Reopen as a proposal", reason_required=True)],
    Stage.PAUSED: [],  # resuming returns to the stage it was paused from: see moves_from()
}

# The stages a project reaches only with its definition complete: every move forward into
# one of them checks the definition again, not only the first.
GATED_STAGES = (Stage.DEFINED, Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY)

PAUSE = Move(Stage.PAUSED, "Pause", reason_required=True)
CANCEL = Move(Stage.CANCELLED, "Cancel", reason_required=True)


PLANNED_END_BEFORE_START = "The planned end must be on or after the planned start."


def planned_dates_error(start, end) -> str | None:
    """What is wrong with a project's planned dates, if anything: the services refuse it and
    the form shows it beside the form's other errors, all at once."""
    if start is not None and end is not None and end < start:
        return PLANNED_END_BEFORE_START
    return None


def moves_from(project: Project) -> list[Move]:
    """Every move that exists from the project's current stage, whoever makes it."""
    moves = list(MOVES.get(project.stage, []))
    if project.stage == Stage.PAUSED and project.paused_from:
        moves.append(Move(project.paused_from, "Resume", reason_required=False))
    if project.stage in OPEN_STAGES:
        moves.append(PAUSE)
    if project.stage in (*OPEN_STAGES, Stage.PAUSED):
        moves.append(CANCEL)
    return moves


def find_move(project: Project, to_stage: str) -> Move | None:
    return next((m for m in moves_from(project) if m.to_stage == to_stage), None)


def checks_definition(move: Move) -> bool:
    """Whether making ``move`` needs the definition complete: every move forward into a
    gated stage (resuming into one included), but not a way back to rework it."""
    return move.to_stage in GATED_STAGES and not move.back


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool


def definition_checklist(project: Project) -> list[ChecklistItem]:
    """What a definition needs before the project can be marked as defined.

    Reads the project's definition rows through their related managers: prefetch
    scope_items, requirements, products, expected_benefits and resource_requirements to
    keep this free of extra queries.
    """
    scope_in = [s for s in project.scope_items.all() if s.kind == "in"]
    resources = list(project.resource_requirements.all())
    complete_resource = any(
        r.skill_id and r.days_per_month and r.start_month and r.end_month for r in resources
    )
    return [
        ChecklistItem("scope", "At least one thing in scope", bool(scope_in)),
        ChecklistItem("requirements", "At least one requirement", bool(project.requirements.all())),
        ChecklistItem("products", "At least one anticipated product", bool(project.products.all())),
        ChecklistItem(
            "benefits", "At least one expected benefit", bool(project.expected_benefits.all())
        ),
        ChecklistItem(
            "resources",
            "At least one resource requirement with a skill, days per month and a period",
            complete_resource,
        ),
        ChecklistItem(
            "lead_organisation", "A lead organisation", project.lead_organisation_id is not None
        ),
        ChecklistItem("project_lead", "A project lead", project.project_lead_id is not None),
    ]


def missing_from_definition(project: Project) -> list[ChecklistItem]:
    return [item for item in definition_checklist(project) if not item.done]


# The form field each checklist item belongs to, so a refusal can point at it.
CHECKLIST_FIELDS = {
    "scope": "scope_in",
    "requirements": "requirements",
    "products": "products",
    "benefits": "benefits",
    "resources": "resources",
    "lead_organisation": "lead_organisation",
    "project_lead": "project_lead",
}


# Where on the edit form each checklist item is filled in, so a missing item links to it.
CHECKLIST_ANCHORS = {
    "scope": "rows-scope_in",
    "requirements": "rows-requirements",
    "products": "rows-products",
    "benefits": "rows-benefits",
    "resources": "rows-resources",
    "lead_organisation": "id_lead_organisation",
    "project_lead": "id_project_lead",
}


def blocked_by_definition(project: Project, move: Move, missing: list[ChecklistItem]) -> bool:
    """Whether ``move`` cannot be made now because the definition is incomplete."""
    return bool(missing) and checks_definition(move)


def move_consequences(project: Project, move: Move) -> list[str]:
    """What follows a move, in portfolio's own terms (apps above add theirs by hook)."""
    to = move.to_stage
    notes: list[str] = []
    if to == Stage.DEFINED and not move.back:
        notes.append(
            "The programme office can then approve the project. Its definition can still "
            "change until it is approved."
        )
    elif to == Stage.APPROVED and project.stage == Stage.DEFINED:
        notes.append(
            "A baseline of the definition is taken: later changes to its scope, dates, cost "
            "and needs are shown against it on the project page."
        )
    elif to == Stage.PROPOSED and project.stage == Stage.DEFINED:
        notes.append(
            "The definition can be reworked; the project must be marked as defined again "
            "before it can be approved."
        )
    elif to == Stage.PROPOSED:
        notes.append("The project becomes a proposal again and its definition can change.")
    elif to == Stage.IN_DELIVERY and project.stage == Stage.RECRUITING:
        notes.append("Delivery starts: the project is expected to post regular updates.")
    elif to == Stage.CLOSED:
        notes.append("The project is closed. Only the programme office can reopen its delivery.")
    elif to == Stage.PAUSED:
        notes.append(
            f"The project can resume later, to {Stage(project.stage).label.lower()}, the stage "
            "it is in now."
        )
    elif to == Stage.CANCELLED:
        notes.append(
            "The project stops for good. The programme office can reopen it as a proposal, "
            "with a reason."
        )
    notes.append(
        "The move is recorded in the project's stage changes"
        + (", with your reason." if move.reason_required else ".")
    )
    return notes
