"""Open needs: every need with days still to find, filtered, sorted and exported."""

from __future__ import annotations

import datetime
import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DateField, ExpressionWrapper, F, Min, Sum, Value
from django.db.models.functions import Greatest, Least
from django.utils import timezone

from heartbeat.core.months import first_of_month, months_between, parse_month
from heartbeat.portfolio.models import ResourceRequirement, Theme, Visibility
from heartbeat.recruitment.coverage import ZERO
from heartbeat.recruitment.models import RequirementMonth
from heartbeat.recruitment.selectors.figures import DAYS, EPSILON, NEED_STAGES, TENTH
from heartbeat.skills.models import Skill, SkillLevel

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
    "Project",
    "Theme",
    "Skill",
    "Level",
    "People",
    "Days per person per month",
    "First month",
    "Last month",
    "Months still to run",
    "Days required",
    "Days pledged",
    "Days short",
    "Largest gap in a month",
    "Address",
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
            f"{n.start_month:%B %Y}",
            f"{n.end_month:%B %Y}",
            n.months_open,
            n.required_days,
            n.covered_days,
            n.shortfall_days,
            n.largest_gap,
            f"{site_url}{n.project.get_absolute_url()}#coverage",
        ]
        for n in needs
    ]
