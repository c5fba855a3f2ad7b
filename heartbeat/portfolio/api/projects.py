"""Endpoints: the catalogue, a project's definition, create, update and stage moves."""

from ninja import Query, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.api.base import ErrorOut, router
from heartbeat.portfolio.api.convert import (
    _detail,
    _patched_input,
    _project_input,
    _summary,
    _transition,
    _visible_project,
)
from heartbeat.portfolio.api.schemas import (
    CatalogueQuery,
    ProjectIn,
    ProjectOut,
    ProjectPageOut,
    ProjectPatchIn,
    ProjectUpdateIn,
    TransitionIn,
    TransitionOut,
)

# Endpoints --------------------------------------------------------------------------------


@router.get(
    "/projects",
    response={200: ProjectPageOut, 422: ErrorOut},
    summary="Projects, filtered as in the catalogue",
    description="The filters, search and sort of the catalogue page. Visitors who are not "
    "signed in see public projects only. An unknown filter value is a 422.",
)
def project_list(request, params: Query[CatalogueQuery]):
    filters, errors = selectors.parse_catalogue_filters(params.dict())
    if errors:
        raise InvalidInput(" ".join(errors))
    projects = selectors.project_catalogue(request.auth, filters)
    return page_of(projects, limit=params.limit, offset=params.offset, item=_summary)


@router.get(
    "/projects/{slug}",
    response={200: ProjectOut, 404: ErrorOut},
    summary="A project with its definition",
)
def project_get(request, slug: str):
    project = selectors.project_detail(request.auth, slug)
    return _detail(request.auth, project)


@router.post(
    "/projects",
    auth=required,
    response={201: ProjectOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Propose a project",
    description="Open to the programme office, organisation leads and project leads. The "
    "project starts in the proposed stage.",
)
def project_create(request, payload: ProjectIn):
    project = services.project_create(actor=request.auth, data=_project_input(payload))
    return Status(201, _detail(request.auth, selectors.project_detail(request.auth, project.slug)))


@router.put(
    "/projects/{slug}",
    auth=required,
    response={200: ProjectOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change a project and its definition",
    description="Send the whole project with the `version` you read: every field is "
    "required (send null or an empty list to empty one on purpose; PATCH changes only some). "
    "Rows with an `id` change that row, rows without one are added, and rows left out are "
    "removed.",
)
def project_update(request, slug: str, payload: ProjectUpdateIn):
    project = _visible_project(request.auth, slug)
    project = services.project_update(
        actor=request.auth,
        project=project,
        data=_project_input(payload),
        expected_version=payload.version,
    )
    return _detail(request.auth, selectors.project_detail(request.auth, project.slug))


@router.patch(
    "/projects/{slug}",
    auth=required,
    response={200: ProjectOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change some of a project's fields",
    description="Send the `version` you read and only the fields to change; the others keep "
    "their values. A list sent replaces that list as in PUT.",
)
def project_patch(request, slug: str, payload: ProjectPatchIn):
    project = _visible_project(request.auth, slug)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    current = selectors.project_detail(request.auth, project.slug)
    project = services.project_update(
        actor=request.auth,
        project=project,
        data=_patched_input(request.auth, current, changes),
        expected_version=version,
    )
    return _detail(request.auth, selectors.project_detail(request.auth, project.slug))


@router.post(
    "/projects/{slug}/transitions",
    auth=required,
    response={201: TransitionOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Move a project to another stage",
    description="409 transition_not_allowed when the stage has no such move, 409 "
    "definition_incomplete (with `missing`) when the definition is not ready, 403 when "
    "the caller's role may not make the move, 422 when a required reason is missing.",
)
def project_transition(request, slug: str, payload: TransitionIn):
    project = _visible_project(request.auth, slug)
    transition = services.project_transition(
        actor=request.auth, project=project, to_stage=payload.to_stage, reason=payload.reason
    )
    return Status(201, _transition(transition))
