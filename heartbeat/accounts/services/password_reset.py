"""Throttling requests for a password reset link."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from heartbeat.accounts.models import PasswordResetRequest


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
