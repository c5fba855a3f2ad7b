"""Stage moves through a project's lifecycle."""

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput, NotFound, PermissionDenied
from heartbeat.portfolio import hooks, permissions
from heartbeat.portfolio.models import Project, Stage, StageTransition
from heartbeat.portfolio.rules import checks_definition, find_move, missing_from_definition
from heartbeat.portfolio.services.base import _save
from heartbeat.portfolio.services.baseline import baseline_take


def _stage_label(stage: str) -> str:
    return Stage(stage).label if stage in Stage.values else stage


MOVE_PHRASES = {
    "Mark as defined": "mark this project as defined",
    "Approve": "approve this project",
    "Reopen the definition": "reopen this project's definition",
    "Return to defined": "return this project to defined",
    "Start recruiting": "start recruiting for this project",
    "Stop recruiting": "stop recruiting for this project",
    "Start delivery": "start this project's delivery",
    "Close the project": "close this project",
    "Reopen delivery": "reopen this project's delivery",
    "Reopen as a proposal": "reopen this project as a proposal",
    "Resume": "resume this project",
    "Pause": "pause this project",
    "Cancel": "cancel this project",
}


def move_phrase(move) -> str:
    """ "approve this project": what making ``move`` does, to follow "Only ... can"."""
    return MOVE_PHRASES.get(move.label, move.label[0].lower() + move.label[1:])


def move_refusal(move) -> PermissionDenied:
    """The refusal for someone who may not make ``move``, saying who may."""
    who = "the project's lead or the programme office" if move.lead_may else "the programme office"
    return PermissionDenied(f"Only {who} can {move_phrase(move)}.")


def definition_refusal(to_stage: str, missing) -> ApplicationError:
    """The refusal of a move forward while the definition misses ``missing`` items."""
    needs = "; ".join(item.label.lower() for item in missing)
    return ApplicationError(
        f"The definition is not complete yet. Before the project can be "
        f"{_stage_label(to_stage).lower()}, it still needs: {needs}.",
        code="definition_incomplete",
        status=409,
        extra={"missing": [item.key for item in missing]},
    )


@transaction.atomic
def project_transition(
    *, actor, project: Project, to_stage: str, reason: str = "", extra: dict | None = None
) -> StageTransition:
    """Move a project to another stage of its lifecycle, if the rules and the actor's role allow.

    Apps above portfolio add their own checks and follow-ups through ``hooks``; ``extra``
    carries the further inputs they ask for.
    """
    extra = dict(extra or {})
    if to_stage not in Stage.values:
        raise InvalidInput(f"'{to_stage}' is not a stage.", field="to_stage")
    current = Project.objects.select_for_update().filter(pk=project.pk).first()
    if current is None:
        raise NotFound("That project no longer exists.")
    if actor is not None and not permissions.can_view_project(actor, current):
        raise NotFound("That project does not exist, or you cannot see it.")
    move = find_move(current, to_stage)
    if move is None:
        raise ApplicationError(
            f"A project in stage {_stage_label(current.stage)} cannot move to "
            f"{_stage_label(to_stage)}.",
            code="transition_not_allowed",
            status=409,
            field="to_stage",
        )
    if actor is not None and not permissions.can_make_move(actor, current, move):
        raise move_refusal(move)
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise InvalidInput(
            f"Enter a reason to {move_phrase(move)}: it is recorded in the project's history.",
            field="reason",
        )
    if (
        to_stage == Stage.RECRUITING
        and not move.back
        and not current.resource_requirements.exists()
    ):
        raise ApplicationError(
            "Add at least one resource need before recruiting: councils pledge people and "
            "time against the project's needs.",
            code="no_needs",
            status=409,
            field="resources",
        )
    if checks_definition(move):
        missing = missing_from_definition(current)
        if missing:
            raise definition_refusal(to_stage, missing)
    for check in hooks.transition_checks:
        check(actor=actor, project=current, move=move, reason=reason, extra=extra)
    from_stage = current.stage
    now = timezone.now()
    if to_stage == Stage.PAUSED:
        current.paused_from = from_stage
    elif from_stage == Stage.PAUSED:
        current.paused_from = ""
    current.stage = to_stage
    current.stage_changed_at = now
    current.version += 1
    _save(current, actor)
    transition = StageTransition.objects.create(
        project=current,
        from_stage=from_stage,
        to_stage=to_stage,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason,
        at=now,
    )
    if from_stage == Stage.DEFINED and to_stage == Stage.APPROVED:
        baseline_take(actor=actor, project=current, transition=transition)
    for listener in hooks.transition_listeners:
        listener(actor=actor, transition=transition, extra=extra)
    return transition
