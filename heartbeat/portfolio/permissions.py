"""Who may do what with projects. Every check about projects lives here."""

from heartbeat.portfolio.models import Project
from heartbeat.portfolio.rules import Move


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def is_programme_office(user) -> bool:
    return _signed_in(user) and bool(user.is_programme_office)


def can_view_project(user, project: Project) -> bool:
    """The visibility rule (``models.visibilities_for``), for a project already loaded."""
    return project.is_visible_to(user)


def can_create_project(user) -> bool:
    """The programme office, project leads and organisation leads may propose projects."""
    return _signed_in(user) and bool(
        user.is_programme_office or user.is_project_lead or user.is_organisation_lead
    )


def is_lead_of(user, project: Project) -> bool:
    return _signed_in(user) and project.project_lead_id == user.pk


def can_edit_project(user, project: Project) -> bool:
    """The programme office, or the project's own lead."""
    return is_programme_office(user) or is_lead_of(user, project)


def can_make_move(user, project: Project, move: Move) -> bool:
    if is_programme_office(user):
        return True
    return move.lead_may and is_lead_of(user, project)


def can_manage_themes(user) -> bool:
    return is_programme_office(user)
