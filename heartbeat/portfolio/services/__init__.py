"""Writes to the work programme: themes, projects with their definitions, and stage moves.

``actor`` is the person acting; ``None`` means Heartbeat itself (the demo loader, the
generator, an importer), which is not subject to a person's permissions. The actor is
recorded in every record's history.

The services live in the modules of this package; import them from here.
"""

from heartbeat.portfolio.services.base import (
    COLOUR_RE,
    MAX_DAYS_PER_MONTH,
    PROJECT_FIELDS,
    RESERVED_SLUGS,
    SLUG_BASE_LENGTH,
)
from heartbeat.portfolio.services.lifecycle import MOVE_PHRASES, project_transition
from heartbeat.portfolio.services.projects import project_create, project_update
from heartbeat.portfolio.services.themes import (
    THEME_FIELDS,
    sub_area_create,
    theme_create,
    theme_update,
)

__all__ = [
    "RESERVED_SLUGS",
    "SLUG_BASE_LENGTH",
    "MAX_DAYS_PER_MONTH",
    "COLOUR_RE",
    "PROJECT_FIELDS",
    "project_create",
    "project_update",
    "MOVE_PHRASES",
    "project_transition",
    "THEME_FIELDS",
    "theme_create",
    "theme_update",
    "sub_area_create",
]
