"""Helpers the engagement views share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.exports import EXPORT_FORMATS


def require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def show_error(form, error: ApplicationError) -> None:
    """Put a service's refusal on the form, next to its field when it names one."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def wants_export(request) -> str | None:
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def status_for(form) -> int:
    return 422 if form is not None and form.errors else 200
