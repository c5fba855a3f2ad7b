"""Supports, comments and files of a request."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import File, Status
from ninja.files import UploadedFile

from heartbeat.accounts.api_auth import required
from heartbeat.core.exceptions import NotFound
from heartbeat.partnership.models import Organisation
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions, selectors, services
from heartbeat.work_requests.api.base import router
from heartbeat.work_requests.api.convert import (
    attachment_out,
    comment_out,
    support_out,
)
from heartbeat.work_requests.api.schemas import (
    AttachmentOut,
    CommentIn,
    CommentOut,
    ErrorOut,
    SupportIn,
    SupportOut,
)
from heartbeat.work_requests.models import (
    Attachment,
    Comment,
    Support,
)

# Supports ----------------------------------------------------------------------------------


@router.get(
    "/work-requests/{request_id}/supports",
    auth=required,
    response={200: list[SupportOut], 404: ErrorOut},
    summary="The organisations supporting a request",
)
def support_list(request, request_id: int):
    work_request = selectors.request_heading(request.auth, request_id)
    supports = Support.objects.filter(work_request=work_request).select_related(
        "organisation", "supported_by", "moved_from"
    )
    return [support_out(s) for s in supports]


@router.post(
    "/work-requests/{request_id}/supports",
    auth=required,
    response={201: SupportOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Support another organisation's request, for your own organisation",
    description="One support per organisation: a second gives 409 already_supported.",
)
def support_create(request, request_id: int, payload: SupportIn):
    work_request = selectors.request_heading(request.auth, request_id)
    support = services.support_add(actor=request.auth, work_request=work_request, need=payload.need)
    return Status(201, support_out(support))


@router.delete(
    "/work-requests/{request_id}/supports/{organisation}",
    auth=required,
    response={204: None, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Withdraw an organisation's support",
)
def support_delete(request, request_id: int, organisation: str):
    work_request = selectors.request_heading(request.auth, request_id)
    support = get_object_or_404(
        Support.objects.select_related("work_request", "organisation"),
        work_request=work_request,
        organisation=get_object_or_404(Organisation, slug=organisation),
    )
    services.support_withdraw(actor=request.auth, support=support)
    return Status(204, None)


# Comments ----------------------------------------------------------------------------------


@router.get(
    "/work-requests/{request_id}/comments",
    auth=required,
    response={200: list[CommentOut], 404: ErrorOut},
    summary="A request's comment thread, oldest first",
)
def comment_list(request, request_id: int):
    work_request = selectors.request_heading(request.auth, request_id)
    comments = Comment.objects.filter(work_request=work_request).select_related(
        "author", "organisation"
    )
    return [comment_out(c) for c in comments]


@router.post(
    "/work-requests/{request_id}/comments",
    auth=required,
    response={201: CommentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Comment on a request",
)
def comment_create(request, request_id: int, payload: CommentIn):
    work_request = selectors.request_heading(request.auth, request_id)
    comment = services.comment_add(actor=request.auth, work_request=work_request, body=payload.body)
    return Status(201, comment_out(comment))


# Files -------------------------------------------------------------------------------------


@router.get(
    "/work-requests/{request_id}/attachments",
    auth=required,
    response={200: list[AttachmentOut], 404: ErrorOut},
    summary="The files attached to a request",
)
def attachment_list(request, request_id: int):
    work_request = selectors.request_heading(request.auth, request_id)
    return [attachment_out(a) for a in work_request.attachments.all()]


@router.post(
    "/work-requests/{request_id}/attachments",
    auth=required,
    response={201: AttachmentOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Attach a file (multipart/form-data, field 'file')",
    description=f"A {files.ALLOWED} file, checked by its content; at most "
    f"{files.describe_size(files.DEFAULT_MAX_BYTES)} unless the site sets another limit.",
)
def attachment_create(request, request_id: int, file: File[UploadedFile]):
    work_request = selectors.request_heading(request.auth, request_id)
    attachment = services.attachment_add(actor=request.auth, work_request=work_request, upload=file)
    return Status(201, attachment_out(attachment))


@router.get(
    "/work-requests/{request_id}/attachments/{attachment_id}",
    auth=required,
    response={200: None, 403: ErrorOut, 404: ErrorOut},
    summary="Download an attached file",
)
def attachment_download(request, request_id: int, attachment_id: int):
    work_request = selectors.request_heading(request.auth, request_id)
    if not permissions.can_view_attachment(request.auth, work_request):
        raise NotFound("No such file, or you cannot see it.")
    attachment = get_object_or_404(Attachment, work_request=work_request, pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=files.KINDS[attachment.kind].content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
