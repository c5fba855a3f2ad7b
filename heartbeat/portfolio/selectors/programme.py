"""The programme page: themes with their projects and counts by stage."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from heartbeat.portfolio.models import Project, Stage, SubArea, Theme

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
