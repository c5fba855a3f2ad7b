"""Requests: the list, raising, reading, changing and triage."""

from __future__ import annotations

from ninja import Query, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.work_requests import selectors, services
from heartbeat.work_requests.api.base import router
from heartbeat.work_requests.api.convert import (
    detail_of,
    new_project_input,
    project_for,
    request_input,
    summary_out,
)
from heartbeat.work_requests.api.schemas import (
    ErrorOut,
    LinkProjectIn,
    RequestQuery,
    TriageIn,
    WorkRequestIn,
    WorkRequestOut,
    WorkRequestPageOut,
    WorkRequestUpdateIn,
)
from heartbeat.work_requests.models import (
    WorkRequest,
)

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
    return page_of(requests, limit=query.limit, offset=query.offset, item=summary_out)


@router.post(
    "/work-requests",
    auth=required,
    response={201: WorkRequestOut, 403: ErrorOut, 422: ErrorOut},
    summary="Raise a work request for your own organisation",
    description="Attach files afterwards with POST /work-requests/{id}/attachments.",
)
def request_create(request, payload: WorkRequestIn):
    work_request = services.work_request_create(actor=request.auth, data=request_input(payload))
    return Status(201, detail_of(request.auth, work_request.pk))


@router.get(
    "/work-requests/{request_id}",
    auth=required,
    response={200: WorkRequestOut, 404: ErrorOut},
    summary="A work request with its supports, files and triage",
)
def request_detail(request, request_id: int):
    return detail_of(request.auth, request_id)


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
        data=request_input(payload),
        expected_version=payload.version,
    )
    return detail_of(request.auth, request_id)


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
        project=project_for(payload.project),
        new_project=new_project_input(payload.new_project),
    )
    return detail_of(request.auth, request_id)


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
        project=project_for(payload.project),
        new_project=new_project_input(payload.new_project),
        expected_version=payload.version,
    )
    return detail_of(request.auth, request_id)
