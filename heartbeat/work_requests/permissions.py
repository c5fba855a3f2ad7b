"""Who may do what with work requests. Every check about requests lives here.

Requests are shared with every signed-in member of the partnership. A council's people raise
requests for their own council and support other councils' requests; the programme office
triages them, so it neither raises nor supports any itself.
"""

from heartbeat.portfolio.permissions import is_programme_office
from heartbeat.work_requests.models import OPEN_STATES, State


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def _member(user) -> bool:
    """A signed-in person of a member organisation, other than the programme office."""
    return _signed_in(user) and user.organisation_id is not None and not is_programme_office(user)


def can_view_requests(user) -> bool:
    return _signed_in(user)


def can_view_request(user, work_request) -> bool:
    return _signed_in(user)


def can_raise(user) -> bool:
    """An organisation lead or member raises a request for their own organisation."""
    return _member(user)


def _speaks_for_requester(user, work_request) -> bool:
    """The person who raised it, or an organisation lead of the requesting organisation."""
    if not _signed_in(user) or user.organisation_id != work_request.organisation_id:
        return False
    return bool(user.is_organisation_lead) or work_request.raised_by_id == user.pk


def can_edit(user, work_request) -> bool:
    """Until it is decided: its requester's side, or the programme office."""
    if work_request.state not in OPEN_STATES:
        return False
    return is_programme_office(user) or _speaks_for_requester(user, work_request)


def can_add_attachment(user, work_request) -> bool:
    return can_edit(user, work_request)


def can_remove_attachment(user, attachment) -> bool:
    return can_edit(user, attachment.work_request)


def can_view_attachment(user, work_request) -> bool:
    return can_view_request(user, work_request)


def can_support(user, work_request) -> bool:
    """A member of another organisation, while the request is still to be decided."""
    return (
        _member(user)
        and user.organisation_id != work_request.organisation_id
        and work_request.state in OPEN_STATES
    )


def can_withdraw_support(user, support) -> bool:
    """The person who gave it, an organisation lead of the supporting organisation, or the
    programme office, while the request is still to be decided."""
    if support.work_request.state not in OPEN_STATES:
        return False
    if is_programme_office(user):
        return True
    if not _signed_in(user) or user.organisation_id != support.organisation_id:
        return False
    return bool(user.is_organisation_lead) or support.supported_by_id == user.pk


def can_comment(user, work_request) -> bool:
    return _signed_in(user)


def can_triage(user) -> bool:
    return is_programme_office(user)


def can_link_project(user, work_request) -> bool:
    """An accepted request still waiting for its project."""
    return (
        is_programme_office(user)
        and work_request.state == State.ACCEPTED
        and work_request.project_id is None
    )


def can_export(user) -> bool:
    return _signed_in(user)
