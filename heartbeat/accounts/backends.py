"""Signing in with an email address and password, as Django's own backend does, except that
the signed-in person is read with their organisation, which nearly every page shows: one
query a request rather than two.

For a request that only reads (GET or HEAD), the person is taken from the shared cache
until the data changes (``core.datacache``; any change to a person, their password or
their organisation moves the data on). The kept copy leaves out the password hash: it
carries the session hashes Django checks instead, and reads the password from the database
if anything asks for it.
"""

from django.contrib.auth.backends import ModelBackend

from heartbeat.core import datacache


class AccountsBackend(ModelBackend):
    def get_user(self, user_id):
        if datacache.request_only_reads():
            user = datacache.cached(
                "accounts.signed-in", (str(user_id),), lambda: _kept_copy(self._read(user_id))
            )
        else:
            user = self._read(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def _read(self, user_id):
        try:
            return self.user_model_queryset().get(pk=user_id)
        except self.user_model_queryset().model.DoesNotExist:
            return None

    def user_model_queryset(self):
        from django.contrib.auth import get_user_model

        return get_user_model()._default_manager.select_related("organisation")


def _kept_copy(user):
    """``user`` as it is kept: its session hashes in place of its password hash."""
    from heartbeat.accounts.models import KEPT_FALLBACK_HASHES, KEPT_SESSION_HASH

    if user is None:
        return None
    session_hash = user.get_session_auth_hash()
    fallback_hashes = tuple(user.get_session_auth_fallback_hash())
    # Without it in the instance's dict, Django treats the field as deferred: read from the
    # database when asked for, and left alone by save().
    del user.__dict__["password"]
    setattr(user, KEPT_SESSION_HASH, session_hash)
    setattr(user, KEPT_FALLBACK_HASHES, fallback_hashes)
    return user
