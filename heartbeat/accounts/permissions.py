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
