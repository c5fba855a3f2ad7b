"""Who may do what with organisations. Every check in the partnership app lives here."""

from heartbeat.partnership.models import Organisation


def _signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_see_people(user, organisation: Organisation) -> bool:
    """Signed-in members (and the programme office) see the people of every organisation."""
    if not _signed_in(user):
        return False
    return bool(user.is_programme_office or user.organisation_id)


def can_see_history(user) -> bool:
    """Who changed what is shared with signed-in people, not published."""
    return _signed_in(user)


def can_edit_organisation(user) -> bool:
    """Only the programme office keeps the register of organisations."""
    return _signed_in(user) and bool(user.is_programme_office)


def can_manage_memberships(user) -> bool:
    """Recording an organisation's decision about a term is the programme office's job."""
    return can_edit_organisation(user)
