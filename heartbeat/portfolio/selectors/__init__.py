"""Reads of the work programme, each in a fixed number of queries.

The selectors live in the modules of this package; import them from here.
"""

from heartbeat.core.history import FieldChange, HistoryEntry
from heartbeat.portfolio.selectors.catalogue import (
    EXPORT_HEADERS,
    SORT_OPTIONS,
    SORTS,
    STAGE_ORDER,
    CatalogueFilters,
    CatalogueOptions,
    RankedRows,
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
    project_history,
)
from heartbeat.portfolio.selectors.programme import ThemeOverview, programme_overview
from heartbeat.portfolio.selectors.project import (
    BaselineView,
    ResourceRow,
    ResourceTotals,
    allowed_moves,
    project_baseline,
    project_detail,
    project_heading,
    project_lead_candidates,
    project_to_input,
    resource_totals,
)

__all__ = [
    "STAGE_ORDER",
    "SORT_OPTIONS",
    "SORTS",
    "CatalogueFilters",
    "parse_catalogue_filters",
    "project_catalogue",
    "CatalogueOptions",
    "RankedRows",
    "catalogue_page_rows",
    "catalogue_options",
    "EXPORT_HEADERS",
    "catalogue_export_rows",
    "PROJECT_HISTORY_FIELDS",
    "ROW_HISTORY",
    "CHOICES",
    "project_history",
    "ThemeOverview",
    "programme_overview",
    "project_heading",
    "project_detail",
    "BaselineView",
    "project_baseline",
    "allowed_moves",
    "project_to_input",
    "ResourceRow",
    "ResourceTotals",
    "resource_totals",
    "project_lead_candidates",
    "FieldChange",
    "HistoryEntry",
]
