"""The project page: a project with its definition, its allowed moves, and the input its
edit form starts from."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from heartbeat.portfolio import permissions
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import Project, ResourceRequirement, ScopeItem, StageTransition
from heartbeat.portfolio.rules import Move, moves_from

# The project page ---------------------------------------------------------------------------


def project_heading(user, slug: str) -> Project:
    """The project alone, for pages about it such as its history, or 404 if ``user`` may not
    see it (1 query)."""
    return get_object_or_404(Project.objects.visible_to(user), slug=slug)


def project_detail(user, slug: str) -> Project:
    """The project with its whole definition and stage moves, or 404 if ``user`` may not
    see it (8 queries).

    Besides the related managers, the project carries ``scope_in`` and ``scope_out`` lists.
    """
    project = (
        Project.objects.visible_to(user)
        .select_related(
            "theme",
            "sub_area",
            "lead_organisation",
            "project_lead",
            "project_lead__organisation",
            "created_by",
        )
        .prefetch_related(
            "scope_items",
            "requirements",
            "products",
            "expected_benefits",
            Prefetch(
                "resource_requirements",
                queryset=ResourceRequirement.objects.select_related("skill"),
            ),
            Prefetch(
                "transitions",
                queryset=StageTransition.objects.select_related("actor"),
            ),
            "tags",
        )
        .filter(slug=slug)
        .first()
    )
    if project is None or not permissions.can_view_project(user, project):
        raise Http404("No such project, or you cannot see it.")
    project.scope_in = [s for s in project.scope_items.all() if s.kind == ScopeItem.Kind.IN]
    project.scope_out = [s for s in project.scope_items.all() if s.kind == ScopeItem.Kind.OUT]
    return project


def allowed_moves(user, project: Project) -> list[Move]:
    """The stage moves ``user`` may make on ``project`` now (no queries)."""
    return [move for move in moves_from(project) if permissions.can_make_move(user, project, move)]


def project_to_input(project: Project) -> ProjectInput:
    """The project as the input its edit form and the API start from, rows with their ids.

    Use it on a project from ``project_detail`` so it runs no queries.
    """
    return ProjectInput(
        title=project.title,
        slug=project.slug,
        theme_id=project.theme_id,
        sub_area_id=project.sub_area_id,
        summary=project.summary,
        problem=project.problem,
        lead_organisation_id=project.lead_organisation_id,
        project_lead_id=project.project_lead_id,
        sponsor=project.sponsor,
        planned_start=project.planned_start,
        planned_end=project.planned_end,
        estimated_cost=project.estimated_cost,
        visibility=project.visibility,
        tags=[tag.name for tag in project.tags.all()],
        scope_in=[
            TextItemInput(text=s.text, id=s.pk)
            for s in project.scope_items.all()
            if s.kind == ScopeItem.Kind.IN
        ],
        scope_out=[
            TextItemInput(text=s.text, id=s.pk)
            for s in project.scope_items.all()
            if s.kind == ScopeItem.Kind.OUT
        ],
        requirements=[
            RequirementInput(text=r.text, priority=r.priority, id=r.pk)
            for r in project.requirements.all()
        ],
        products=[
            ProductInput(
                name=p.name,
                product_type=p.product_type,
                description=p.description,
                planned_date=p.planned_date,
                id=p.pk,
            )
            for p in project.products.all()
        ],
        benefits=[TextItemInput(text=b.text, id=b.pk) for b in project.expected_benefits.all()],
        resources=[
            ResourceInput(
                skill_id=r.skill_id,
                level=r.level,
                people=r.people,
                days_per_month=r.days_per_month,
                start_month=r.start_month,
                end_month=r.end_month,
                notes=r.notes,
                id=r.pk,
            )
            for r in project.resource_requirements.all()
        ],
    )
