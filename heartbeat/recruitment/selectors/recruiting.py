"""Recruiting projects by their largest gap."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from heartbeat.portfolio.models import ResourceRequirement, Stage
from heartbeat.recruitment.coverage import ZERO, percent
from heartbeat.recruitment.selectors.figures import _visible_projects, with_coverage

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
