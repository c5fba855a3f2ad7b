"""Raising and changing requests, and their attached files."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from heartbeat.core.exceptions import (
    InvalidInput,
    PermissionDenied,
)
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions
from heartbeat.work_requests.inputs import WorkRequestInput
from heartbeat.work_requests.models import (
    Attachment,
    State,
    WorkRequest,
)
from heartbeat.work_requests.services.base import (
    check_version,
    clean_request,
    lock,
    refuse_decided,
    save,
)

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
    save(work_request, actor, now)
    for upload, kind, name in checked:
        _store(work_request, upload, actor, kind, name)
    return work_request


@transaction.atomic
def work_request_update(
    *, actor, work_request: WorkRequest, data: WorkRequestInput, expected_version: int
) -> WorkRequest:
    """Change a request's details until it is decided, unless someone saved it since it was
    read."""
    current = lock(work_request)
    refuse_decided(current, "its details can no longer be changed")
    if actor is not None and not permissions.can_edit(actor, current):
        raise PermissionDenied(
            "Only the person who raised the request, an organisation lead of "
            f"{current.organisation} or the programme office can change it."
        )
    check_version(current, expected_version)
    values = clean_request(data)
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    save(current, actor)
    return current


@transaction.atomic
def attachment_add(*, actor, work_request: WorkRequest, upload) -> Attachment:
    """Attach a PDF, Word, Excel or OpenDocument spreadsheet file, checked by its content."""
    current = lock(work_request)
    refuse_decided(current, "no more files can be attached")
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
    current = lock(attachment.work_request)
    refuse_decided(current, "its files can no longer be removed")
    if actor is not None and not permissions.can_remove_attachment(actor, attachment):
        raise PermissionDenied("You cannot remove files from this request.")
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: default_storage.delete(name))
