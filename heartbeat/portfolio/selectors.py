"""Reads of the work programme, each in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404

from heartbeat.accounts.models import User
from heartbeat.core.exports import Column, Kind
from heartbeat.core.formatting import money, uk_date, uk_month
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio import permissions
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
    ProductType,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    SubArea,
    Theme,
    Visibility,
)
from heartbeat.portfolio.rules import Move, moves_from
from heartbeat.skills.models import Skill, SkillLevel

STAGE_ORDER = {stage: i for i, stage in enumerate(Stage.values)}

# The catalogue's sort orders, in the order a sort menu lists them.
SORT_OPTIONS: list[tuple[str, str]] = [
    ("title", "Title (A to Z)"),
    ("-title", "Title (Z to A)"),
    ("stage", "Stage"),
    ("start", "Planned start (earliest first)"),
    ("-start", "Planned start (latest first)"),
    ("-updated", "Recently updated"),
    ("updated", "Least recently updated"),
]
SORTS = frozenset(value for value, _ in SORT_OPTIONS)


# The programme page -------------------------------------------------------------------------


@dataclass
class ThemeOverview:
    theme: Theme
    sub_areas: list[SubArea]
    # The theme's projects by title: all of them, or the first few when a limit is given.
    projects: list[Project]
    # Every stage in lifecycle order (zero when no project is in it).
    counts_by_stage: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts_by_stage.values())


def programme_overview(user, *, projects_per_theme: int | None = None) -> list[ThemeOverview]:
    """Themes in order, each with its sub-areas, the projects ``user`` may see and their
    counts by stage (4 queries).

    ``projects_per_theme`` keeps the first projects of each theme by title (the counts
    still cover them all), for a programme of thousands of projects.
    """
    themes = list(Theme.objects.prefetch_related("sub_areas"))
    visible = Project.objects.visible_to(user)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(Stage.values, 0))
    for theme_id, stage, n in (
        visible.order_by().values_list("theme_id", "stage").annotate(n=Count("pk"))
    ):
        counts[theme_id][stage] = n
    projects = visible.select_related("sub_area", "lead_organisation").order_by("title", "pk")
    if projects_per_theme is not None:
        projects = projects.annotate(
            theme_row=Window(
                RowNumber(),
                partition_by=[F("theme_id")],
                order_by=[F("title").asc(), F("pk").asc()],
            )
        ).filter(theme_row__lte=projects_per_theme)
    by_theme: dict[int, list[Project]] = defaultdict(list)
    for project in projects:
        by_theme[project.theme_id].append(project)
    return [
        ThemeOverview(
            theme=theme,
            sub_areas=list(theme.sub_areas.all()),
            projects=by_theme.get(theme.pk, []),
            counts_by_stage=dict(counts[theme.pk]),
        )
        for theme in themes
    ]


# The catalogue ----------------------------------------------------------------------------


@dataclass
class CatalogueFilters:
    """The catalogue's URL parameters, checked. Empty strings mean no filter."""

    theme: str = ""  # theme slug
    stage: str = ""
    lead: str = ""  # lead organisation slug
    skill: str = ""  # skill slug
    visibility: str = ""
    q: str = ""
    sort: str = ""  # one of SORTS; empty: by title, or by relevance when searching

    FIELDS = ("theme", "stage", "lead", "skill", "visibility", "q", "sort")

    def as_params(self) -> dict[str, str]:
        """The filters that are set, as URL parameters."""
        return {name: value for name, value in asdict(self).items() if value}

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in self.FIELDS if name != "sort")


def _param(params, name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value or "").strip()


def parse_catalogue_filters(params) -> tuple[CatalogueFilters, list[str]]:
    """Read the catalogue's filters from URL parameters (a QueryDict or a dict).

    A value that is not valid is dropped and described in the errors, which pages show
    as a message and the API answers with 422.
    """
    values = {name: _param(params, name) for name in CatalogueFilters.FIELDS}
    errors: list[str] = []
    if values["theme"] and not Theme.objects.filter(slug=values["theme"]).exists():
        errors.append(f"There is no theme '{values['theme']}'.")
        values["theme"] = ""
    if values["stage"] and values["stage"] not in Stage.values:
        errors.append(f"'{values['stage']}' is not a stage.")
        values["stage"] = ""
    if values["lead"] and not Organisation.objects.filter(slug=values["lead"]).exists():
        errors.append(f"There is no organisation '{values['lead']}'.")
        values["lead"] = ""
    if values["skill"] and not Skill.objects.filter(slug=values["skill"]).exists():
        errors.append(f"There is no skill '{values['skill']}'.")
        values["skill"] = ""
    if values["visibility"] and values["visibility"] not in Visibility.values:
        errors.append(f"'{values['visibility']}' is not a visibility: use public or partnership.")
        values["visibility"] = ""
    if len(values["q"]) > 200:
        errors.append("Search for 200 characters or fewer.")
        values["q"] = ""
    if values["sort"] and values["sort"] not in SORTS:
        errors.append(f"'{values['sort']}' is not a way to sort projects.")
        values["sort"] = ""
    return CatalogueFilters(**values), errors


def _search(queryset: QuerySet, q: str, *, rank: bool) -> tuple[QuerySet, bool]:
    """Projects matching ``q``; the flag says whether they carry a ``search_rank``."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        query = SearchQuery(q, search_type="websearch", config="english")
        # The same expressions as the GIN indexes of migration 0002, so each match reads
        # its index; the three sets are joined by id so that none needs a full scan.
        in_projects = (
            Project.objects.annotate(
                document=SearchVector("title", weight="A", config="english")
                + SearchVector("summary", weight="B", config="english")
                + SearchVector("problem", weight="C", config="english")
            )
            .filter(document=query)
            .order_by()
            .values("pk")
        )
        in_scope = (
            ScopeItem.objects.annotate(document=SearchVector("text", config="english"))
            .filter(document=query)
            .order_by()
            .values("project_id")
        )
        in_requirements = (
            Requirement.objects.annotate(document=SearchVector("text", config="english"))
            .filter(document=query)
            .order_by()
            .values("project_id")
        )
        queryset = queryset.filter(
            Q(pk__in=in_projects) | Q(pk__in=in_scope) | Q(pk__in=in_requirements)
        )
        if rank:
            # Ranked on the title and summary only: short, so cheap for every match.
            queryset = queryset.annotate(
                search_rank=SearchRank(
                    SearchVector("title", weight="A", config="english")
                    + SearchVector("summary", weight="B", config="english"),
                    query,
                )
            )
        return queryset, rank
    for word in q.split():
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(problem__icontains=word)
        )
    return queryset, False


def _stage_rank():
    return Case(
        *[When(stage=stage, then=Value(rank)) for stage, rank in STAGE_ORDER.items()],
        output_field=IntegerField(),
    )


def project_catalogue(user, filters: CatalogueFilters) -> QuerySet:
    """The projects ``user`` may see that match ``filters``, sorted, ready to paginate or
    export (one query for the rows and one for their tags)."""
    projects = Project.objects.visible_to(user)
    if filters.theme:
        projects = projects.filter(theme__slug=filters.theme)
    if filters.stage:
        projects = projects.filter(stage=filters.stage)
    if filters.lead:
        projects = projects.filter(lead_organisation__slug=filters.lead)
    if filters.skill:
        projects = projects.filter(
            pk__in=ResourceRequirement.objects.filter(skill__slug=filters.skill).values(
                "project_id"
            )
        )
    if filters.visibility:
        projects = projects.filter(visibility=filters.visibility)
    ranked = False
    if filters.q:
        projects, ranked = _search(projects, filters.q, rank=not filters.sort)
    sort = filters.sort
    if sort == "title":
        order = ["title", "pk"]
    elif sort == "-title":
        order = ["-title", "-pk"]
    elif sort == "stage":
        projects = projects.annotate(stage_rank=_stage_rank())
        order = ["stage_rank", "title", "pk"]
    elif sort == "start":
        order = [F("planned_start").asc(nulls_last=True), "title", "pk"]
    elif sort == "-start":
        order = [F("planned_start").desc(nulls_last=True), "title", "pk"]
    elif sort == "updated":
        order = ["updated_at", "pk"]
    elif sort == "-updated":
        order = ["-updated_at", "-pk"]
    elif ranked:
        order = ["-search_rank", "title", "pk"]
    else:
        order = ["title", "pk"]
    return (
        projects.select_related("theme", "sub_area", "lead_organisation", "project_lead")
        .prefetch_related("tags")
        .order_by(*order)
    )


@dataclass
class CatalogueOptions:
    """The choices a catalogue filter form offers; records come as rows with slug and name."""

    themes: list[Any]
    stages: list[tuple[str, str]]
    lead_organisations: list[Any]
    skills: list[Any]
    visibilities: list[tuple[str, str]]
    sorts: list[tuple[str, str]] = field(default_factory=lambda: list(SORT_OPTIONS))


def catalogue_page_rows(queryset: QuerySet) -> QuerySet:
    """The catalogue's rows as the page shows them: only the columns of its table.

    Exports need every column (project lead, tags); the page, shown far more often, does not.
    """
    return (
        queryset.select_related(None)
        .prefetch_related(None)
        .select_related("theme", "sub_area", "lead_organisation")
        .only(
            "title",
            "slug",
            "visibility",
            "stage",
            "planned_start",
            "planned_end",
            "theme__name",
            "sub_area__name",
            "lead_organisation__name",
        )
    )


def catalogue_options() -> CatalogueOptions:
    """Themes, stages, organisations that lead projects and active skills (3 queries).

    Each option is a named row of slug and name: the filter form needs nothing else, and
    with hundreds of organisations whole model instances cost more than the rest of the page.
    """
    return CatalogueOptions(
        themes=list(Theme.objects.values_list("slug", "name", named=True)),
        stages=list(Stage.choices),
        lead_organisations=list(
            Organisation.objects.filter(
                pk__in=Project.objects.exclude(lead_organisation=None).values(
                    "lead_organisation_id"
                )
            )
            .order_by("name")
            .values_list("slug", "name", named=True)
        ),
        skills=list(
            Skill.objects.active().order_by("name").values_list("slug", "name", named=True)
        ),
        visibilities=list(Visibility.choices),
    )


EXPORT_HEADERS = [
    Column("Title"),
    Column("Slug"),
    Column("Theme"),
    Column("Sub-area"),
    Column("Stage"),
    Column("Visibility"),
    Column("Lead organisation"),
    Column("Project lead"),
    Column("Sponsor"),
    Column("Planned start", Kind.DATE),
    Column("Planned end", Kind.DATE),
    Column("Estimated cost (£)", Kind.MONEY),
    Column("Tags"),
    Column("Summary"),
    Column("Page", Kind.LINK),
]


def catalogue_export_rows(queryset) -> tuple[list[Column], list[list[Any]]]:
    """Headers and rows of the catalogue's projects for CSV, XLSX and JSON exports.

    Dates stay ``date`` objects and costs ``Decimal`` (spreadsheets keep their types; for
    JSON use Django's ``DjangoJSONEncoder``).
    """
    rows = [
        [
            project.title,
            project.slug,
            project.theme.name,
            project.sub_area.name if project.sub_area else "",
            project.get_stage_display(),
            project.get_visibility_display(),
            project.lead_organisation.name if project.lead_organisation else "",
            project.project_lead.display_name if project.project_lead else "",
            project.sponsor,
            project.planned_start,
            project.planned_end,
            project.estimated_cost,
            ", ".join(tag.name for tag in project.tags.all()),
            project.summary,
            project.get_absolute_url(),
        ]
        for project in queryset
    ]
    return list(EXPORT_HEADERS), rows


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


# History ------------------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    before: str  # empty when there was nothing
    after: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    user: User | None
    action: str  # created, changed, added, removed
    subject: str  # "the project", or the definition row, e.g. "requirement “Single sign-on”"
    changes: list[FieldChange]

    @property
    def who(self) -> str:
        return self.user.display_name if self.user else "Heartbeat"

    @property
    def description(self) -> str:
        """e.g. "Added requirement “Single sign-on”" or "Changed the project"."""
        return f"{self.action.capitalize()} {self.subject}"


PROJECT_HISTORY_FIELDS = {
    "title": "Title",
    "slug": "Web address",
    "theme_id": "Theme",
    "sub_area_id": "Sub-area",
    "summary": "Summary",
    "problem": "Problem and background",
    "lead_organisation_id": "Lead organisation",
    "project_lead_id": "Project lead",
    "sponsor": "Sponsor",
    "planned_start": "Planned start",
    "planned_end": "Planned end",
    "estimated_cost": "Estimated cost",
    "stage": "Stage",
    "visibility": "Visibility",
    "tags": "Tags",
}

# Each kind of definition row: the fields shown, and how a row is named.
ROW_HISTORY = [
    (ScopeItem, {"kind": "Scope", "text": "Text"}),
    (Requirement, {"text": "Text", "priority": "Priority"}),
    (
        AnticipatedProduct,
        {
            "name": "Name",
            "product_type": "Type",
            "description": "Description",
            "planned_date": "Planned date",
        },
    ),
    (ExpectedBenefit, {"text": "Text"}),
    (
        ResourceRequirement,
        {
            "skill_id": "Skill",
            "level": "Level",
            "people": "People",
            "days_per_month": "Days per month",
            "start_month": "From",
            "end_month": "To",
            "notes": "Notes",
        },
    ),
]

CHOICES = {
    "stage": dict(Stage.choices),
    "visibility": dict(Visibility.choices),
    "kind": dict(ScopeItem.Kind.choices),
    "priority": dict(Requirement.Priority.choices),
    "product_type": dict(ProductType.choices),
    "level": dict(SkillLevel.choices),
}


class _Names:
    """Names of the records that history rows point at, loaded in one query per kind."""

    SOURCES = {
        "theme_id": Theme,
        "sub_area_id": SubArea,
        "lead_organisation_id": Organisation,
        "project_lead_id": User,
        "skill_id": Skill,
    }

    def __init__(self, records: list):
        wanted: dict[str, set] = defaultdict(set)
        for record in records:
            for attname in self.SOURCES:
                value = getattr(record, attname, None)
                if value is not None:
                    wanted[attname].add(value)
        self.names: dict[str, dict[int, str]] = {}
        for attname, model in self.SOURCES.items():
            ids = wanted.get(attname)
            if not ids:
                self.names[attname] = {}
                continue
            if model is User:
                self.names[attname] = {
                    pk: full_name or email
                    for pk, full_name, email in User.objects.filter(pk__in=ids).values_list(
                        "pk", "full_name", "email"
                    )
                }
            else:
                self.names[attname] = dict(
                    model.objects.filter(pk__in=ids).values_list("pk", "name")
                )

    def show(self, attname: str, value) -> str:
        if value is None or value == "":
            return ""
        if attname in self.SOURCES:
            return self.names[attname].get(value, "(removed)")
        if attname in CHOICES:
            return str(CHOICES[attname].get(value, value))
        if attname in ("start_month", "end_month"):
            return uk_month(value)
        if attname == "estimated_cost":
            return money(value, pence=value != value.to_integral_value())
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        if isinstance(value, datetime.date):
            return uk_date(value)
        if isinstance(value, list | set | frozenset):
            return ", ".join(sorted(value))
        return str(value)


def _row_subject(model, record, names: _Names) -> str:
    if model is ScopeItem:
        kind = "out of scope" if record.kind == ScopeItem.Kind.OUT else "in scope"
        return f"{kind} item “{record.text}”"
    if model is Requirement:
        return f"requirement “{record.text}”"
    if model is AnticipatedProduct:
        return f"anticipated product “{record.name}”"
    if model is ExpectedBenefit:
        return f"expected benefit “{record.text}”"
    skill = names.show("skill_id", record.skill_id)
    return f"resource requirement “{skill}, {names.show('level', record.level)}”"


def _bursts(records: list) -> list[tuple[Any, Any, Any]]:
    """(record before, last record, first record) of each change to one object.

    Records of one object in date order; those a service wrote together share their date
    and person (a project saved, then its tags set) and read as one change.
    """
    groups: list[list] = []
    for record in records:
        if groups:
            last = groups[-1][-1]
            if (
                record.history_date == last.history_date
                and record.history_user_id == last.history_user_id
                and last.history_type != "-"
            ):
                groups[-1].append(record)
                continue
        groups.append([record])
    bursts = []
    previous = None
    for group in groups:
        bursts.append((previous, group[-1], group[0]))
        previous = group[-1]
    return bursts


def _changes(before, after, fields: dict[str, str], names: _Names) -> list[FieldChange]:
    changes = []
    for attname, label in fields.items():
        old = getattr(before, attname, None) if before is not None else None
        new = getattr(after, attname, None)
        shown_old, shown_new = names.show(attname, old), names.show(attname, new)
        if shown_old != shown_new:
            changes.append(FieldChange(label, shown_old, shown_new))
    return changes


def project_history(project: Project) -> list[HistoryEntry]:
    """What changed on the project and its definition, who changed it and when, newest
    first (at most 12 queries, however long the history)."""
    project_records = list(
        Project.history.filter(id=project.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    tag_model = apps.get_model("portfolio", "HistoricalProject_tags")
    tags_at: dict[int, set[str]] = defaultdict(set)
    for row in tag_model.objects.filter(project_id=project.pk).select_related("tag"):
        tags_at[row.history_id].add(row.tag.name)
    for record in project_records:
        record.tags = frozenset(tags_at.get(record.history_id, ()))

    row_records = []
    for model, fields in ROW_HISTORY:
        records = list(
            model.history.filter(project_id=project.pk)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        row_records.append((model, fields, records))

    names = _Names(project_records + [r for _, _, records in row_records for r in records])
    entries: list[tuple[tuple, HistoryEntry]] = []
    for before, after, first in _bursts(project_records):
        if before is None and first.history_type == "+":
            entry = HistoryEntry(
                after.history_date, first.history_user, "created", "the project", []
            )
        else:
            changes = _changes(before, after, PROJECT_HISTORY_FIELDS, names)
            if not changes:
                continue
            entry = HistoryEntry(
                after.history_date, after.history_user, "changed", "the project", changes
            )
        entries.append(((after.history_date, 1, after.history_id), entry))

    for rank, (model, fields, records) in enumerate(row_records, start=2):
        by_object: dict[int, list] = defaultdict(list)
        for record in records:
            by_object[record.id].append(record)
        for object_records in by_object.values():
            for before, after, first in _bursts(object_records):
                subject = _row_subject(model, after, names)
                if after.history_type == "-":
                    if before is None and first.history_type == "+":
                        continue  # added and removed at once: nothing to show
                    entry = HistoryEntry(
                        after.history_date, after.history_user, "removed", subject, []
                    )
                elif before is None:
                    entry = HistoryEntry(
                        after.history_date,
                        first.history_user,
                        "added",
                        subject,
                        _changes(None, after, fields, names),
                    )
                else:
                    changes = _changes(before, after, fields, names)
                    if not changes:
                        continue
                    entry = HistoryEntry(
                        after.history_date,
                        after.history_user,
                        "changed",
                        _row_subject(model, before, names),
                        changes,
                    )
                entries.append(((after.history_date, rank, after.history_id), entry))
    entries.sort(key=lambda pair: pair[0], reverse=True)
    return [entry for _, entry in entries]
