"""Helpers every portfolio service shares: permission refusals, error mapping and
saving with history."""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from heartbeat.core.exceptions import InvalidInput, PermissionDenied

# Web addresses the project pages use for themselves: /projects/new/ is the create form.
RESERVED_SLUGS = frozenset({"new"})
SLUG_BASE_LENGTH = 100
MAX_DAYS_PER_MONTH = Decimal("31")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

# The project's own fields that ProjectInput sets (foreign keys by their *_id attribute).
PROJECT_FIELDS = (
    "title",
    "summary",
    "problem",
    "theme_id",
    "sub_area_id",
    "lead_organisation_id",
    "project_lead_id",
    "sponsor",
    "planned_start",
    "planned_end",
    "estimated_cost",
    "visibility",
)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _first_error(error: ValidationError, prefix: str = "") -> InvalidInput:
    field, messages = next(iter(error.message_dict.items()))
    name = None if field == "__all__" else f"{prefix}{field}"
    return InvalidInput(messages[0], field=name)


def _save(instance: models.Model, actor, when: datetime.datetime | None = None) -> None:
    """Save ``instance``, recording ``actor`` and ``when`` in its history.

    A service gives every record it writes the same ``when``, so the project's history
    reads them as one change.
    """
    instance._history_user = actor
    instance._history_date = when or timezone.now()
    instance.save()


def _first_of_month(value: datetime.date) -> datetime.date:
    return value.replace(day=1)
