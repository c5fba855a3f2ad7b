"""Writes for invitations: invite, withdraw, accept."""

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from heartbeat.accounts import permissions
from heartbeat.accounts.models import ROLE_FIELDS, Invitation, Role, User
from heartbeat.accounts.selectors import invitation_get_usable
from heartbeat.accounts.services.people import clean_roles
from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.partnership.models import Organisation

EMAIL_REGISTERED = "email_registered"


def _normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            "Enter an email address in the correct format, like name@example.gov.uk.",
            field="email",
        ) from None
    return email


def _email_registered(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def _email_registered_error(email: str) -> ApplicationError:
    return ApplicationError(
        f"There is already an account for {email}. They can sign in, or reset their "
        "password from the sign-in page.",
        code=EMAIL_REGISTERED,
        status=409,
        field="email",
    )


def invitation_link(raw_token: str) -> str:
    return settings.SITE_URL + reverse("accounts:invitation_accept", args=[raw_token])


def _send_invitation_email(invitation: Invitation, raw_token: str, inviter_name: str) -> None:
    context = {
        "invitation": invitation,
        "link": invitation_link(raw_token),
        "inviter_name": inviter_name,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    send_mail(
        subject="You are invited to join Heartbeat",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


def invitation_create(
    *,
    actor: User,
    email: str,
    full_name: str,
    organisation: Organisation,
    roles: Iterable[str] = (),
) -> tuple[Invitation, str]:
    """Invite a person to an organisation; return the invitation and its one-time token."""
    if not permissions.can_invite(actor):
        raise PermissionDenied("Only the programme office can invite people.")
    email = _normalise_email(email)
    full_name = (full_name or "").strip()
    if not full_name:
        raise InvalidInput("Enter the person's full name.", field="full_name")
    if organisation is None or not organisation.active:
        raise InvalidInput("Choose an organisation that is a member.", field="organisation")
    roles = clean_roles(roles)
    if _email_registered(email):
        raise _email_registered_error(email)

    now = timezone.now()
    raw_token, token_hash = Invitation.new_token()
    try:
        with transaction.atomic():
            # A new invitation replaces any earlier one still waiting, so only one link works.
            Invitation.objects.pending().filter(email__iexact=email).update(revoked_at=now)
            invitation = Invitation.objects.create(
                email=email,
                full_name=full_name,
                organisation=organisation,
                roles=roles,
                token_hash=token_hash,
                invited_by=actor,
                created_at=now,
                expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
            )
            # The raw token must not reach the database (not even a task queue), so the
            # email is sent from this process once the invitation is committed.
            inviter = actor.display_name
            transaction.on_commit(lambda: _send_invitation_email(invitation, raw_token, inviter))
    except IntegrityError:
        raise ApplicationError(
            f"Someone invited {email} at the same moment. Check the list of invitations.",
            code="edit_conflict",
            status=409,
            field="email",
        ) from None
    return invitation, raw_token


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    """Withdraw an invitation so its link stops working."""
    if not permissions.can_revoke_invitation(actor, invitation):
        raise PermissionDenied("Only the programme office can withdraw invitations.")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ApplicationError(
            f"{invitation.email} has already accepted this invitation, so it cannot be revoked.",
            code="invitation_used",
            status=409,
        )
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def _validate_new_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise InvalidInput(" ".join(error.messages), field="new_password1") from None


@transaction.atomic
def invitation_accept(*, raw_token: str, password: str) -> User:
    """Create the invited person's account with the password they chose."""
    invitation = invitation_get_usable(raw_token=raw_token, for_update=True)
    if _email_registered(invitation.email):
        raise _email_registered_error(invitation.email)
    role_flags = {ROLE_FIELDS[Role(role)]: True for role in invitation.roles if role in Role.values}
    user = User(
        email=invitation.email,
        full_name=invitation.full_name,
        organisation=invitation.organisation,
        **role_flags,
    )
    _validate_new_password(password, user)
    user.set_password(password)
    user._change_reason = "Accepted an invitation"
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user
