"""Writes for accounts: invitations, profiles, roles and personal access tokens."""

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
from heartbeat.accounts.models import (
    ROLE_FIELDS,
    ApiToken,
    Invitation,
    PasswordResetRequest,
    Role,
    User,
)
from heartbeat.accounts.selectors import invitation_get_usable
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


def _clean_roles(roles: Iterable[str], field: str = "roles") -> list[str]:
    cleaned = []
    for role in roles or ():
        if role not in Role.values:
            raise InvalidInput(
                f"'{role}' is not a role. Choose from the roles listed.", field=field
            )
        if role not in cleaned:
            cleaned.append(str(role))
    # Keep the order of the Role choices, so records read the same way everywhere.
    return [role for role in Role.values if role in cleaned]


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
    roles = _clean_roles(roles)
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


@transaction.atomic
def user_update_profile(*, actor: User, user: User, full_name: str, job_title: str = "") -> User:
    """Change a person's own name and job title."""
    if not permissions.can_edit_profile(actor, user):
        raise PermissionDenied("You can only change your own profile.")
    full_name = (full_name or "").strip()
    job_title = (job_title or "").strip()
    if not full_name:
        raise InvalidInput("Enter your full name.", field="full_name")
    user.full_name = full_name
    user.job_title = job_title
    user._history_user = actor
    user.save(update_fields=["full_name", "job_title"])
    return user


@transaction.atomic
def user_set_roles(*, actor: User, user: User, roles: Iterable[str]) -> User:
    """Give a person exactly these roles (everyone is also a member)."""
    if not permissions.can_set_roles(actor, user):
        raise PermissionDenied("Only the programme office can change people's roles.")
    roles = _clean_roles(roles)
    if actor.pk == user.pk and Role.PROGRAMME_OFFICE not in roles:
        raise ApplicationError(
            "You cannot remove your own programme office role. Ask a colleague in the "
            "programme office to do it.",
            field="roles",
        )
    changed = []
    for role, field in ROLE_FIELDS.items():
        wanted = role in roles
        if getattr(user, field) != wanted:
            setattr(user, field, wanted)
            changed.append(field)
    if changed:
        user._history_user = actor
        user._change_reason = "Roles changed"
        user.save(update_fields=changed)
    return user


@transaction.atomic
def api_token_create(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal access token; the raw value is returned once and never stored."""
    if not permissions.can_create_token(actor):
        raise PermissionDenied("Sign in to create an access token.")
    name = (name or "").strip()
    if not name:
        raise InvalidInput(
            "Enter a name for the token, such as 'Monthly report script'.", field="name"
        )
    max_length = ApiToken._meta.get_field("name").max_length
    if len(name) > max_length:
        raise InvalidInput(f"The name must be {max_length} characters or fewer.", field="name")
    if ApiToken.objects.active().filter(user=actor, name__iexact=name).exists():
        raise InvalidInput(
            f"You already have a token called '{name}'. Choose another name.", field="name"
        )
    raw, token_hash = ApiToken.new_token()
    prefix_length = ApiToken._meta.get_field("prefix").max_length
    token = ApiToken.objects.create(
        user=actor, name=name, token_hash=token_hash, prefix=raw[:prefix_length]
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Stop a personal access token working. Revoking twice does no harm."""
    if not permissions.can_manage_tokens(actor, token):
        raise PermissionDenied("You can only revoke your own access tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


# Password reset throttling -------------------------------------------------------------------


def password_reset_request(*, email: str, ip_address: str | None) -> bool:
    """Record a request for a reset link; False when this address or this email has asked
    too often within the sign-in cool-off (then no email may be sent).

    Counted like failed sign-ins: ``PASSWORD_RESET_LIMIT`` requests per client address and
    per email within ``AXES_COOLOFF_TIME``. Older requests are forgotten as they expire.
    """
    now = timezone.now()
    since = now - settings.AXES_COOLOFF_TIME
    email_hash = PasswordResetRequest.hash_email(email)
    with transaction.atomic():
        PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
        recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
        by_email = recent.filter(email_hash=email_hash).count()
        by_address = recent.filter(ip_address=ip_address).count() if ip_address else 0
        if max(by_email, by_address) >= settings.PASSWORD_RESET_LIMIT:
            return False
        PasswordResetRequest.objects.create(
            email_hash=email_hash, ip_address=ip_address or None, requested_at=now
        )
    return True
