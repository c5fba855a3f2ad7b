"""Projects API: the catalogue, a project's definition, create, update and stage moves.

The endpoints call the same selectors and services as the pages, so they have the same
rules and permissions. Records are named by slug (themes, organisations, skills,
projects); people by id.
"""

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.api.paging import page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import Project, Stage, StageTransition, SubArea, Theme, Visibility
from heartbeat.portfolio.rules import definition_checklist
from heartbeat.skills.models import Skill

router = Router(tags=["projects"])

MAX_LIMIT = 200


# Output -----------------------------------------------------------------------------------


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    id: int
    name: str


class ProjectSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    theme: Ref
    sub_area: Ref | None
    stage: Stage
    stage_label: str
    visibility: Visibility
    lead_organisation: Ref | None
    project_lead: PersonRef | None
    sponsor: str
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    estimated_cost: Decimal | None
    tags: list[str]
    version: int
    updated_at: datetime.datetime
    url: str


class ProjectPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProjectSummaryOut]


class TextItemOut(Schema):
    id: int
    text: str


class RequirementOut(Schema):
    id: int
    text: str
    priority: str


class ProductOut(Schema):
    id: int
    name: str
    product_type: str
    description: str
    planned_date: datetime.date | None


class ResourceOut(Schema):
    id: int
    skill: Ref
    level: str
    people: int
    days_per_month: Decimal
    start_month: datetime.date
    end_month: datetime.date
    notes: str


class ChecklistItemOut(Schema):
    key: str
    label: str
    done: bool


class MoveOut(Schema):
    to_stage: Stage
    label: str
    reason_required: bool


class TransitionOut(Schema):
    from_stage: Stage
    to_stage: Stage
    actor: PersonRef | None
    reason: str
    at: datetime.datetime


class ProjectOut(ProjectSummaryOut):
    problem: str
    created_at: datetime.datetime
    scope_in: list[TextItemOut]
    scope_out: list[TextItemOut]
    requirements: list[RequirementOut]
    products: list[ProductOut]
    benefits: list[TextItemOut]
    resources: list[ResourceOut]
    definition_complete: bool
    checklist: list[ChecklistItemOut]
    allowed_moves: list[MoveOut] = Field(
        description="The stage moves the caller may make now (empty for visitors)."
    )
    transitions: list[TransitionOut]


class ThemeOut(Schema):
    slug: str
    name: str
    summary: str
    description: str
    order: int
    colour: str
    sub_areas: list[Ref]


def _ref(obj) -> dict | None:
    return {"slug": obj.slug, "name": obj.name} if obj is not None else None


def _person(user) -> dict | None:
    return {"id": user.pk, "name": user.display_name} if user is not None else None


def _summary(project: Project) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "theme": _ref(project.theme),
        "sub_area": _ref(project.sub_area),
        "stage": project.stage,
        "stage_label": project.get_stage_display(),
        "visibility": project.visibility,
        "lead_organisation": _ref(project.lead_organisation),
        "project_lead": _person(project.project_lead),
        "sponsor": project.sponsor,
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "estimated_cost": project.estimated_cost,
        "tags": [tag.name for tag in project.tags.all()],
        "version": project.version,
        "updated_at": project.updated_at,
        "url": f"/projects/{project.slug}/",
    }


def _transition(transition: StageTransition) -> dict:
    return {
        "from_stage": transition.from_stage,
        "to_stage": transition.to_stage,
        "actor": _person(transition.actor),
        "reason": transition.reason,
        "at": transition.at,
    }


def _detail(user, project: Project) -> dict:
    checklist = definition_checklist(project)
    return {
        **_summary(project),
        "problem": project.problem,
        "created_at": project.created_at,
        "scope_in": [{"id": s.pk, "text": s.text} for s in project.scope_in],
        "scope_out": [{"id": s.pk, "text": s.text} for s in project.scope_out],
        "requirements": [
            {"id": r.pk, "text": r.text, "priority": r.priority} for r in project.requirements.all()
        ],
        "products": [
            {
                "id": p.pk,
                "name": p.name,
                "product_type": p.product_type,
                "description": p.description,
                "planned_date": p.planned_date,
            }
            for p in project.products.all()
        ],
        "benefits": [{"id": b.pk, "text": b.text} for b in project.expected_benefits.all()],
        "resources": [
            {
                "id": r.pk,
                "skill": _ref(r.skill),
                "level": r.level,
                "people": r.people,
                "days_per_month": r.days_per_month,
                "start_month": r.start_month,
                "end_month": r.end_month,
                "notes": r.notes,
            }
            for r in project.resource_requirements.all()
        ],
        "definition_complete": all(item.done for item in checklist),
        "checklist": [{"key": i.key, "label": i.label, "done": i.done} for i in checklist],
        "allowed_moves": [
            {"to_stage": m.to_stage, "label": m.label, "reason_required": m.reason_required}
            for m in selectors.allowed_moves(user, project)
        ],
        "transitions": [_transition(t) for t in project.transitions.all()],
    }


# Input ------------------------------------------------------------------------------------


class CatalogueQuery(Schema):
    theme: str = Field("", description="A theme's slug")
    stage: str = Field("", description="A stage: " + ", ".join(Stage.values))
    lead: str = Field("", description="The lead organisation's slug")
    skill: str = Field("", description="The slug of a skill the project needs")
    visibility: str = Field("", description="public or partnership")
    q: str = Field("", description="Words to search for")
    sort: str = Field("", description="One of " + ", ".join(v for v, _ in selectors.SORT_OPTIONS))
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class TextItemIn(Schema):
    text: str
    id: int | None = Field(None, description="The row's id, to change an existing row")


class RequirementIn(Schema):
    text: str
    priority: str = "must"
    id: int | None = None


class ProductIn(Schema):
    name: str
    product_type: str = Field(description="service, platform, framework, guidance, data, ...")
    description: str = ""
    planned_date: datetime.date | None = None
    id: int | None = None


class ResourceIn(Schema):
    skill: str = Field(description="The skill's slug, from GET /skills")
    level: str = "working"
    people: int = 1
    days_per_month: Decimal
    start_month: datetime.date = Field(description="Any day of the first month")
    end_month: datetime.date = Field(description="Any day of the last month")
    notes: str = ""
    id: int | None = None


class ProjectIn(Schema):
    title: str
    theme: str = Field(description="The theme's slug, from GET /themes")
    summary: str
    slug: str = Field("", description="Made from the title when empty")
    sub_area: str | None = Field(None, description="The slug of a sub-area of the theme")
    problem: str = ""
    lead_organisation: str | None = Field(None, description="The organisation's slug")
    project_lead: int | None = Field(None, description="The id of the person who leads it")
    sponsor: str = ""
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    estimated_cost: Decimal | None = None
    visibility: Visibility = Visibility.PARTNERSHIP
    tags: list[str] = Field(default_factory=list)
    scope_in: list[TextItemIn] = Field(default_factory=list)
    scope_out: list[TextItemIn] = Field(default_factory=list)
    requirements: list[RequirementIn] = Field(default_factory=list)
    products: list[ProductIn] = Field(default_factory=list)
    benefits: list[TextItemIn] = Field(default_factory=list)
    resources: list[ResourceIn] = Field(default_factory=list)


class ProjectUpdateIn(ProjectIn):
    version: int = Field(
        description="The version you read; if someone saved the project since, the answer "
        "is 409 edit_conflict and nothing is saved."
    )


class TransitionIn(Schema):
    to_stage: str = Field(description="The stage to move to: " + ", ".join(Stage.values))
    reason: str = ""


def _project_input(payload: ProjectIn) -> ProjectInput:
    """Turn the slugs of the request into the ids the services take."""
    theme = Theme.objects.filter(slug=payload.theme).first()
    if theme is None:
        raise InvalidInput(f"There is no theme '{payload.theme}'.", field="theme")
    sub_area_id = None
    if payload.sub_area:
        sub_area_id = (
            SubArea.objects.filter(theme=theme, slug=payload.sub_area)
            .values_list("pk", flat=True)
            .first()
        )
        if sub_area_id is None:
            raise InvalidInput(
                f"{theme.name} has no sub-area '{payload.sub_area}'.", field="sub_area"
            )
    lead_organisation_id = None
    if payload.lead_organisation:
        lead_organisation_id = (
            Organisation.objects.filter(slug=payload.lead_organisation)
            .values_list("pk", flat=True)
            .first()
        )
        if lead_organisation_id is None:
            raise InvalidInput(
                f"There is no organisation '{payload.lead_organisation}'.",
                field="lead_organisation",
            )
    skills = dict(
        Skill.objects.filter(slug__in={r.skill for r in payload.resources}).values_list(
            "slug", "pk"
        )
    )
    resources = []
    for index, row in enumerate(payload.resources):
        if row.skill not in skills:
            raise InvalidInput(
                f"There is no skill '{row.skill}': choose one from GET /api/v1/skills.",
                field=f"resources-{index}-skill",
            )
        resources.append(
            ResourceInput(
                skill_id=skills[row.skill],
                level=row.level,
                people=row.people,
                days_per_month=row.days_per_month,
                start_month=row.start_month,
                end_month=row.end_month,
                notes=row.notes,
                id=row.id,
            )
        )
    return ProjectInput(
        title=payload.title,
        theme_id=theme.pk,
        summary=payload.summary,
        slug=payload.slug,
        sub_area_id=sub_area_id,
        problem=payload.problem,
        lead_organisation_id=lead_organisation_id,
        project_lead_id=payload.project_lead,
        sponsor=payload.sponsor,
        planned_start=payload.planned_start,
        planned_end=payload.planned_end,
        estimated_cost=payload.estimated_cost,
        visibility=payload.visibility,
        tags=list(payload.tags),
        scope_in=[TextItemInput(text=i.text, id=i.id) for i in payload.scope_in],
        scope_out=[TextItemInput(text=i.text, id=i.id) for i in payload.scope_out],
        requirements=[
            RequirementInput(text=r.text, priority=r.priority, id=r.id)
            for r in payload.requirements
        ],
        products=[
            ProductInput(
                name=p.name,
                product_type=p.product_type,
                description=p.description,
                planned_date=p.planned_date,
                id=p.id,
            )
            for p in payload.products
        ],
        benefits=[TextItemInput(text=b.text, id=b.id) for b in payload.benefits],
        resources=resources,
    )


def _visible_project(user, slug: str) -> Project:
    # 404 for a project the caller may not see, as for one that does not exist.
    return get_object_or_404(Project.objects.visible_to(user), slug=slug)


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
    description="Send the whole project with the `version` you read. Rows with an `id` "
    "change that row, rows without one are added, and rows left out are removed.",
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


@router.get("/themes", response=list[ThemeOut], summary="Themes of the work programme")
def theme_list(request):
    return [
        {
            "slug": theme.slug,
            "name": theme.name,
            "summary": theme.summary,
            "description": theme.description,
            "order": theme.order,
            "colour": theme.colour,
            "sub_areas": [_ref(s) for s in theme.sub_areas.all()],
        }
        for theme in Theme.objects.prefetch_related("sub_areas")
    ]
