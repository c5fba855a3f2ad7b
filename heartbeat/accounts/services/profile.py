"""Writes a person makes about themselves: their profile and personal access tokens."""

from django.db import transaction
from django.utils import timezone

from heartbeat.accounts import permissions
from heartbeat.accounts.models import ApiToken, User
from heartbeat.core.exceptions import InvalidInput, PermissionDenied


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
