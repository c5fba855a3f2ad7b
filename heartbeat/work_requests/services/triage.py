"""Triage by the programme office: review, accept into a project, decline or mark as a
duplicate; and giving an accepted request its project later."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import (
    ApplicationError,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from heartbeat.core.formatting import money
from heartbeat.portfolio.inputs import ProjectInput, TextItemInput
from heartbeat.portfolio.models import OPEN_STAGES, Project
from heartbeat.portfolio.services import project_create
from heartbeat.recruitment.models import Participation, ParticipationStatus
from heartbeat.recruitment.services import participation_set
from heartbeat.work_requests import permissions
from heartbeat.work_requests.inputs import NewProjectInput
from heartbeat.work_requests.models import (
    MAX_NEED,
    MAX_REASON,
    State,
    StateChange,
    Support,
    WorkRequest,
)
from heartbeat.work_requests.rules import find_move, state_label
from heartbeat.work_requests.services.base import (
    check_version,
    lock,
    save,
    text,
)

# Project fields the new project takes from the request (portfolio's limits).
PROJECT_SUMMARY_MAX = 400
BENEFIT_ROW_MAX = 500


def _shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def new_project_defaults(work_request: WorkRequest) -> NewProjectInput:
    """What the proposed project takes from the request unless the office changes it."""
    return NewProjectInput(
        title=work_request.title,
        summary=_shorten(work_request.outcome, PROJECT_SUMMARY_MAX),
        theme_id=work_request.theme_id,
    )


def _project_input(work_request: WorkRequest, new: NewProjectInput) -> ProjectInput:
    defaults = new_project_defaults(work_request)
    supporters = list(work_request.supports.select_related("organisation"))
    backing = (
        f", supported by {', '.join(str(s.organisation) for s in supporters)}" if supporters else ""
    )
    problem = "\n\n".join(
        [
            work_request.problem,
            f"Who is affected: {work_request.affected}",
            f"The outcome wanted: {work_request.outcome}",
            f"From work request {work_request.reference}, raised by "
            f"{work_request.organisation}{backing}.",
        ]
    )
    benefits = [TextItemInput(text=_shorten(work_request.outcome, BENEFIT_ROW_MAX))]
    if work_request.benefit_value is not None:
        estimate = (
            f"Rough benefit estimated by {work_request.organisation}: "
            f"{money(work_request.benefit_value)} a year"
        )
        if work_request.benefit_notes:
            estimate += f" ({work_request.benefit_notes})"
        benefits.append(TextItemInput(text=_shorten(estimate, BENEFIT_ROW_MAX)))
    return ProjectInput(
        title=(new.title or "").strip() or defaults.title,
        summary=(new.summary or "").strip() or defaults.summary,
        theme_id=new.theme_id or defaults.theme_id,
        problem=problem,
        benefits=benefits,
    )


def _invite(*, actor, project: Project, work_request: WorkRequest) -> list:
    """Record the requesting and supporting organisations as interested in the project (those
    not already part of it), so they can commit from its page; return the organisations."""
    organisations = [work_request.organisation] + [
        s.organisation for s in work_request.supports.select_related("organisation")
    ]
    already = set(
        Participation.objects.filter(project=project).values_list("organisation_id", flat=True)
    )
    invited = []
    for organisation in organisations:
        if organisation.pk in already:
            continue
        participation_set(
            actor=actor,
            project=project,
            organisation=organisation,
            status=ParticipationStatus.INTERESTED,
        )
        already.add(organisation.pk)
        invited.append(organisation)
    return invited


def _attach_project(
    *, actor, current: WorkRequest, project: Project | None, new_project: NewProjectInput | None
) -> Project | None:
    if project is not None and new_project is not None:
        raise InvalidInput(
            "Link the request to an existing project or turn it into a new one, not both.",
            field="project",
        )
    if project is not None:
        project = Project.objects.select_for_update().filter(pk=project.pk).first()
        if project is None:
            raise InvalidInput("That project no longer exists: choose another.", field="project")
        if project.stage not in OPEN_STAGES:
            raise InvalidInput(
                f"{project.title} is {project.get_stage_display().lower()}: link the request "
                "to an open project, or turn it into a new one.",
                field="project",
            )
    elif new_project is not None:
        try:
            project = project_create(actor=actor, data=_project_input(current, new_project))
        except ApplicationError as error:
            # The new project's fields sit on the triage form under their own names.
            error.field = f"new_{error.field}" if error.field else "new_title"
            raise
    if project is not None:
        current.project = project
        _invite(actor=actor, project=project, work_request=current)
    return project


def _lock_pair(first: WorkRequest, second: WorkRequest) -> tuple[WorkRequest, WorkRequest]:
    # Lock both in id order, so two triages naming each other cannot deadlock.
    rows = {
        r.pk: r
        for r in WorkRequest.objects.select_for_update()
        .select_related("organisation")
        .filter(pk__in=[first.pk, second.pk])
        .order_by("pk")
    }
    if first.pk not in rows:
        raise NotFound("That work request no longer exists.")
    if second.pk not in rows:
        raise InvalidInput("That request no longer exists: choose another.", field="duplicate_of")
    return rows[first.pk], rows[second.pk]


def _move_supporters(current: WorkRequest, original: WorkRequest, actor) -> int:
    """Move the duplicate's supporters to the original, and its requester with them; an
    organisation that already supports the original (or raised it) keeps its one support."""
    taken = set(
        Support.objects.filter(work_request=original).values_list("organisation_id", flat=True)
    )
    taken.add(original.organisation_id)
    moved = 0
    for support in Support.objects.select_for_update().filter(work_request=current):
        support._history_user = actor
        if support.organisation_id in taken:
            support.delete()
            continue
        support.work_request = original
        support.moved_from = current
        support.save()
        taken.add(support.organisation_id)
        moved += 1
    if current.organisation_id not in taken:
        need = _shorten(
            f"Raised the same need as {current.reference}: {current.title}. {current.problem}",
            MAX_NEED,
        )
        requester = Support(
            work_request=original,
            organisation_id=current.organisation_id,
            supported_by=current.raised_by,
            need=need,
            moved_from=current,
            created_at=timezone.now(),
        )
        save(requester, actor)
        moved += 1
    return moved


def work_request_triage(
    *,
    actor,
    work_request: WorkRequest,
    to_state: str,
    expected_version: int | None = None,
    reason: str = "",
    duplicate_of: WorkRequest | None = None,
    project: Project | None = None,
    new_project: NewProjectInput | None = None,
    notify: bool = True,
) -> StateChange:
    """Move a request through triage: start the review, then accept (linking an existing
    project, turning it into a new proposed project, or with its project to follow), decline
    with a reason, or mark it as a duplicate of another request, whose supporters it gains.

    The requester and supporters are emailed once the move is committed, unless ``notify`` is
    off (the demo loader records moves made in the past).
    """
    if actor is None or not permissions.can_triage(actor):
        raise PermissionDenied("Only the programme office can triage work requests.")
    if to_state not in State.values:
        raise InvalidInput(f"'{to_state}' is not a state of a work request.", field="to_state")
    with transaction.atomic():
        if to_state == State.DUPLICATE and duplicate_of is not None:
            if duplicate_of.pk == work_request.pk:
                raise InvalidInput(
                    "A request cannot be a duplicate of itself: choose the original request.",
                    field="duplicate_of",
                )
            current, original = _lock_pair(work_request, duplicate_of)
        else:
            current, original = lock(work_request), None
        check_version(current, expected_version)
        move = find_move(current.state, to_state)
        if move is None:
            raise ApplicationError(
                f"A request that is {state_label(current.state).lower()} cannot be moved to "
                f"{state_label(to_state).lower()}.",
                code="transition_not_allowed",
                status=409,
                field="to_state",
            )
        note = ""
        if to_state == State.DECLINED:
            current.decline_reason = text(
                reason,
                field="reason",
                max_length=MAX_REASON,
                missing="Give the reason for declining the request: the council will read it.",
                name="The reason",
            )
            note = current.decline_reason
        elif to_state == State.DUPLICATE:
            if original is None:
                raise InvalidInput("Choose the request this one duplicates.", field="duplicate_of")
            if original.state == State.DUPLICATE:
                raise InvalidInput(
                    f"{original.reference} is itself a duplicate of "
                    f"WR-{original.duplicate_of_id:04d}: choose that request instead.",
                    field="duplicate_of",
                )
            if original.state == State.DECLINED:
                raise InvalidInput(
                    f"{original.reference} was declined: choose a request that is open or "
                    "accepted.",
                    field="duplicate_of",
                )
            current.duplicate_of = original
            moved = _move_supporters(current, original, actor)
            note = f"Duplicate of {original.reference}: {original.title}"
            if moved:
                note += (
                    f". {moved} supporting organisation{'s' if moved != 1 else ''} moved across."
                )
        elif to_state == State.ACCEPTED:
            linked = _attach_project(
                actor=actor, current=current, project=project, new_project=new_project
            )
            note = f"Project: {linked.title}" if linked is not None else "Project to follow"
        now = timezone.now()
        from_state = current.state
        current.state = to_state
        current.state_changed_at = now
        current.version += 1
        save(current, actor, now)
        change = StateChange.objects.create(
            work_request=current,
            from_state=from_state,
            to_state=to_state,
            actor=actor,
            note=note,
            at=now,
        )
        if notify:
            _notify(change, actor)
    return change


@transaction.atomic
def work_request_link_project(
    *,
    actor,
    work_request: WorkRequest,
    project: Project | None = None,
    new_project: NewProjectInput | None = None,
    expected_version: int | None = None,
) -> WorkRequest:
    """Give an accepted request whose project was to follow its project: an existing one, or
    a new proposed project made from the request."""
    if actor is None or not permissions.can_triage(actor):
        raise PermissionDenied("Only the programme office can link requests to projects.")
    current = lock(work_request)
    check_version(current, expected_version)
    if current.state != State.ACCEPTED or current.project_id is not None:
        raise ApplicationError(
            f"{current.reference} is not an accepted request waiting for its project.",
            code="transition_not_allowed",
            status=409,
        )
    if project is None and new_project is None:
        raise InvalidInput("Choose a project, or turn the request into a new one.", field="project")
    linked = _attach_project(actor=actor, current=current, project=project, new_project=new_project)
    current.version += 1
    save(current, actor)
    change = StateChange.objects.create(
        work_request=current,
        from_state=State.ACCEPTED,
        to_state=State.ACCEPTED,
        actor=actor,
        note=f"Project: {linked.title}",
        at=timezone.now(),
    )
    _notify(change, actor)
    return current


def _notify(change: StateChange, actor) -> None:
    from heartbeat.work_requests.tasks import notify_request_change

    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    change_id = change.pk
    transaction.on_commit(
        lambda: notify_request_change.enqueue(change_id=change_id, actor_id=actor_id)
    )
