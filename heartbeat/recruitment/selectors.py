"""Recruitment reads: coverage, open needs, contributions and capacity, each in a fixed number
of queries whatever the number of rows.

Coverage across many needs is worked out by the database from ``RequirementMonth`` (pledged
days per need and month, kept by the pledge services); a single project's coverage is worked
out here from the same rows, month by month, for the heat map.
"""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, Greatest, Least
from django.db.models.lookups import LessThan
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exports import Column, Kind
from heartbeat.core.months import (
    add_months,
    first_of_month,
    month_range,
    months_between,
    parse_month,
)
from heartbeat.portfolio.models import Project, ResourceRequirement, Stage, Theme, Visibility
from heartbeat.recruitment import permissions
from heartbeat.recruitment.coverage import (
    ZERO,
    ProjectCoverage,
    percent,
    pledge_days_by_month,
    requirement_coverage,
    sum_by_month,
)
from heartbeat.recruitment.models import (
    JOINED_STATUSES,
    OrganisationCapacity,
    Participation,
    ParticipationStatus,
    Pledge,
    PledgeStatus,
    RequirementMonth,
)
from heartbeat.skills.models import Skill, SkillLevel, UserSkill

# Needs count as open once a project is approved, until it is closed.
NEED_STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY)
DAYS = DecimalField(max_digits=12, decimal_places=1)
# Days are kept to a tenth; anything smaller is rounding noise from SQLite's arithmetic.
EPSILON = Decimal("0.05")
TENTH = Decimal("0.1")


def _visible_projects(user):
    return Project.objects.visible_to(user)


def _sql_sum(expression):
    # A plain SUM without GROUP BY, usable inside a correlated subquery.
    return Func(expression, function="SUM", output_field=DAYS)


def _sql_min(expression):
    return Func(expression, function="MIN", output_field=DAYS)


def _sql_count(expression):
    return Func(expression, function="COUNT", output_field=IntegerField())


def _months_between(start, end):
    return ExpressionWrapper(
        (ExtractYear(end) - ExtractYear(start)) * 12 + ExtractMonth(end) - ExtractMonth(start) + 1,
        output_field=IntegerField(),
    )


def with_coverage(queryset, from_month: datetime.date | None = None):
    """Annotate resource requirements with their coverage, from ``from_month`` (or their
    start) to their end: per_month, months_open, required_days, covered_days, shortfall_days
    and largest_gap (the biggest shortfall in any one month)."""
    if from_month is None:
        window_start = F("start_month")
    else:
        window_start = Greatest(
            F("start_month"), Value(from_month, output_field=DateField()), output_field=DateField()
        )
    queryset = queryset.annotate(
        window_start=window_start,
        per_month=ExpressionWrapper(F("people") * F("days_per_month"), output_field=DAYS),
    ).annotate(months_open=_months_between(F("window_start"), F("end_month")))
    rows = RequirementMonth.objects.filter(
        requirement=OuterRef("pk"),
        month__gte=OuterRef("window_start"),
        month__lte=OuterRef("end_month"),
    ).order_by()
    covered = rows.values(
        total=_sql_sum(Least("pledged_days", OuterRef("per_month"), output_field=DAYS))
    )
    # The fewest days pledged in any month of the window: 0 when a month has no pledge.
    weakest = rows.values(
        total=Case(
            When(LessThan(_sql_count("pk"), OuterRef("months_open")), then=Value(ZERO)),
            default=_sql_min("pledged_days"),
            output_field=DAYS,
        )
    )
    return queryset.annotate(
        required_days=ExpressionWrapper(F("per_month") * F("months_open"), output_field=DAYS),
        covered_days=Coalesce(Subquery(covered, output_field=DAYS), Value(ZERO), output_field=DAYS),
        shortfall_days=ExpressionWrapper(F("required_days") - F("covered_days"), output_field=DAYS),
        largest_gap=ExpressionWrapper(
            F("per_month")
            - Least(
                Coalesce(Subquery(weakest, output_field=DAYS), Value(ZERO), output_field=DAYS),
                F("per_month"),
                output_field=DAYS,
            ),
            output_field=DAYS,
        ),
    )


# A project's recruitment section -----------------------------------------------------------


@dataclass
class ProjectRecruitment:
    project: Project
    participations: list[Participation]
    coverage: ProjectCoverage
    pledges: list[Pledge]
    own_participation: Participation | None = None
    can_act: bool = False
    show_people: bool = False
    accepting: bool = True


def project_coverage(project: Project) -> ProjectCoverage:
    """Coverage month by month for each of the project's requirements (2 queries)."""
    requirements = list(ResourceRequirement.objects.filter(project=project).select_related("skill"))
    pledged: dict[int, dict[datetime.date, Decimal]] = defaultdict(dict)
    for requirement_id, month, days in RequirementMonth.objects.filter(
        requirement__project=project
    ).values_list("requirement_id", "month", "pledged_days"):
        pledged[requirement_id][month] = days
    return ProjectCoverage(
        requirements=[requirement_coverage(r, pledged.get(r.pk, {})) for r in requirements]
    )


def _requirements_of(project: Project) -> list[ResourceRequirement]:
    # The project page has already loaded them, with their skills: reuse that when it can.
    cached = getattr(project, "_prefetched_objects_cache", {}).get("resource_requirements")
    if cached is not None:
        return list(cached)
    return list(ResourceRequirement.objects.filter(project=project).select_related("skill"))


def project_recruitment(user, project: Project) -> ProjectRecruitment:
    """Participants, coverage and pledges of one project, for its page (3 queries, 4 when
    the project's requirements are not already loaded)."""
    participations = list(
        Participation.objects.filter(project=project).select_related("organisation")
    )
    pledges = list(
        Pledge.objects.filter(requirement__project=project)
        .select_related("organisation", "person", "skill", "requirement__skill")
        .prefetch_related("adjustments")
        .order_by("status", "requirement__order", "requirement_id", "organisation__name", "id")
    )
    # Coverage from the pledges just loaded: the same sums the services keep in
    # RequirementMonth, without another query.
    per_requirement: dict[int, list] = defaultdict(list)
    for pledge in pledges:
        if pledge.is_active:
            per_requirement[pledge.requirement_id].append(
                pledge_days_by_month(
                    pledge.start_month,
                    pledge.end_month,
                    pledge.days_per_month,
                    {a.month: a.days for a in pledge.adjustments.all()},
                )
            )
    coverage = ProjectCoverage(
        requirements=[
            requirement_coverage(r, sum_by_month(per_requirement.get(r.pk, [])))
            for r in _requirements_of(project)
        ]
    )
    own = None
    organisation_id = getattr(user, "organisation_id", None)
    if organisation_id:
        own = next((p for p in participations if p.organisation_id == organisation_id), None)
    return ProjectRecruitment(
        project=project,
        participations=participations,
        coverage=coverage,
        pledges=pledges,
        own_participation=own,
        can_act=permissions.can_act_for_an_organisation(user),
        show_people=permissions.can_see_pledged_people(user, project),
        accepting=project.stage not in (Stage.CLOSED, Stage.CANCELLED),
    )


def pledge_detail(user, pledge_id: int) -> Pledge:
    """One pledge with its need, project and adjustments; 404 when its project is hidden."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Pledge.objects.select_related(
            "organisation",
            "person",
            "skill",
            "requirement__skill",
            "requirement__project__project_lead",
            "created_by",
        )
        .prefetch_related("adjustments")
        .filter(requirement__project__in=_visible_projects(user)),
        pk=pledge_id,
    )


def pledge_history(pledge: Pledge) -> list[dict]:
    """Readable changes to a pledge, newest first (2 queries)."""
    from heartbeat.core.formatting import uk_month

    def who(record) -> str:
        if record.person_id:
            return record.person.display_name if record.person else "A named person"
        return record.capacity_label or "Unnamed capacity"

    def shown(record, name):
        value = getattr(record, name)
        if name == "level":
            return SkillLevel(value).label if value in SkillLevel.values else value
        if name == "status":
            return PledgeStatus(value).label if value in PledgeStatus.values else value
        if name in ("start_month", "end_month"):
            return uk_month(value)
        return value

    labels = {
        "level": "Level",
        "days_per_month": "Days per month",
        "start_month": "First month",
        "end_month": "Last month",
        "status": "Status",
        "withdrawn_reason": "Reason for withdrawing",
        "notes": "Notes",
    }
    records = list(
        pledge.history.select_related("history_user", "person").order_by("history_date", "pk")
    )
    entries = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            if who(previous) != who(record):
                changes.append(("Who", who(previous), who(record)))
            changes += [
                (label, shown(previous, name), shown(record, name))
                for name, label in labels.items()
                if getattr(previous, name) != getattr(record, name)
            ]
        entries.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "what": "Pledged" if record.history_type == "+" else "Changed",
                "changes": changes,
            }
        )
        previous = record
    return list(reversed(entries))


def participation_history(participation: Participation | None) -> list[dict]:
    """An organisation's part in a project over time, newest first (1 query)."""
    if participation is None:
        return []
    return [
        {
            "when": record.history_date,
            "who": record.history_user,
            "status": ParticipationStatus(record.status).label,
            "role": record.get_role_display(),
            "reason": record.reason,
        }
        for record in participation.history.select_related("history_user").order_by(
            "-history_date", "-pk"
        )
    ]


# Open needs ------------------------------------------------------------------------------


SORTS = {
    "gap": lambda n: (-n.largest_gap, -n.shortfall_days, n.title, n.pk),
    "shortfall": lambda n: (-n.shortfall_days, n.title, n.pk),
    "start": lambda n: (n.start_month, n.title, n.pk),
    "project": lambda n: (n.title, n.order, n.pk),
}


@dataclass
class NeedFilters:
    skill: Skill | None = None
    level: str = ""
    theme: Theme | None = None
    month: datetime.date | None = None
    sort: str = "gap"

    def as_params(self) -> dict:
        return {
            "skill": self.skill.slug if self.skill else "",
            "level": self.level,
            "theme": self.theme.slug if self.theme else "",
            "month": f"{self.month:%Y-%m}" if self.month else "",
            "sort": self.sort if self.sort != "gap" else "",
        }


def parse_need_filters(params) -> tuple[NeedFilters, list[str]]:
    """Filters from URL parameters; unknown values are dropped and reported."""
    filters, errors = NeedFilters(), []
    skill = (params.get("skill") or "").strip()
    if skill:
        filters.skill = Skill.objects.filter(slug=skill).first()
        if filters.skill is None:
            errors.append(f"There is no skill '{skill}': showing every skill.")
    level = (params.get("level") or "").strip()
    if level:
        if level in SkillLevel.values:
            filters.level = level
        else:
            errors.append(f"'{level}' is not a level: showing every level.")
    theme = (params.get("theme") or "").strip()
    if theme:
        filters.theme = Theme.objects.filter(slug=theme).first()
        if filters.theme is None:
            errors.append(f"There is no theme '{theme}': showing every theme.")
    month = (params.get("month") or "").strip()
    if month:
        filters.month = parse_month(month)
        if filters.month is None:
            errors.append(f"'{month}' is not a month like 2026-07: showing every month.")
    sort = (params.get("sort") or "").strip()
    if sort:
        if sort in SORTS:
            filters.sort = sort
        else:
            errors.append(f"Cannot sort by '{sort}'.")
    return filters, errors


@dataclass
class NeedFigures:
    """A need's coverage from a month on, worked out before its record is loaded."""

    pk: int
    title: str
    order: int
    start_month: datetime.date
    months_open: int
    required_days: Decimal
    covered_days: Decimal
    largest_gap: Decimal

    @property
    def shortfall_days(self) -> Decimal:
        return self.required_days - self.covered_days


class NeedList:
    """Open needs in order, with their figures; a slice loads its records (1 query).

    Behaves enough like a QuerySet for the paginator, the exports and the API.
    """

    def __init__(self, figures: list[NeedFigures]):
        self.figures = figures

    def __len__(self) -> int:
        return len(self.figures)

    def count(self) -> int:
        return len(self.figures)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        chosen = self.figures[index]
        records = ResourceRequirement.objects.select_related("skill", "project__theme").in_bulk(
            [f.pk for f in chosen]
        )
        needs = []
        for figures in chosen:
            need = records[figures.pk]
            need.months_open = figures.months_open
            need.required_days = figures.required_days
            need.covered_days = figures.covered_days
            need.shortfall_days = figures.shortfall_days
            need.largest_gap = figures.largest_gap
            needs.append(need)
        return needs


def open_needs(
    user,
    filters: NeedFilters | None = None,
    *,
    today: datetime.date | None = None,
    skill_ids=None,
    exclude_ids=None,
) -> NeedList:
    """Every need with days still to find from this month on, on projects the person can see,
    in the filters' order (2 queries, 3 with a month; a page of records is 1 more).

    The database sums each need's pledged days by month in one grouped query; the shortfall
    and the largest gap are worked out here, as ``with_coverage`` would."""
    filters = filters or NeedFilters()
    this_month = first_of_month(today or timezone.localdate())
    needs = ResourceRequirement.objects.filter(
        project__stage__in=NEED_STAGES, end_month__gte=this_month
    )
    if not (user is not None and user.is_authenticated):
        needs = needs.filter(project__visibility=Visibility.PUBLIC)
    if filters.skill is not None:
        needs = needs.filter(skill=filters.skill)
    if filters.level:
        needs = needs.filter(level=filters.level)
    if filters.theme is not None:
        needs = needs.filter(project__theme=filters.theme)
    if skill_ids is not None:
        needs = needs.filter(skill_id__in=skill_ids)
    if exclude_ids is not None:
        needs = needs.exclude(pk__in=exclude_ids)
    if filters.month is not None:
        needs = needs.filter(start_month__lte=filters.month, end_month__gte=filters.month)
    key = None
    if exclude_ids is None:
        key = (
            _coverage_fingerprint(),
            this_month,
            bool(user is not None and user.is_authenticated),
            filters.skill.pk if filters.skill else None,
            filters.level,
            filters.theme.pk if filters.theme else None,
            filters.month,
            frozenset(skill_ids) if skill_ids is not None else None,
        )
        cached = _FIGURES.get(key)
        if cached is not None:
            return NeedList(sorted(cached, key=SORTS[filters.sort]))
    figures = _need_figures(needs, this_month, filters.month)
    if key is not None:
        _FIGURES.put(key, figures)
    figures.sort(key=SORTS[filters.sort])
    return NeedList(figures)


def _need_figures(needs, this_month, month) -> list[NeedFigures]:
    """Each candidate need still short of days from ``this_month`` (and in ``month``)."""
    candidates = list(
        needs.values_list(
            "pk", "project__title", "order", "people", "days_per_month", "start_month", "end_month"
        )
    )
    per_month = ExpressionWrapper(
        F("requirement__people") * F("requirement__days_per_month"), output_field=DAYS
    )
    pledged = _pledged_from(needs, this_month, per_month)
    in_month: dict[int, Decimal] = {}
    if month is not None:
        in_month = dict(
            RequirementMonth.objects.filter(requirement__in=needs, month=month).values_list(
                "requirement_id", "pledged_days"
            )
        )
    figures = []
    for pk, title, order, people, days, start, end in candidates:
        need_per_month = people * days
        months_open = months_between(max(start, this_month), end)
        row = pledged.get(pk)
        covered = Decimal(row["covered"]) if row else ZERO
        if row and row["months"] >= months_open:
            largest = need_per_month - min(Decimal(row["fewest"]), need_per_month)
        else:
            largest = need_per_month
        required = need_per_month * months_open
        if required - covered <= EPSILON:
            continue
        if month is not None and need_per_month - in_month.get(pk, ZERO) <= EPSILON:
            continue
        figures.append(
            NeedFigures(
                pk=pk,
                title=title,
                order=order,
                start_month=start,
                months_open=months_open,
                required_days=required.quantize(TENTH),
                covered_days=covered.quantize(TENTH),
                largest_gap=largest.quantize(TENTH),
            )
        )
    return figures


class _FigureCache:
    """The latest open-needs figures per filter, in this process. Each read checks the data's
    fingerprint first, so a pledge or a project saved in another process is never missed."""

    size = 32

    def __init__(self):
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_FIGURES = _FigureCache()


def _coverage_fingerprint() -> tuple:
    """Changes whenever coverage could: the pledge services rewrite RequirementMonth rows
    (new ids), saving a project or its definition bumps its updated_at, and every change to
    a resource requirement (even in the admin) adds a history record (1 query)."""
    from django.db import connection

    from heartbeat.portfolio.models import Project

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    project, months = table(Project), table(RequirementMonth)
    needs, changes = table(ResourceRequirement), table(ResourceRequirement.history.model)
    # Only our own models' table names go into the text; there are no parameters.
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {project}), "  # noqa: S608
        f"(SELECT MAX(updated_at) FROM {project}), "
        f"(SELECT MAX(id) FROM {months}), (SELECT COUNT(*) FROM {months}), "
        f"(SELECT COUNT(*) FROM {needs}), (SELECT MAX(history_id) FROM {changes})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def _pledged_from(needs, this_month, per_month) -> dict[int, dict]:
    """Per need: days pledged from this month to its end, each month capped at what it
    needs (covered), how many months have pledges, and the fewest pledged in one month."""
    rows = (
        RequirementMonth.objects.filter(
            requirement__in=needs,
            month__gte=Greatest(
                F("requirement__start_month"),
                Value(this_month, output_field=DateField()),
                output_field=DateField(),
            ),
            month__lte=F("requirement__end_month"),
        )
        .order_by()
        .values("requirement_id")
        .annotate(
            covered=Sum(Least("pledged_days", per_month, output_field=DAYS)),
            months=Count("pk"),
            fewest=Min("pledged_days"),
        )
    )
    return {row["requirement_id"]: row for row in rows}


NEED_EXPORT_HEADERS = [
    Column("Project"),
    Column("Theme"),
    Column("Skill"),
    Column("Level"),
    Column("People", Kind.INTEGER),
    Column("Days per person per month", Kind.NUMBER),
    Column("First month", Kind.MONTH),
    Column("Last month", Kind.MONTH),
    Column("Months still to run", Kind.INTEGER),
    Column("Days required", Kind.NUMBER),
    Column("Days pledged", Kind.NUMBER),
    Column("Days short", Kind.NUMBER),
    Column("Largest gap in a month", Kind.NUMBER),
    Column("Address", Kind.LINK),
]


def need_export_rows(needs, site_url: str = "") -> list[list]:
    return [
        [
            n.project.title,
            n.project.theme.name,
            n.skill.name,
            n.get_level_display(),
            n.people,
            n.days_per_month,
            n.start_month,
            n.end_month,
            n.months_open,
            n.required_days,
            n.covered_days,
            n.shortfall_days,
            n.largest_gap,
            f"{site_url}{n.project.get_absolute_url()}#coverage",
        ]
        for n in needs
    ]


# Where my council can help ----------------------------------------------------------------


@dataclass
class HelpMatch:
    need: ResourceRequirement
    people: list[UserSkill] = field(default_factory=list)
    pledged_before: bool = False
    pledged_here: bool = False


def matching_skill_ids(organisation) -> tuple[dict[int, list[UserSkill]], set[int]]:
    """Skills of the organisation's people, and skills it has pledged before (2 queries)."""
    people: dict[int, list[UserSkill]] = defaultdict(list)
    for user_skill in UserSkill.objects.filter(
        user__organisation=organisation, user__is_active=True, skill__active=True
    ).select_related("user", "skill"):
        people[user_skill.skill_id].append(user_skill)
    pledged = set(
        Pledge.objects.filter(organisation=organisation).values_list("skill_id", flat=True)
    )
    return people, pledged


def where_to_help(user, organisation, filters: NeedFilters | None = None, *, today=None):
    """Open needs matching the skills of the organisation's people or its past pledges:
    (needs, people's skills by skill id, skill ids pledged before) (3 queries)."""
    people, pledged = matching_skill_ids(organisation)
    needs = open_needs(user, filters, today=today, skill_ids=set(people) | pledged)
    return needs, people, pledged


def help_matches(organisation, needs, people, pledged) -> list[HelpMatch]:
    """Why each need on a page matches, and whether the organisation pledges to it (1 query)."""
    needs = list(needs)
    here = set(
        Pledge.objects.active()
        .filter(organisation=organisation, requirement__in=[n.pk for n in needs])
        .values_list("requirement_id", flat=True)
    )
    return [
        HelpMatch(
            need=n,
            people=people.get(n.skill_id, []),
            pledged_before=n.skill_id in pledged,
            pledged_here=n.pk in here,
        )
        for n in needs
    ]


# Recruiting projects by their largest gap --------------------------------------------------


@dataclass
class ProjectGap:
    slug: str
    title: str
    theme: str
    required: Decimal = ZERO
    covered: Decimal = ZERO
    largest_gap: Decimal = ZERO
    largest_gap_skill: str = ""

    @property
    def url(self) -> str:
        return reverse("portfolio:project_detail", args=[self.slug])

    @property
    def shortfall(self) -> Decimal:
        return self.required - self.covered

    @property
    def percent(self) -> int | None:
        return percent(self.covered, self.required)


PROJECT_SORTS = {
    "gap": lambda g: (-g.largest_gap, -g.shortfall, g.title),
    "coverage": lambda g: (g.percent if g.percent is not None else 101, g.title),
    "shortfall": lambda g: (-g.shortfall, g.title),
    "title": lambda g: (g.title,),
}


def recruiting_projects(user, sort: str = "gap") -> list[ProjectGap]:
    """Projects in the recruiting stage with coverage over their whole period (1 query)."""
    needs = with_coverage(
        ResourceRequirement.objects.filter(
            project__in=_visible_projects(user).filter(stage=Stage.RECRUITING)
        )
    ).values_list(
        "project__slug",
        "project__title",
        "project__theme__name",
        "skill__name",
        "required_days",
        "covered_days",
        "largest_gap",
    )
    gaps: dict[str, ProjectGap] = {}
    for slug, title, theme, skill, required, covered, largest in needs:
        gap = gaps.setdefault(slug, ProjectGap(slug=slug, title=title, theme=theme))
        gap.required += required
        gap.covered += covered
        if largest > gap.largest_gap:
            gap.largest_gap, gap.largest_gap_skill = largest, skill
    return sorted(gaps.values(), key=PROJECT_SORTS.get(sort, PROJECT_SORTS["gap"]))


# Contributions -----------------------------------------------------------------------------


@dataclass
class Contribution:
    organisation_id: int
    name: str
    slug: str
    days_pledged: Decimal
    pledges: int
    projects_joined: int
    projects_interested: int


def contributions() -> list[Contribution]:
    """Each council's active pledges (days, count) and projects joined, plus any other
    organisation that contributes (4 queries)."""
    from heartbeat.partnership.models import Organisation, OrganisationKind

    pledged = {
        row["organisation_id"]: row
        for row in Pledge.objects.active()
        .order_by()
        .values("organisation_id")
        .annotate(days=Sum("total_days"), n=Count("pk"))
    }
    joined: dict[int, int] = defaultdict(int)
    interested: dict[int, int] = defaultdict(int)
    for organisation_id, status, n in (
        Participation.objects.filter(status__in=(*JOINED_STATUSES, ParticipationStatus.INTERESTED))
        .order_by()
        .values_list("organisation_id", "status")
        .annotate(n=Count("pk"))
    ):
        if status == ParticipationStatus.INTERESTED:
            interested[organisation_id] += n
        else:
            joined[organisation_id] += n
    contributing = set(pledged) | set(joined) | set(interested)
    organisations = (
        Organisation.objects.exclude(kind=OrganisationKind.DIGITAL_OFFICE)
        .filter(Q(kind=OrganisationKind.LOCAL_AUTHORITY, active=True) | Q(pk__in=contributing))
        .order_by("name")
        .values_list("pk", "name", "slug")
    )
    return [
        Contribution(
            organisation_id=pk,
            name=name,
            slug=slug,
            days_pledged=Decimal(pledged[pk]["days"] if pk in pledged else 0).quantize(TENTH),
            pledges=pledged[pk]["n"] if pk in pledged else 0,
            projects_joined=joined[pk],
            projects_interested=interested[pk],
        )
        for pk, name, slug in organisations
    ]


CONTRIBUTION_EXPORT_HEADERS = [
    Column("Organisation"),
    Column("Days pledged", Kind.NUMBER),
    Column("Active pledges", Kind.INTEGER),
    Column("Projects joined", Kind.INTEGER),
    Column("Projects interested in", Kind.INTEGER),
    Column("Page", Kind.LINK),
]


def contribution_export_rows(rows: list[Contribution]) -> list[list]:
    return [
        [
            r.name,
            r.days_pledged,
            r.pledges,
            r.projects_joined,
            r.projects_interested,
            reverse("partnership:organisation_detail", args=[r.slug]),
        ]
        for r in rows
    ]


# Organisation capacity ---------------------------------------------------------------------


@dataclass
class CapacityMonth:
    month: datetime.date
    declared: Decimal | None
    pledged: Decimal

    @property
    def remaining(self) -> Decimal | None:
        return None if self.declared is None else self.declared - self.pledged

    @property
    def over(self) -> bool:
        return self.declared is not None and self.pledged > self.declared


@dataclass
class CapacityView:
    organisation: object
    months: list[CapacityMonth]
    declarations: list[OrganisationCapacity]

    @property
    def over_months(self) -> list[CapacityMonth]:
        return [m for m in self.months if m.over]


def organisation_capacity(
    organisation, *, from_month: datetime.date | None = None, months: int = 12
) -> CapacityView:
    """Declared against pledged days for each of ``months`` months (3 queries)."""
    start = first_of_month(from_month or timezone.localdate())
    end = add_months(start, months - 1)
    declarations = list(
        OrganisationCapacity.objects.filter(organisation=organisation).select_related("declared_by")
    )
    pledged: dict[datetime.date, Decimal] = defaultdict(lambda: ZERO)
    pledges = (
        Pledge.objects.active()
        .filter(organisation=organisation, start_month__lte=end, end_month__gte=start)
        .prefetch_related("adjustments")
    )
    for pledge in pledges:
        adjustments = {a.month: a.days for a in pledge.adjustments.all()}
        days = pledge_days_by_month(
            pledge.start_month, pledge.end_month, pledge.days_per_month, adjustments
        )
        for month, value in days.items():
            pledged[month] += value
    rows = []
    for month in month_range(start, end):
        declared = next(
            (d.days_per_month for d in declarations if d.start_month <= month <= d.end_month),
            None,
        )
        rows.append(CapacityMonth(month=month, declared=declared, pledged=pledged[month]))
    return CapacityView(organisation=organisation, months=rows, declarations=declarations)


def own_pledges(organisation) -> list[Pledge]:
    """An organisation's pledges, active first, with their needs and projects (2 queries)."""
    return list(
        Pledge.objects.filter(organisation=organisation)
        .select_related("requirement__project", "requirement__skill", "person")
        .prefetch_related("adjustments")
        .order_by("status", "-start_month", "id")
    )
