"""Open needs: every need with days still to find, filtered, sorted and exported."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.exports import Column, Kind
from heartbeat.core.months import first_of_month, parse_month
from heartbeat.portfolio.models import ResourceRequirement, Theme
from heartbeat.recruitment.coverage import ZERO
from heartbeat.recruitment.models import RequirementMonth
from heartbeat.recruitment.selectors.figures import DAYS, EPSILON, with_coverage
from heartbeat.skills.models import Skill, SkillLevel

# Open needs ------------------------------------------------------------------------------


# The open-needs list's orders (database orderings of the annotated needs).
SORTS = {
    "gap": (F("largest_gap").desc(), F("shortfall_days").desc(), "project__title", "pk"),
    "shortfall": (F("shortfall_days").desc(), "project__title", "pk"),
    "start": ("start_month", "project__title", "pk"),
    "project": ("project__title", "order", "pk"),
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


def open_needs(
    user,
    filters: NeedFilters | None = None,
    *,
    today: datetime.date | None = None,
    skill_ids=None,
    exclude_ids=None,
) -> QuerySet:
    """Every need with days still to find from this month on, on projects the person can see
    and that take pledges, in the filters' order: a QuerySet of needs annotated as
    ``with_coverage`` does (counting and a page are 1 query each).

    The database works out each need's coverage from the pledged days by month the pledge
    services keep, with the visibility rule in the same query: nothing is cached, so a
    project made partnership-only, or a pledge saved by another server, shows at once."""
    filters = filters or NeedFilters()
    this_month = first_of_month(today or timezone.localdate())
    needs = (
        ResourceRequirement.objects.visible_to(user)
        .open_to_pledges()
        .filter(end_month__gte=this_month)
    )
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
    needs = with_coverage(needs, from_month=this_month).filter(shortfall_days__gt=EPSILON)
    if filters.month is not None:
        in_month = RequirementMonth.objects.filter(
            requirement=OuterRef("pk"), month=filters.month
        ).values("pledged_days")[:1]
        needs = (
            needs.filter(start_month__lte=filters.month, end_month__gte=filters.month)
            .annotate(
                month_pledged=Coalesce(
                    Subquery(in_month, output_field=DAYS), Value(ZERO), output_field=DAYS
                )
            )
            .filter(per_month__gt=F("month_pledged") + EPSILON)
        )
    return needs.select_related("skill", "project__theme").order_by(*SORTS[filters.sort])


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
    Column("Days covered", Kind.NUMBER),
    Column("Days short", Kind.NUMBER),
    Column("Largest gap in a month", Kind.NUMBER),
    Column("Address", Kind.LINK),
]


def need_export_rows(needs: QuerySet, site_url: str = "") -> Iterator[list]:
    """The open needs' download, read as it is written (the list's one query)."""
    levels = dict(SkillLevel.choices)
    # Every project's page address differs only by its slug.
    page = reverse("portfolio:project_detail", args=["slug"]).removesuffix("slug/")
    rows = needs.values_list(
        "project__title",
        "project__theme__name",
        "skill__name",
        "level",
        "people",
        "days_per_month",
        "start_month",
        "end_month",
        "months_open",
        "required_days",
        "pledged_days",
        "covered_days",
        "shortfall_days",
        "largest_gap",
        "project__slug",
    )
    for *values, slug in rows.iterator(chunk_size=2000):
        values[3] = levels.get(values[3], values[3])
        yield [*values, f"{site_url}{page}{slug}/#coverage"]
