"""Projects API: the catalogue, a project's definition, create, update and stage moves.

The endpoints call the same selectors and services as the pages, so they have the same
rules and permissions. Records are named by slug (themes, organisations, skills,
projects); people by id. Endpoints live in the modules of this package, on one ``router``.
"""

from heartbeat.portfolio.api.base import MAX_LIMIT, ErrorOut, PersonRef, Ref, router
from heartbeat.portfolio.api.projects import (
    project_create,
    project_get,
    project_list,
    project_transition,
    project_update,
)
from heartbeat.portfolio.api.schemas import (
    CatalogueQuery,
    ChecklistItemOut,
    MoveOut,
    ProductIn,
    ProductOut,
    ProjectIn,
    ProjectOut,
    ProjectPageOut,
    ProjectSummaryOut,
    ProjectUpdateIn,
    RequirementIn,
    RequirementOut,
    ResourceIn,
    ResourceOut,
    TextItemIn,
    TextItemOut,
    ThemeOut,
    TransitionIn,
    TransitionOut,
)
from heartbeat.portfolio.api.themes import theme_list

__all__ = [
    "router",
    "MAX_LIMIT",
    "ErrorOut",
    "Ref",
    "PersonRef",
    "ProjectSummaryOut",
    "ProjectPageOut",
    "TextItemOut",
    "RequirementOut",
    "ProductOut",
    "ResourceOut",
    "ChecklistItemOut",
    "MoveOut",
    "TransitionOut",
    "ProjectOut",
    "ThemeOut",
    "CatalogueQuery",
    "TextItemIn",
    "RequirementIn",
    "ProductIn",
    "ResourceIn",
    "ProjectIn",
    "ProjectUpdateIn",
    "TransitionIn",
    "project_list",
    "project_get",
    "project_create",
    "project_update",
    "project_transition",
    "theme_list",
]
