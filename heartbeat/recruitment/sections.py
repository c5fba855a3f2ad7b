"""Recruitment's sections of the project page: participants, and staffing coverage."""

from heartbeat.core.registry import Section
from heartbeat.recruitment import selectors
from heartbeat.recruitment.coverage import COVERAGE_BANDS


def _recruitment(request, project):
    # Both sections draw on the same reads: load them once per request.
    cache = request.__dict__.setdefault("_recruitment_sections", {})
    if project.pk not in cache:
        cache[project.pk] = selectors.project_recruitment(request.user, project)
    return cache[project.pk]


def participants_section(request, project) -> Section:
    return Section(
        key="participants",
        title="Participants",
        template="recruitment/partials/_project_participants.html",
        context={"recruitment": _recruitment(request, project)},
    )


def coverage_section(request, project) -> Section:
    return Section(
        key="coverage",
        title="Staffing coverage",
        template="recruitment/partials/_project_coverage.html",
        context={"recruitment": _recruitment(request, project), "bands": COVERAGE_BANDS},
    )
