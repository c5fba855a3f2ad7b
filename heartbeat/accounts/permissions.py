"""Who may do what with accounts, invitations and access tokens: the one place to ask."""

from heartbeat.accounts.models import ApiToken, Invitation, User


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_programme_office(user) -> bool:
    return _signed_in(user) and bool(user.is_programme_office)


def can_invite(user) -> bool:
    """Only the programme office invites people to join."""
    return is_programme_office(user)


def can_view_invitations(user) -> bool:
    return is_programme_office(user)


def can_revoke_invitation(user, invitation: Invitation) -> bool:
    return is_programme_office(user)


def can_set_roles(user, target: User) -> bool:
    return is_programme_office(user)


def can_edit_profile(user, target: User) -> bool:
    """People edit their own name and job title."""
    return _signed_in(user) and user.pk == target.pk


def can_create_token(user) -> bool:
    return _signed_in(user)


def can_manage_tokens(user, token: ApiToken) -> bool:
    """A personal access token belongs to one person: only they may revoke it."""
    return _signed_in(user) and token.user_id == user.pk


# People administration and people's pages -------------------------------------------------


def can_manage_people(user) -> bool:
    """Changing roles, moving people between organisations, deactivating and reactivating
    accounts: the programme office's job."""
    return is_programme_office(user)


def can_view_people_list(user) -> bool:
    """The list of every account, with filters and exports, is the programme office's."""
    return is_programme_office(user)


def can_view_person(user, target: User) -> bool:
    """Signed-in members see the people of the partnership, as on organisation pages; a
    leaver's page is for the programme office and their own organisation's leads, who
    reassign their pledges."""
    if not _signed_in(user):
        return False
    if user.is_programme_office or user.pk == target.pk:
        return True
    if not target.is_active:
        return bool(
            user.is_organisation_lead
            and target.organisation_id is not None
            and user.organisation_id == target.organisation_id
        )
    return user.organisation_id is not None


def can_see_contact(user, target: User) -> bool:
    """A person's email address: for themselves, their organisation and the programme office."""
    if not _signed_in(user):
        return False
    return bool(
        user.is_programme_office
        or user.pk == target.pk
        or (target.organisation_id is not None and user.organisation_id == target.organisation_id)
    )


def can_see_person_history(user, target: User) -> bool:
    """Who changed a person's account and why: the programme office, and the person."""
    return is_programme_office(user) or (_signed_in(user) and user.pk == target.pk)
