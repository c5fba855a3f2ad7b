"""What the delivery pages share: the project they are about, and putting a service's
error on the field it names."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError
from heartbeat.delivery import permissions
from heartbeat.delivery.selectors.project import project_for

# Service field names that the forms call something else.
FIELD_ALIASES = {
    "new_risk-title": "risk_title",
    "new_risk-likelihood": "risk_likelihood",
    "new_risk-impact": "risk_impact",
    "new_risk-owner": "risk_owner",
    "new_risk-mitigation": "risk_mitigation",
    "new_risk-kind": "risk_title",
}


def reporting_project(request, slug: str):
    """A project whose delivery records this person keeps; 403 for anyone else."""
    project = project_for(request.user, slug)
    if not permissions.can_report_on(request.user, project):
        raise DjangoPermissionDenied(
            "Only the project's lead or the programme office can change its delivery records."
        )
    return project


def attach_error(
    form, error: ApplicationError, anchor: str = "#main-content"
) -> list[tuple[str, str]]:
    """Put the error on its field; return error-summary entries for what has no field.

    A conflict with an existing record links to that record."""
    if error.extra.get("existing_url"):
        return [(error.message, error.extra["existing_url"])]
    name = error.field or ""
    name = FIELD_ALIASES.get(name, name)
    if name.startswith("milestone-"):
        name = "milestone_" + name.removeprefix("milestone-")
    if name and name in form.fields and not form.fields[name].widget.is_hidden:
        form.add_error(name, error.message)
        return []
    return [(error.message, anchor)]


def project_breadcrumbs(project, *trail) -> list:
    return [
        ("Home", reverse("core:home")),
        ("Projects", reverse("portfolio:project_list")),
        (project.title, project.get_absolute_url()),
        *trail,
    ]


def error_status(error: ApplicationError) -> int:
    return error.status if 400 <= error.status < 500 else 400
