"""The work programme's pages: programme, catalogue, project, its forms, moves and PDF.

The views live in the modules of this package; import them from here.
"""

from heartbeat.portfolio.views.base import (
    CATALOGUE_FORMATS,
    HISTORY_ON_PAGE,
    PER_PAGE,
    STAGE_CHART_COLOURS,
    STAGE_COLOURS,
)
from heartbeat.portfolio.views.catalogue import PROJECTS_PER_THEME, programme, project_list
from heartbeat.portfolio.views.edit import project_create, project_edit
from heartbeat.portfolio.views.project import (
    _pdf_context,
    project_detail,
    project_history,
    project_move,
    project_move_confirm,
    project_pdf,
)

__all__ = [
    "PER_PAGE",
    "HISTORY_ON_PAGE",
    "CATALOGUE_FORMATS",
    "STAGE_COLOURS",
    "STAGE_CHART_COLOURS",
    "PROJECTS_PER_THEME",
    "programme",
    "project_list",
    "project_detail",
    "project_history",
    "project_move",
    "project_move_confirm",
    "project_pdf",
    "_pdf_context",
    "project_create",
    "project_edit",
]
