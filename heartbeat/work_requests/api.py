"""Work requests API: requests, their supports, comments, files and triage.

Requests are shared with signed-in members, so every endpoint needs a session or a personal
access token. The endpoints call the same selectors and services as the pages. Requests are
named by id (their reference WR-0012 is id 12); organisations, themes and projects by slug.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import StringConstraints

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput, NotFound
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import Project, Theme
from heartbeat.work_requests import attachments as files
from heartbeat.work_requests import permissions, selectors, services
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
    Attachment,
    Comment,
    State,
    Support,
    Urgency,
    WorkRequest,
)

router = Router(tags=["work requests"])

MAX_LIMIT = 200
NO_NUL = r"^[^\x00]*$"


def Text(max_length: int):  # noqa: N802 - a type, named like one
    """A string of at most ``max_length`` characters without NUL bytes, as the database
    keeps it."""
    return Annotated[str, StringConstraints(max_length=max_length, pattern=NO_NUL)]


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class SupportOut(Schema):
    organisation: Ref
    need: str
    supported_by: str | None
    moved_from: str | None = Field(description="The duplicate it moved across from, if any")
    created_at: datetime.datetime


class CommentOut(Schema):
    id: int
    author: str | None
    organisation: Ref | None
    body: str
    created_at: datetime.datetime


class AttachmentOut(Schema):
    id: int
    name: str
    kind: str
    size: int
    uploaded_at: datetime.datetime
    url: str


class StateChangeOut(Schema):
    from_state: State
    to_state: State
    note: str
    by: str | None
    at: datetime.datetime


class WorkRequestSummaryOut(Schema):
    id: int
    reference: str
    title: str
    organisation: Ref
    theme: Ref
    urgency: Urgency
    state: State
    support_count: int = Field(description="Organisations supporting the request")
    project: Ref | None
    created_at: datetime.datetime
    url: str


class WorkRequestOut(WorkRequestSummaryOut):
    problem: str
    affected: str
    outcome: str
    benefit_value: Decimal | None
    benefit_notes: str
    raised_by: str | None
    decline_reason: str
    duplicate_of: int | None
    state_changed_at: datetime.datetime | None
    version: int
    updated_at: datetime.datetime
    supports: list[SupportOut]
    attachments: list[AttachmentOut]
    state_changes: list[StateChangeOut]


class WorkRequestPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[WorkRequestSummaryOut]


class WorkRequestIn(Schema):
    title: Text(MAX_TITLE)
    problem: Text(MAX_PROBLEM)
    affected: Text(MAX_AFFECTED) = Field(description="Who is affected")
    outcome: Text(MAX_OUTCOME) = Field(description="The outcome wanted")
    theme: Text(110) = Field(description="A theme's slug")
    urgency: Urgency
    benefit_value: Decimal | None = Field(
        None, ge=0, le=MAX_BENEFIT_VALUE, decimal_places=2, description="Rough benefit a year, £"
    )
    benefit_notes: Text(MAX_BENEFIT_NOTES) = ""


class WorkRequestUpdateIn(WorkRequestIn):
    version: int = Field(
        description="The version you read; if the request changed since, the answer is 409 "
        "edit_conflict and nothing is saved."
    )


class SupportIn(Schema):
    need: Text(MAX_NEED) = Field(description="A line on the supporting organisation's own need")


class CommentIn(Schema):
    body: Text(MAX_COMMENT)


class NewProjectIn(Schema):
    title: Text(200) = Field("", description="The request's title when left out")
    summary: Text(400) = Field("", description="The start of the outcome wanted when left out")
    theme: Text(110) = Field("", description="A theme's slug; the request's when left out")


class TriageIn(Schema):
    to_state: State = Field(
        description="under_review (from submitted); accepted, declined or duplicate (from "
        "under_review)"
    )
    version: int = Field(description="The version you read (409 edit_conflict if it moved on)")
    reason: Text(MAX_REASON) = Field("", description="Required to decline")
    duplicate_of: int | None = Field(
        None, description="The original request's id, to mark a duplicate"
    )
    project: Text(120) | None = Field(
        None, description="To accept into an existing open project: its slug"
    )
    new_project: NewProjectIn | None = Field(
        None, description="To accept into a new proposed project made from the request"
    )


class LinkProjectIn(Schema):
    version: int
    project: Text(120) | None = None
    new_project: NewProjectIn | None = None


class RequestQuery(Schema):
    state: str = Field("", description="open, or a state: " + ", ".join(State.values))
    theme: str = Field("", description="A theme's slug")
    urgency: str = Field("", description="low, medium, high or critical")
    organisation: str = Field("", description="Raised or supported by this organisation (slug)")
    q: str = Field("", description="Words in the title or text, or a reference")
    sort: str = Field("", description=", ".join(selectors.SORTS))
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


def _ref(obj) -> dict | None:
    if obj is None:
        return None
    return {"slug": obj.slug, "name": getattr(obj, "name", None) or getattr(obj, "title", "")}


def _summary(wr: WorkRequest) -> dict:
    return {
        "id": wr.pk,
        "reference": wr.reference,
        "title": wr.title,
        "organisation": _ref(wr.organisation),
        "theme": _ref(wr.theme),
        "urgency": wr.urgency,
        "state": wr.state,
        "support_count": wr.support_count,
        "project": _ref(wr.project),
        "created_at": wr.created_at,
        "url": wr.get_absolute_url(),
    }


def _support(s: Support) -> dict:
    return {
        "organisation": _ref(s.organisation),
        "need": s.need,
        "supported_by": s.supported_by.display_name if s.supported_by else None,
        "moved_from": s.moved_from.reference if s.moved_from else None,
        "created_at": s.created_at,
    }


def _attachment(a: Attachment) -> dict:
    return {
        "id": a.pk,
        "name": a.original_name,
        "kind": a.kind,
        "size": a.size,
        "uploaded_at": a.uploaded_at,
        "url": f"/api/v1/work-requests/{a.work_request_id}/attachments/{a.pk}",
    }


def _detail(wr: WorkRequest) -> dict:
    return {
        **_summary(wr),
        "problem": wr.problem,
        "affected": wr.affected,
        "outcome": wr.outcome,
        "benefit_value": wr.benefit_value,
        "benefit_notes": wr.benefit_notes,
        "raised_by": wr.raised_by.display_name if wr.raised_by else None,
        "decline_reason": wr.decline_reason,
        "duplicate_of": wr.duplicate_of_id,
        "state_changed_at": wr.state_changed_at,
        "version": wr.version,
        "updated_at": wr.updated_at,
        "supports": [_support(s) for s in wr.supports.all()],
        "attachments": [_attachment(a) for a in wr.attachments.all()],
        "state_changes": [
            {
                "from_state": c.from_state,
                "to_state": c.to_state,
                "note": c.note,
                "by": c.actor.display_name if c.actor else None,
                "at": c.at,
            }
            for c in wr.state_changes.all()
        ],
    }


def _comment(c: Comment) -> dict:
    return {
        "id": c.pk,
        "author": c.author.display_name if c.author else None,
        "organisation": _ref(c.organisation),
        "body": c.body,
        "created_at": c.created_at,
    }


def _theme_id(slug: str, field: str = "theme") -> int:
    theme_id = Theme.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if theme_id is None:
        raise InvalidInput(f"There is no theme '{slug}'.", field=field)
    return theme_id


def _request_input(payload: WorkRequestIn) -> WorkRequestInput:
    return WorkRequestInput(
        title=payload.title,
        problem=payload.problem,
        affected=payload.affected,
        outcome=payload.outcome,
        theme_id=_theme_id(payload.theme),
        urgency=payload.urgency,
        benefit_value=payload.benefit_value,
        benefit_notes=payload.benefit_notes,
    )


def _new_project(payload: NewProjectIn | None) -> NewProjectInput | None:
    if payload is None:
        return None
    return NewProjectInput(
        title=payload.title,
        summary=payload.summary,
        theme_id=_theme_id(payload.theme, "new_theme") if payload.theme else None,
    )


def _project(slug: str | None) -> Project | None:
    if not slug:
        return None
    project = Project.objects.filter(slug=slug).first()
    if project is None:
        raise InvalidInput(f"There is no project '{slug}'.", field="project")
    return project


def _detail_of(user, pk: int) -> dict:
    return _detail(selectors.request_detail(user, pk))


# Requests ----------------------------------------------------------------------------------


@router.get(
    "/work-requests",
    auth=required,
    response={200: WorkRequestPageOut, 422: ErrorOut},
    summary="Work requests, filtered, searched and sorted as on the list page",
)
def request_list(request, query: Query[RequestQuery]):
    filters, errors = selectors.parse_request_filters(query.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    requests = selectors.request_list(request.auth, filters)
    return page_of(requests, limit=query.limit, offset=query.offset, item=_summary)


@router.post(
    "/work-requests",
    auth=required,
    response={201: WorkRequestOut, 403: ErrorOut, 422: ErrorOut},
    summary="Raise a work request for your own organisation",
    description="Attach files afterwards with POST /work-requests/{id}/attachments.",
)
def request_create(request, payload: WorkRequestIn):
    work_request = services.work_request_create(actor=request.auth, data=_request_input(payload))
    return Status(201, _detail_of(request.auth, work_request.pk))


@router.get(
    "/work-requests/{request_id}",
    auth=required,
    response={200: WorkRequestOut, 404: ErrorOut},
    summary="A work request with its supports, files and triage",
)
def request_detail(request, request_id: int):
    return _detail_of(request.auth, request_id)


@router.put(
    "/work-requests/{request_id}",
    auth=required,
    response={200: WorkRequestOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a request that is still to be decided",
)
def request_update(request, request_id: int, payload: WorkRequestUpdateIn):
    work_request = selectors.request_heading(request.auth, request_id)
    services.work_request_update(
        actor=request.auth,
        work_request=work_request,
        data=_request_input(payload),
        expected_version=payload.version,
    )
    return _detail_of(request.auth, request_id)


@router.post(
    "/work-requests/{request_id}/triage",
    auth=required,
    response={200: WorkRequestOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Triage a request (programme office)",
    description="To accept, give `project` (an open project's slug), `new_project` (a new "
    "proposed project made from the request), or neither (its project to follow). The "
    "requesting and supporting organisations become interested in the project.",
)
def request_triage(request, request_id: int, payload: TriageIn):
    work_request = selectors.request_heading(request.auth, request_id)
    duplicate_of = None
    if payload.duplicate_of is not None:
        duplicate_of = WorkRequest.objects.filter(pk=payload.duplicate_of).first()
        if duplicate_of is None:
            raise InvalidInput(f"There is no request {payload.duplicate_of}.", field="duplicate_of")
    services.work_request_triage(
        actor=request.auth,
        work_request=work_request,
        to_state=payload.to_state,
        expected_version=payload.version,
        reason=payload.reason,
        duplicate_of=duplicate_of,
        project=_project(payload.project),
        new_project=_new_project(payload.new_project),
    )
    return _detail_of(request.auth, request_id)


@router.post(
    "/work-requests/{request_id}/project",
    auth=required,
    response={200: WorkRequestOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Give an accepted request its project (programme office)",
)
def request_link_project(request, request_id: int, payload: LinkProjectIn):
    work_request = selectors.request_heading(request.auth, request_id)
    services.work_request_link_project(
        actor=request.auth,
        work_request=work_request,
        project=_project(payload.project),
        new_project=_new_project(payload.new_project),
        expected_version=payload.version,
    )
    return _detail_of(request.auth, request_id)


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
    return [_support(s) for s in supports]


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
    return Status(201, _support(support))


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
    return [_comment(c) for c in comments]


@router.post(
    "/work-requests/{request_id}/comments",
    auth=required,
    response={201: CommentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Comment on a request",
)
def comment_create(request, request_id: int, payload: CommentIn):
    work_request = selectors.request_heading(request.auth, request_id)
    comment = services.comment_add(actor=request.auth, work_request=work_request, body=payload.body)
    return Status(201, _comment(comment))


# Files -------------------------------------------------------------------------------------


@router.get(
    "/work-requests/{request_id}/attachments",
    auth=required,
    response={200: list[AttachmentOut], 404: ErrorOut},
    summary="The files attached to a request",
)
def attachment_list(request, request_id: int):
    work_request = selectors.request_heading(request.auth, request_id)
    return [_attachment(a) for a in work_request.attachments.all()]


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
    return Status(201, _attachment(attachment))


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
