"""Recruitment reads: coverage, open needs, contributions and capacity, each in a fixed number
of queries whatever the number of rows.

Coverage across many needs is worked out by the database from ``RequirementMonth`` (pledged
days per need and month, kept by the pledge services); a single project's coverage is worked
out here from the same rows, month by month, for the heat map. The selectors live in the
modules of this package; import them from here.
"""

from heartbeat.recruitment.selectors.capacity import (
    CapacityMonth,
    CapacityView,
    organisation_capacity,
    own_pledges,
)
from heartbeat.recruitment.selectors.contributions import (
    CONTRIBUTION_EXPORT_HEADERS,
    Contribution,
    contribution_export_rows,
    contributions,
)
from heartbeat.recruitment.selectors.figures import DAYS, EPSILON, NEED_STAGES, TENTH, with_coverage
from heartbeat.recruitment.selectors.help import (
    HelpMatch,
    help_matches,
    matching_skill_ids,
    where_to_help,
)
from heartbeat.recruitment.selectors.needs import (
    NEED_EXPORT_HEADERS,
    SORTS,
    NeedFigures,
    NeedFilters,
    NeedList,
    need_export_rows,
    open_needs,
    parse_need_filters,
)
from heartbeat.recruitment.selectors.project import (
    ProjectRecruitment,
    participation_history,
    pledge_detail,
    pledge_history,
    project_coverage,
    project_recruitment,
)
from heartbeat.recruitment.selectors.recruiting import (
    PROJECT_SORTS,
    ProjectGap,
    recruiting_projects,
)

__all__ = [
    "NEED_STAGES",
    "DAYS",
    "EPSILON",
    "TENTH",
    "with_coverage",
    "ProjectRecruitment",
    "project_coverage",
    "project_recruitment",
    "pledge_detail",
    "pledge_history",
    "participation_history",
    "SORTS",
    "NeedFilters",
    "parse_need_filters",
    "NeedFigures",
    "NeedList",
    "open_needs",
    "NEED_EXPORT_HEADERS",
    "need_export_rows",
    "HelpMatch",
    "matching_skill_ids",
    "where_to_help",
    "help_matches",
    "ProjectGap",
    "PROJECT_SORTS",
    "recruiting_projects",
    "Contribution",
    "contributions",
    "CONTRIBUTION_EXPORT_HEADERS",
    "contribution_export_rows",
    "CapacityMonth",
    "CapacityView",
    "organisation_capacity",
    "own_pledges",
]
