"""What every delivery service shares: permission checks, and text and dates bounded the
same way as the forms, the API schemas and the database."""

from __future__ import annotations

import datetime

from django.utils import timezone

from heartbeat.core.exceptions import InvalidInput, NotFound, PermissionDenied
from heartbeat.delivery import permissions
from heartbeat.delivery.cadence import EARLIEST, LATEST
from heartbeat.portfolio.permissions import can_view_project


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def require_reporter(actor, project) -> None:
    """The actor may keep this project's delivery records (None: Heartbeat itself)."""
    if actor is None:
        return
    if not can_view_project(actor, project):
        raise NotFound("That project does not exist, or you cannot see it.")
    require(
        permissions.can_report_on(actor, project),
        "Only the project's lead or the programme office can do that.",
    )


def text(
    value: str | None,
    *,
    field: str,
    label: str,
    max_length: int,
    required: bool = False,
    single_line: bool = False,
    missing: str = "",
) -> str:
    """Trimmed text within its bounds; a clear message otherwise."""
    cleaned = (value or "").strip()
    if "\x00" in cleaned:
        raise InvalidInput(
            f"{label} contains a character that cannot be stored (NUL).", field=field
        )
    if single_line:
        cleaned = " ".join(cleaned.split())
    if required and not cleaned:
        raise InvalidInput(missing or f"Enter {label[0].lower()}{label[1:]}.", field=field)
    if len(cleaned) > max_length:
        raise InvalidInput(
            f"{label} must be {max_length:,} characters or fewer (it has {len(cleaned):,}).",
            field=field,
        )
    return cleaned


def date_in_range(value: datetime.date | None, *, field: str, label: str) -> datetime.date | None:
    if value is None:
        return None
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(
            f"{label} must be between {EARLIEST.year} and {LATEST.year}.", field=field
        )
    return value


def today() -> datetime.date:
    return timezone.localdate()


def acting_user(actor):
    return actor if actor is not None and actor.is_authenticated else None
