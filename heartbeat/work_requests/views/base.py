"""What the work request pages share: tag colours, permission refusals and errors."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError
from heartbeat.work_requests.models import (
    URGENCY_HINTS,
    State,
)

PER_PAGE = 25

# The design system's tag colours, one per state.
STATE_COLOURS = {
    State.SUBMITTED: "grey",
    State.UNDER_REVIEW: "blue",
    State.ACCEPTED: "green",
    State.DECLINED: "red",
    State.DUPLICATE: "purple",
}
URGENCY_COLOURS = {"low": "grey", "medium": "blue", "high": "orange", "critical": "red"}


def require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise DjangoPermissionDenied(message)


def common(**context) -> dict:
    return {
        "state_colours": STATE_COLOURS,
        "urgency_colours": URGENCY_COLOURS,
        "urgency_hints": URGENCY_HINTS,
        **context,
    }


def show_error(form, error: ApplicationError, field: str | None = None) -> None:
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def breadcrumbs(*items) -> list:
    return [
        ("Home", reverse("core:home")),
        ("Work requests", reverse("work_requests:list")),
        *items,
    ]
