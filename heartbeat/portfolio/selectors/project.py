"""The project page: a project with its definition, its allowed moves, and the input its
edit form starts from."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import CharField, DateField, F, Prefetch, Q, TextField, Value
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404

from heartbeat.accounts.models import User
from heartbeat.core.months import months_between
from heartbeat.portfolio import permissions
from heartbeat.portfolio.baseline import Difference
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    ResourceInput,
    TextItemInput,
)
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    StageTransition,
    Tag,
    sees_partnership_projects,
)
from heartbeat.portfolio.rules import Move, moves_from

# The project page ---------------------------------------------------------------------------


def project_heading(user, slug: str) -> Project:
    """The project alone, for pages about it such as its history, or 404 if ``user`` may not
    see it (1 query)."""
    return get_object_or_404(Project.objects.visible_to(user), slug=slug)


# A definition row read in the one statement for the whole definition:
# (what it is, id, order, text or name, kind/priority/type/slug, description, planned date).
# Every column is an annotation, so each part of the union lists them in the same order.
_TEXT = CharField()
_ROW = ("row_source", "row_id", "row_order", "row_text", "row_extra", "row_description",
        "row_planned")  # fmt: skip


def _definition_part(queryset, source: str, text: str, extra: str = "", product: bool = False):
    return (
        queryset.order_by()
        .annotate(
            row_source=Value(source, output_field=_TEXT),
            row_id=F("pk"),
            row_order=F("order") if source != "tag" else Value(0),
            row_text=F(text),
            row_extra=F(extra) if extra else Value("", output_field=_TEXT),
            row_description=F("description") if product else Value("", output_field=TextField()),
            row_planned=F("planned_date") if product else Cast(Value(None), DateField()),
        )
        .values_list(*_ROW)
    )


def _as_prefetched(project: Project, name: str, objects: list) -> None:
    """Give ``project.<name>.all()`` these objects without a query, as prefetching does."""
    queryset = getattr(project, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(project, "_prefetched_objects_cache"):
        project._prefetched_objects_cache = {}
    project._prefetched_objects_cache[name] = queryset


def _load_definition(project: Project) -> None:
    """The project's scope, requirements, anticipated products, expected benefits and tags,
    in one query (a union of five reads), each list in its own order, attached as if
    prefetched."""
    rows = list(
        _definition_part(ScopeItem.objects.filter(project=project), "scope", "text", "kind").union(
            _definition_part(
                Requirement.objects.filter(project=project), "requirement", "text", "priority"
            ),
            _definition_part(
                AnticipatedProduct.objects.filter(project=project),
                "product",
                "name",
                "product_type",
                product=True,
            ),  # fmt: skip
            _definition_part(ExpectedBenefit.objects.filter(project=project), "benefit", "text"),
            _definition_part(Tag.objects.filter(projects=project), "tag", "name", "slug"),
            all=True,
        )
    )
    rows.sort(key=lambda row: (row[2], row[1]))
    found: dict[str, list] = {name: [] for name in ("scope", "requirement", "product", "benefit")}
    tags = []
    for source, pk, order, text, extra, description, planned in rows:
        if source == "tag":
            tags.append(Tag.from_db("default", ["id", "name", "slug"], (pk, text, extra)))
            continue
        if source == "scope":
            item = ScopeItem.from_db(
                "default", ["id", "project_id", "order", "kind", "text"],
                (pk, project.pk, order, extra, text),
            )  # fmt: skip
        elif source == "requirement":
            item = Requirement.from_db(
                "default", ["id", "project_id", "order", "text", "priority"],
                (pk, project.pk, order, text, extra),
            )  # fmt: skip
        elif source == "product":
            item = AnticipatedProduct.from_db(
                "default",
                [
                    "id",
                    "project_id",
                    "order",
                    "name",
                    "product_type",
                    "description",
                    "planned_date",
                ],
                (pk, project.pk, order, text, extra, description, planned),
            )
        else:
            item = ExpectedBenefit.from_db(
                "default", ["id", "project_id", "order", "text"], (pk, project.pk, order, text)
            )
        item._meta.get_field("project").set_cached_value(item, project)
        found[source].append(item)
    _as_prefetched(project, "scope_items", found["scope"])
    _as_prefetched(project, "requirements", found["requirement"])
    _as_prefetched(project, "products", found["product"])
    _as_prefetched(project, "expected_benefits", found["benefit"])
    tags.sort(key=lambda tag: tag.name)
    _as_prefetched(project, "tags", tags)


def project_detail(user, slug: str) -> Project:
    """The project with its whole definition and stage moves, or 404 if ``user`` may not
    see it (4 queries: the project, its definition and tags, its needs, its stage moves).

    Besides the related managers, the project carries ``scope_in`` and ``scope_out`` lists.
    """
    # A slug names one project: no sorting (``first()`` would sort the joined row by title).
    found = (
        Project.objects.visible_to(user)
        .select_related(
            "theme",
            "sub_area",
            "lead_organisation",
            "project_lead",
            "project_lead__organisation",
            "baseline__taken_by",
        )
        .prefetch_related(
            Prefetch(
                "resource_requirements",
                queryset=ResourceRequirement.objects.select_related("skill"),
            ),
            Prefetch(
                "transitions",
                queryset=StageTransition.objects.select_related("actor"),
            ),
        )
        .filter(slug=slug)
        .order_by()[:1]
    )
    project = next(iter(found), None)
    if project is None or not permissions.can_view_project(user, project):
        raise Http404("No such project, or you cannot see it.")
    _load_definition(project)
    project.scope_in = [s for s in project.scope_items.all() if s.kind == ScopeItem.Kind.IN]
    project.scope_out = [s for s in project.scope_items.all() if s.kind == ScopeItem.Kind.OUT]
    return project


@dataclass
class BaselineView:
    """What a person sees of a project's approved baseline: when it was taken, by whom, and
    what differs from it now (each difference with who made it and when)."""

    taken_at: datetime.datetime
    taken_by: str
    differences: list[Difference]


def project_baseline(user, project: Project) -> BaselineView | None:
    """The baseline of a project from ``project_detail`` (no queries), for members of the
    partnership: the differences name people and show what the definition said at approval,
    which may have been before the project was public. None without a baseline."""
    baseline = project.baseline
    if baseline is None or not sees_partnership_projects(user):
        return None
    return BaselineView(
        taken_at=baseline.taken_at,
        taken_by=baseline.taken_by.display_name if baseline.taken_by else "Heartbeat",
        differences=[Difference.from_json(d) for d in baseline.differences],
    )


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


@dataclass
class ResourceRow:
    """A resource requirement with its length in months and the days it needs in all."""

    resource: ResourceRequirement
    months: int
    total_days: Decimal


@dataclass
class ResourceTotals:
    rows: list[ResourceRow]

    @property
    def total_days(self) -> Decimal:
        return sum((row.total_days for row in self.rows), Decimal(0))


def resource_totals(project: Project) -> ResourceTotals:
    """Each of the project's resource requirements with its months and total days (no
    queries on a project from ``project_detail``)."""
    rows = []
    for resource in project.resource_requirements.all():
        months = months_between(resource.start_month, resource.end_month)
        rows.append(
            ResourceRow(
                resource=resource,
                months=months,
                total_days=resource.people * resource.days_per_month * months,
            )
        )
    return ResourceTotals(rows=rows)


def project_lead_candidates(*, actor=None, project=None, organisation_id=None):
    """Who may be named a project's lead, written once for the form and the service: people
    with the project lead role, people of the lead organisation, the current lead, and the
    person naming them. Active people only."""
    condition = Q(is_project_lead=True)
    if organisation_id:
        condition |= Q(organisation_id=organisation_id)
    if project is not None and project.project_lead_id:
        condition |= Q(pk=project.project_lead_id)
    if actor is not None and actor.is_authenticated:
        condition |= Q(pk=actor.pk)
    return (
        User.objects.filter(is_active=True)
        .filter(condition)
        .select_related("organisation")
        .order_by("full_name", "email")
    )
