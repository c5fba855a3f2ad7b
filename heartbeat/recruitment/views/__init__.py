"""Recruitment pages: open needs, where my council can help, recruiting projects,
contributions, capacity, participation and pledges.

The views live in the modules of this package; import them from here.
"""

from heartbeat.recruitment.views.base import CHART_COLOUR, CHART_COLOUR_2, CHART_LIMIT, PER_PAGE
from heartbeat.recruitment.views.capacity import capacity, capacity_edit, capacity_remove
from heartbeat.recruitment.views.needs import (
    contributions,
    open_needs,
    recruiting_projects,
    where_to_help,
)
from heartbeat.recruitment.views.participation import participation
from heartbeat.recruitment.views.pledges import (
    pledge_create,
    pledge_detail,
    pledge_edit,
    pledge_withdraw,
)

__all__ = [
    "PER_PAGE",
    "CHART_COLOUR",
    "CHART_COLOUR_2",
    "CHART_LIMIT",
    "open_needs",
    "where_to_help",
    "recruiting_projects",
    "contributions",
    "capacity",
    "capacity_edit",
    "capacity_remove",
    "participation",
    "pledge_create",
    "pledge_detail",
    "pledge_edit",
    "pledge_withdraw",
]
