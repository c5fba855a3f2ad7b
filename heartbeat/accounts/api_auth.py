"""API authentication: the browser's session or a personal access token."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.utils import check_csrf

from heartbeat.accounts.models import ApiToken

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class TokenRejected(AuthenticationError):
    """A token was given but is unknown or revoked."""


class SessionOrToken:
    """Authenticate by ``Authorization: Bearer <token>`` or the session cookie.

    With ``optional=True`` a request without credentials goes through as anonymous, so
    public records can be read; a token that is given but wrong is still refused.
    """

    def __init__(self, optional: bool = False):
        self.optional = optional

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _, raw = header.partition(" ")
            if scheme.lower() != "bearer" or not raw.strip():
                raise TokenRejected(401, "Use the header 'Authorization: Bearer <token>'.")
            token = (
                ApiToken.objects.select_related("user", "user__organisation")
                .filter(token_hash=ApiToken.hash_token(raw.strip()))
                .first()
            )
            if token is None:
                raise TokenRejected(401, "That access token is not recognised.")
            if token.revoked_at is not None:
                raise TokenRejected(401, "That access token has been revoked.")
            if not token.user.is_active:
                raise TokenRejected(401, "The account that owns this token is deactivated.")
            now = timezone.now()
            # Record use at most once a minute to keep reads cheap.
            if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
                ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            request.user = token.user
            return token.user
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if request.method in UNSAFE_METHODS and check_csrf(request) is not None:
                raise AuthenticationError(403, "CSRF check failed: send the X-CSRFToken header.")
            return user
        if self.optional:
            request.user = AnonymousUser()
            return request.user
        return None


required = SessionOrToken(optional=False)
