"""What governance's pages share: breadcrumbs, tag colours, and putting a service's
refusal on the form that caused it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, Conflict
from heartbeat.core.exceptions import PermissionDenied as Refused
from heartbeat.core.exports import EXPORT_FORMATS
from heartbeat.core.formatting import uk_date
from heartbeat.governance import permissions

OUTCOME_COLOURS = {"approved": "green", "rejected": "red", "deferred": "orange"}
MEETING_COLOURS = {"scheduled": "blue", "held": "green", "cancelled": "grey"}
ACTION_COLOURS = {"open": "orange", "done": "green"}
ATTENDANCE_LABELS = {"present": "Present", "apologies": "Apologies", "absent": "Absent", "": ""}


def common(**context) -> dict:
    return {
        "outcome_colours": OUTCOME_COLOURS,
        "meeting_colours": MEETING_COLOURS,
        "action_colours": ACTION_COLOURS,
        "attendance_labels": ATTENDANCE_LABELS,
        **context,
    }


def crumbs(*items) -> list:
    return [("Home", reverse("core:home")), ("Governance", reverse("governance:index")), *items]


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise DjangoPermissionDenied(message)


def export_format(request) -> str | None:
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def site(request) -> str:
    return request.build_absolute_uri("/")[:-1]


def show_error(form, error: ApplicationError, aliases: dict | None = None) -> int:
    """Put a service's refusal on the form (next to its field when it names one) and return
    the status to answer with. A refusal of permission becomes a 403 page."""
    if isinstance(error, Refused):
        raise DjangoPermissionDenied(error.message) from error
    name = (aliases or {}).get(error.field, error.field)
    form.add_error(name if name in form.fields else None, error.message)
    return error.status if 400 <= error.status < 500 else 400


def keep_input_after_conflict(form_class, request, error: Conflict, **kwargs):
    """The form again with everything the person typed, at the version now saved, so
    saving again keeps theirs once they have looked at the other change."""
    data = request.POST.copy()
    data["version"] = str(error.extra.get("current_version", ""))
    form = form_class(data, request.FILES or None, **kwargs)
    form.is_valid()
    form.add_error(None, error.message)
    return form


def require_board(request, board) -> None:
    require(
        permissions.can_act_for_board(request.user, board),
        f"Only the {board.name}'s members and the programme office can do this.",
    )


def meeting_crumbs(meeting, *more):
    return crumbs(
        (meeting.board.name, meeting.board.get_absolute_url()),
        (f"Meeting of {uk_date(meeting.starts_at)}", meeting.get_absolute_url()),
        *more,
    )
