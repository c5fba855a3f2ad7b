"""Writes for accounts: invitations, profiles and tokens, people administration and
password reset throttling."""

from heartbeat.accounts.services.invitations import (
    EMAIL_REGISTERED,
    invitation_accept,
    invitation_create,
    invitation_link,
    invitation_revoke,
)
from heartbeat.accounts.services.password_reset import password_reset_request
from heartbeat.accounts.services.people import (
    clean_reason,
    clean_roles,
    person_deactivate,
    person_move,
    person_reactivate,
    user_set_roles,
)
from heartbeat.accounts.services.profile import (
    api_token_create,
    api_token_revoke,
    user_update_profile,
)

__all__ = [
    "EMAIL_REGISTERED",
    "api_token_create",
    "api_token_revoke",
    "clean_reason",
    "clean_roles",
    "invitation_accept",
    "invitation_create",
    "invitation_link",
    "invitation_revoke",
    "password_reset_request",
    "person_deactivate",
    "person_move",
    "person_reactivate",
    "user_set_roles",
    "user_update_profile",
]
