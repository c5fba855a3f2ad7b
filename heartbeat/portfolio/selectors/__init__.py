"""Reads of the work programme, each in a fixed number of queries.

The selectors live in the modules of this package; import them from here.
"""

from heartbeat.portfolio.selectors.catalogue import (
    EXPORT_HEADERS,
    SORT_OPTIONS,
    SORTS,
    STAGE_ORDER,
    CatalogueFilters,
    CatalogueOptions,
    catalogue_export_rows,
    catalogue_options,
    catalogue_page_rows,
    parse_catalogue_filters,
    project_catalogue,
)
from heartbeat.portfolio.selectors.history import (
    CHOICES,
    PROJECT_HISTORY_FIELDS,
    ROW_HISTORY,
    FieldChange,
    HistoryEntry,
    project_history,
)
from heartbeat.portfolio.selectors.programme import ThemeOverview, programme_overview
from heartbeat.portfolio.selectors.project import (
    allowed_moves,
    project_detail,
    project_heading,
    project_to_input,
)

__all__ = [
    "STAGE_ORDER",
    "SORT_OPTIONS",
    "SORTS",
    "CatalogueFilters",
    "parse_catalogue_filters",
    "project_catalogue",
    "CatalogueOptions",
    "catalogue_page_rows",
    "catalogue_options",
    "EXPORT_HEADERS",
    "catalogue_export_rows",
    "ThemeOverview",
    "programme_overview",
    "project_heading",
    "project_detail",
    "allowed_moves",
    "project_to_input",
    "FieldChange",
    "HistoryEntry",
    "PROJECT_HISTORY_FIELDS",
    "ROW_HISTORY",
    "CHOICES",
    "project_history",
]
