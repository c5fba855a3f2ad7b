"""Reads for the accounts pages and API: each returns what one screen needs."""

from django.db.models import QuerySet

from heartbeat.accounts.models import ApiToken, Invitation, InvitationStatus, User
from heartbeat.core.exceptions import ApplicationError, NotFound
from heartbeat.partnership.models import Organisation

ASK_FOR_NEW = "Ask the Digital Office for a new invitation."


def invitation_list(*, status: str | None = None) -> QuerySet[Invitation]:
    """Invitations, newest first, optionally with one status (pending, accepted, ...)."""
    invitations = Invitation.objects.select_related("organisation", "invited_by")
    if status:
        invitations = invitations.with_status(status)
    return invitations.order_by("-created_at", "-pk")


def invitation_get_usable(*, raw_token: str, for_update: bool = False) -> Invitation:
    """The invitation behind a link, if the link still works; otherwise say why not.

    An unknown link is 404; a link that was used, revoked or has expired is 410 (gone).
    """
    invitations = Invitation.objects.select_related("organisation")
    if for_update:
        invitations = invitations.select_for_update()
    invitation = invitations.filter(token_hash=Invitation.hash_token(raw_token)).first()
    if invitation is None:
        raise NotFound(
            "This invitation link is not valid. Check you copied all of it from the email, "
            "or ask the Digital Office for a new invitation.",
            code="invitation_not_found",
        )
    messages = {
        InvitationStatus.ACCEPTED: (
            "invitation_used",
            "This invitation link has already been used. If it was you, sign in with your "
            "email address and password; otherwise ask the Digital Office for a new invitation.",
        ),
        InvitationStatus.REVOKED: (
            "invitation_revoked",
            f"This invitation has been withdrawn. {ASK_FOR_NEW}",
        ),
        InvitationStatus.EXPIRED: (
            "invitation_expired",
            f"This invitation link has expired. {ASK_FOR_NEW}",
        ),
    }
    problem = messages.get(invitation.status_code)
    if problem:
        code, message = problem
        raise ApplicationError(message, code=code, status=410)
    return invitation


def api_token_list(*, user: User) -> QuerySet[ApiToken]:
    """A person's own access tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def organisation_choices() -> QuerySet[Organisation]:
    """The organisations a person can be invited to."""
    return Organisation.objects.active().order_by("name")


def user_with_organisation(*, user: User) -> User:
    return User.objects.select_related("organisation").get(pk=user.pk)
