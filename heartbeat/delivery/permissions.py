"""Who may do what with updates, milestones, the RAID log, settings and reports.

Every check about delivery lives here. The project's lead and the programme office keep a
project's delivery records; signed-in members read them (visitors read the updates and
milestones of public projects, never the RAID log); the programme office sets the rules.
"""

from heartbeat.portfolio.models import Project
from heartbeat.portfolio.permissions import can_view_project, is_lead_of, is_programme_office


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def can_view_updates(user, project: Project) -> bool:
    return can_view_project(user, project)


def can_view_raid(user, project: Project) -> bool:
    """Risks and issues are for the partnership, never the public register."""
    return _signed_in(user) and can_view_project(user, project)


def can_report_on(user, project: Project) -> bool:
    """Write updates, keep milestones and the RAID log: the project's lead or the office."""
    return is_programme_office(user) or is_lead_of(user, project)


def can_change_baseline(user, project: Project, *, has_baseline: bool) -> bool:
    """Set a missing baseline: the lead or the office; move an existing one: the office."""
    if has_baseline:
        return is_programme_office(user)
    return can_report_on(user, project)


def can_view_dashboard(user) -> bool:
    return _signed_in(user)


def can_manage_settings(user) -> bool:
    return is_programme_office(user)


def can_set_project_cadence(user) -> bool:
    return is_programme_office(user)


def can_request_report(user) -> bool:
    return _signed_in(user)


def can_view_report(user, report) -> bool:
    return is_programme_office(user) or (
        _signed_in(user)
        and report.requested_by_id is not None
        and report.requested_by_id == user.pk
    )


def can_view_status_report(user, project: Project) -> bool:
    return can_view_raid(user, project)
