"""Writes to work requests: raise, change, attach, support, comment and triage.

Every function checks who may act (``permissions``) and the rules, runs in a transaction,
and queues its emails with ``transaction.on_commit`` so nothing goes out for a change that
is rolled back. ``actor=None`` means Heartbeat itself (the demo loader, an importer).
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import (
    ApplicationError,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from heartbeat.core.formatting import money, uk_datetime
from heartbeat.portfolio.inputs import ProjectInput, TextItemInput
from heartbeat.portfolio.models import OPEN_STAGES, Project, Theme
from heartbeat.portfolio.services import project_create
from heartbeat.recruitment.models import Participation, ParticipationStatus
from heartbeat.recruitment.services import participation_set
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions
from heartbeat.work_requests.inputs import NewProjectInput, WorkRequestInput
from heartbeat.work_requests.models import (
    MAX_AFFECTED,
    MAX_BENEFIT_NOTES,
    MAX_BENEFIT_VALUE,
    MAX_COMMENT,
    MAX_NEED,
    MAX_OUTCOME,
    MAX_PROBLEM,
    MAX_REASON,
    MAX_TITLE,
    OPEN_STATES,
    Attachment,
    Comment,
    State,
    StateChange,
    Support,
    Urgency,
    WorkRequest,
)
from heartbeat.work_requests.rules import find_move, state_label

# Project fields the new project takes from the request (portfolio's limits).
PROJECT_SUMMARY_MAX = 400
BENEFIT_ROW_MAX = 500


def _save(instance, actor, when: datetime.datetime | None = None) -> None:
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    if when is not None:
        instance._history_date = when
    instance.save()


def text(value, *, field: str, max_length: int, missing: str | None, name: str) -> str:
    """``value`` stripped and checked: no NUL bytes, not too long, given when ``missing`` says
    what to ask for."""
    value = "" if value is None else str(value)
    value = value.replace("\r\n", "\n").strip()
    if "\x00" in value:
        raise InvalidInput(
            f"{name} contains a character that cannot be saved (a null byte): remove it and "
            "try again.",
            code="invalid_characters",
            field=field,
        )
    if not value and missing:
        raise InvalidInput(missing, field=field)
    if len(value) > max_length:
        raise InvalidInput(
            f"{name} must be {max_length:,} characters or fewer (it is {len(value):,}).",
            field=field,
        )
    return value


def _benefit_value(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidInput(
            "Enter the rough benefit as an amount in pounds, like 25000.", field="benefit_value"
        ) from None
    if not amount.is_finite():
        raise InvalidInput(
            "Enter the rough benefit as an amount in pounds, like 25000.", field="benefit_value"
        )
    if amount < 0:
        raise InvalidInput("The rough benefit must be £0 or more.", field="benefit_value")
    if amount > MAX_BENEFIT_VALUE:
        raise InvalidInput(
            f"The rough benefit must be {money(MAX_BENEFIT_VALUE)} a year or less.",
            field="benefit_value",
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput("Give the rough benefit to the penny at most.", field="benefit_value")
    return amount


def clean_request(data: WorkRequestInput) -> dict:
    """The request's own fields checked, in the order the form shows them."""
    values = {
        "title": text(
            data.title,
            field="title",
            max_length=MAX_TITLE,
            missing="Enter a title for the request.",
            name="The title",
        ),
        "problem": text(
            data.problem,
            field="problem",
            max_length=MAX_PROBLEM,
            missing="Describe the problem your council needs solved.",
            name="The problem",
        ),
        "affected": text(
            data.affected,
            field="affected",
            max_length=MAX_AFFECTED,
            missing="Say who is affected by the problem.",
            name="Who is affected",
        ),
        "outcome": text(
            data.outcome,
            field="outcome",
            max_length=MAX_OUTCOME,
            missing="Describe the outcome you want.",
            name="The outcome wanted",
        ),
    }
    if data.theme_id is None or not Theme.objects.filter(pk=data.theme_id).exists():
        raise InvalidInput("Choose the theme the request belongs to.", field="theme")
    values["theme_id"] = data.theme_id
    if data.urgency not in Urgency.values:
        raise InvalidInput("Choose how urgent the request is.", field="urgency")
    values["urgency"] = data.urgency
    values["benefit_value"] = _benefit_value(data.benefit_value)
    values["benefit_notes"] = text(
        data.benefit_notes,
        field="benefit_notes",
        max_length=MAX_BENEFIT_NOTES,
        missing=None,
        name="How the benefit was estimated",
    )
    return values


def _lock(work_request: WorkRequest) -> WorkRequest:
    current = (
        WorkRequest.objects.select_for_update()
        .select_related("organisation", "theme")
        .filter(pk=work_request.pk)
        .first()
    )
    if current is None:
        raise NotFound("That work request no longer exists.")
    return current


def _refuse_decided(current: WorkRequest, what: str) -> None:
    if current.state not in OPEN_STATES:
        raise ApplicationError(
            f"{current.reference} has been {state_label(current.state).lower()}, so {what}.",
            code="request_decided",
            status=409,
        )


def _conflict(current: WorkRequest) -> Conflict:
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    return Conflict(
        f"{who} saved {current.reference} on {uk_datetime(current.updated_at)}, after you opened "
        "it. Your changes have not been saved yet: check theirs, then save again to keep yours.",
        extra={
            "current_version": current.version,
            "saved_by": who,
            "saved_at": current.updated_at.isoformat(),
        },
    )


def _check_version(current: WorkRequest, expected_version: int | None) -> None:
    if expected_version is not None and current.version != expected_version:
        raise _conflict(current)


# Raising and changing ----------------------------------------------------------------------


def _store(work_request: WorkRequest, upload, actor, kind: str, name: str) -> Attachment:
    attachment = Attachment(
        work_request=work_request,
        original_name=name,
        kind=kind,
        size=upload.size,
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
        uploaded_at=timezone.now(),
    )
    upload.seek(0)
    # Django's storage API: files go where DEFAULT_FILE_STORAGE puts them (a folder on
    # disk here, object storage in production), under a random name.
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


def _check_uploads(uploads) -> list[tuple]:
    checked = [(upload, *files.check_upload(upload)) for upload in uploads]
    if len(checked) > files.MAX_ATTACHMENTS:
        raise InvalidInput(f"Attach {files.MAX_ATTACHMENTS} files or fewer.", field="attachment")
    return checked


@transaction.atomic
def work_request_create(
    *, actor, data: WorkRequestInput, organisation=None, uploads=()
) -> WorkRequest:
    """Raise a request for the actor's own organisation (or ``organisation`` when Heartbeat
    itself raises it), with any attached files."""
    if actor is not None:
        if not permissions.can_raise(actor):
            raise PermissionDenied(
                "Only people of a member organisation can raise work requests; the programme "
                "office triages them."
            )
        organisation = actor.organisation
    if organisation is None:
        raise InvalidInput("Name the organisation raising the request.", field="organisation")
    values = clean_request(data)
    checked = _check_uploads(uploads)
    now = timezone.now()
    work_request = WorkRequest(
        organisation=organisation,
        raised_by=actor if actor is not None and actor.is_authenticated else None,
        state=State.SUBMITTED,
        state_changed_at=now,
        version=1,
        **values,
    )
    _save(work_request, actor, now)
    for upload, kind, name in checked:
        _store(work_request, upload, actor, kind, name)
    return work_request


@transaction.atomic
def work_request_update(
    *, actor, work_request: WorkRequest, data: WorkRequestInput, expected_version: int
) -> WorkRequest:
    """Change a request's details until it is decided, unless someone saved it since it was
    read."""
    current = _lock(work_request)
    _refuse_decided(current, "its details can no longer be changed")
    if actor is not None and not permissions.can_edit(actor, current):
        raise PermissionDenied(
            "Only the person who raised the request, an organisation lead of "
            f"{current.organisation} or the programme office can change it."
        )
    _check_version(current, expected_version)
    values = clean_request(data)
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    _save(current, actor)
    return current


@transaction.atomic
def attachment_add(*, actor, work_request: WorkRequest, upload) -> Attachment:
    """Attach a PDF, Word, Excel or OpenDocument spreadsheet file, checked by its content."""
    current = _lock(work_request)
    _refuse_decided(current, "no more files can be attached")
    if actor is not None and not permissions.can_add_attachment(actor, current):
        raise PermissionDenied(
            "Only the person who raised the request, an organisation lead of "
            f"{current.organisation} or the programme office can attach files."
        )
    kind, name = files.check_upload(upload)
    if current.attachments.count() >= files.MAX_ATTACHMENTS:
        raise InvalidInput(
            f"{current.reference} already has {files.MAX_ATTACHMENTS} files: remove one first.",
            code="too_many_attachments",
            field="attachment",
        )
    return _store(current, upload, actor, kind, name)


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    """Remove an attached file; the stored file goes once the removal is committed."""
    current = _lock(attachment.work_request)
    _refuse_decided(current, "its files can no longer be removed")
    if actor is not None and not permissions.can_remove_attachment(actor, attachment):
        raise PermissionDenied("You cannot remove files from this request.")
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


# Support -----------------------------------------------------------------------------------


def _already_supported(organisation, current: WorkRequest) -> ApplicationError:
    return ApplicationError(
        f"{organisation} already supports {current.reference}: one support per organisation.",
        code="already_supported",
        status=409,
        field="need",
    )


def support_add(*, actor, work_request: WorkRequest, need: str, organisation=None) -> Support:
    """Add an organisation's support to another organisation's request, with its own need."""
    try:
        with transaction.atomic():
            current = _lock(work_request)
            if actor is not None:
                organisation = actor.organisation if actor.is_authenticated else None
            if organisation is None:
                raise PermissionDenied(
                    "Only people of a member organisation can support work requests."
                )
            if organisation.pk == current.organisation_id:
                raise ApplicationError(
                    f"{current.reference} is {organisation}'s own request: other organisations "
                    "support it.",
                    code="own_request",
                    status=409,
                )
            _refuse_decided(current, "it takes no more support")
            if actor is not None and not permissions.can_support(actor, current):
                raise PermissionDenied(
                    "Only people of a member organisation can support work requests; the "
                    "programme office triages them."
                )
            need = text(
                need,
                field="need",
                max_length=MAX_NEED,
                missing=f"Say in a line what {organisation} needs, so the programme office "
                "can weigh it.",
                name="Your need",
            )
            if Support.objects.filter(work_request=current, organisation=organisation).exists():
                raise _already_supported(organisation, current)
            support = Support(
                work_request=current,
                organisation=organisation,
                supported_by=actor if actor is not None and actor.is_authenticated else None,
                need=need,
                created_at=timezone.now(),
            )
            _save(support, actor)
    except IntegrityError as error:
        # Two people of one organisation pressed "Support" at the same moment: the unique
        # constraint kept one support; tell the other plainly.
        if Support.objects.filter(work_request=work_request, organisation=organisation).exists():
            raise _already_supported(organisation, work_request) from error
        raise
    return support


@transaction.atomic
def support_withdraw(*, actor, support: Support) -> None:
    """Take an organisation's support off a request that is still to be decided."""
    current = _lock(support.work_request)
    support = Support.objects.filter(pk=support.pk).select_related("work_request").first()
    if support is None:
        raise NotFound("That support has already been withdrawn.")
    _refuse_decided(current, "its supporters can no longer change")
    if actor is not None and not permissions.can_withdraw_support(actor, support):
        raise PermissionDenied(
            f"Only people of {support.organisation} or the programme office can withdraw its "
            "support."
        )
    support._history_user = actor if actor is not None and actor.is_authenticated else None
    support.delete()


# Comments ----------------------------------------------------------------------------------


@transaction.atomic
def comment_add(*, actor, work_request: WorkRequest, body: str) -> Comment:
    """Add a comment to a request's thread."""
    if actor is None or not permissions.can_comment(actor, work_request):
        raise PermissionDenied("Sign in to comment on work requests.")
    body = text(
        body,
        field="body",
        max_length=MAX_COMMENT,
        missing="Write your comment.",
        name="Your comment",
    )
    return Comment.objects.create(
        work_request=work_request,
        author=actor,
        organisation_id=actor.organisation_id,
        body=body,
        created_at=timezone.now(),
    )


# Triage ------------------------------------------------------------------------------------


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
        _save(requester, actor)
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
            current, original = _lock(work_request), None
        _check_version(current, expected_version)
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
        _save(current, actor, now)
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
    current = _lock(work_request)
    _check_version(current, expected_version)
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
    _save(current, actor)
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
