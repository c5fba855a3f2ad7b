"""What every recruitment page shares: refusals, errors on forms, exports and the
organisation a person acts for."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.exports import EXPORT_FORMATS
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.permissions import is_programme_office

PER_PAGE = 25
CHART_COLOUR = "#0065bd"
CHART_COLOUR_2 = "#428542"
# The most organisations a contributions chart shows.
CHART_LIMIT = 40


def _require(allowed: bool) -> None:
    if not allowed:
        raise DjangoPermissionDenied


def _show_error(form, error: ApplicationError, field: str | None = None) -> None:
    """Put a service's refusal on the form, next to its field when it names one."""
    field = field if field is not None else error.field
    form.add_error(field if field in form.fields else None, error.message)


def _wants_export(request) -> str | None:
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def _acting_organisation(request) -> Organisation | None:
    """The organisation a person acts for: their own, or (programme office) the one named
    in ?organisation=."""
    user = request.user
    slug = request.GET.get("organisation") or request.POST.get("organisation")
    if slug and is_programme_office(user):
        return get_object_or_404(Organisation, slug=slug)
    return user.organisation if user.is_authenticated else None


def _organisations_for_office(request) -> list[Organisation]:
    if not is_programme_office(request.user):
        return []
    return list(Organisation.objects.active().only("pk", "name", "slug"))
