"""Notifications: who hears of what, in Heartbeat and by email, exactly once.

The fan-out runs in background tasks after the cause has committed (``tasks.py``). Each
notification is one row per person and cause (unique ``recipient, key``), and each email
is claimed by inserting its ``EmailDelivery`` (unique per notification) in the transaction
that sends it: a second worker, or a retry, finds the claim and sends nothing.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.formatting import uk_date
from heartbeat.engagement.models import (
    Digest,
    EmailDelivery,
    EmailFrequency,
    Notification,
    NotificationPreference,
)

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "heartbeat.engagement.unsubscribe"


# Unsubscribe links -------------------------------------------------------------------------


def unsubscribe_token(person) -> str:
    return signing.dumps({"u": person.pk}, salt=UNSUBSCRIBE_SALT)


def person_from_token(token: str):
    """The person an unsubscribe link was made for, or None if it was tampered with."""
    from heartbeat.accounts.models import User

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return User.objects.filter(pk=data["u"], is_active=True).first()


def unsubscribe_url(person) -> str:
    return settings.SITE_URL + reverse("engagement:unsubscribe", args=[unsubscribe_token(person)])


# Creating notifications --------------------------------------------------------------------


def notify(
    recipient_ids: Iterable[int],
    *,
    kind: str,
    key: str,
    title: str,
    link: str,
    body: str = "",
    exclude: int | None = None,
) -> list[int]:
    """Record a notification for each person (once per cause); send the emails of those who
    want them straight away. Returns the ids of the people notified."""
    from heartbeat.accounts.models import User

    ids = set(recipient_ids) - {exclude, None}
    people = list(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True))
    if not people:
        return []
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                kind=kind,
                key=key[:100],
                title=title[:300],
                body=body[:1000],
                link=link[:500],
                created_at=now,
            )
            for pk in people
        ],
        ignore_conflicts=True,
    )
    weekly_or_never = NotificationPreference.objects.filter(
        person_id__in=people, email__in=[EmailFrequency.WEEKLY, EmailFrequency.NEVER]
    ).values_list("person_id", flat=True)
    immediate = list(
        Notification.objects.filter(key=key[:100], recipient_id__in=people)
        .exclude(recipient_id__in=weekly_or_never)
        .filter(email_delivery__isnull=True)
        .values_list("pk", flat=True)
    )
    send_immediate(immediate)
    return people


# Email -------------------------------------------------------------------------------------


def _footer(person) -> list[str]:
    return [
        "",
        "--",
        "You receive this because of what you follow or asked in Heartbeat.",
        "Choose how often you get these emails: "
        f"{settings.SITE_URL}{reverse('engagement:preferences')}",
        f"Unsubscribe from these emails (no sign-in needed): {unsubscribe_url(person)}",
    ]


def _message(person, subject: str, lines: list[str]) -> EmailMessage:
    url = unsubscribe_url(person)
    return EmailMessage(
        subject=subject,
        body="\n".join([*lines, *_footer(person)]),
        to=[person.email],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _notification_lines(notification: Notification) -> list[str]:
    lines = [notification.title]
    if notification.body:
        lines.append(notification.body)
    lines.append(f"{settings.SITE_URL}{notification.link}")
    return lines


def send_immediate(notification_ids: Iterable[int]) -> int:
    """Email each notification on its own, unless it has been emailed already."""
    sent = 0
    for pk in notification_ids:
        with transaction.atomic():
            notification = Notification.objects.select_related("recipient").filter(pk=pk).first()
            if notification is None or not notification.recipient.email:
                continue
            try:
                with transaction.atomic():
                    EmailDelivery.objects.create(notification=notification, sent_at=timezone.now())
            except IntegrityError:
                continue  # already emailed
            person = notification.recipient
            # Sent inside the transaction: if sending fails, the claim goes with it and a
            # later run tries again.
            _message(
                person,
                notification.title,
                [f"Dear {person.display_name},", "", *_notification_lines(notification)],
            ).send()
            sent += 1
    return sent


def digest_recipients(due_at: datetime.datetime) -> list[int]:
    """People who chose a weekly digest and have unread notifications not yet emailed."""
    weekly = NotificationPreference.objects.filter(email=EmailFrequency.WEEKLY).values("person_id")
    return list(
        Notification.objects.filter(
            recipient_id__in=weekly,
            read_at__isnull=True,
            email_delivery__isnull=True,
            created_at__lte=due_at,
        )
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )


def send_digest(person_id: int, due_at: datetime.datetime) -> int:
    """Send one person's weekly digest for ``due_at``: once, whoever else is sending it.
    Returns the number of notifications it listed (0 when nothing was sent)."""
    from heartbeat.accounts.models import User

    with transaction.atomic():
        person = User.objects.filter(pk=person_id, is_active=True).exclude(email="").first()
        if person is None:
            return 0
        try:
            with transaction.atomic():
                # The lock: a second worker's insert waits for this transaction and then
                # fails on the unique (recipient, due time), so it sends nothing.
                digest = Digest.objects.create(
                    recipient=person, due_at=due_at, sent_at=timezone.now()
                )
        except IntegrityError:
            return 0
        notifications = list(
            Notification.objects.select_for_update(of=("self",))
            .filter(
                recipient=person,
                read_at__isnull=True,
                email_delivery__isnull=True,
                created_at__lte=due_at,
            )
            .order_by("created_at", "id")
        )
        if not notifications:
            transaction.set_rollback(True)
            return 0
        EmailDelivery.objects.bulk_create(
            [
                EmailDelivery(notification=n, digest=digest, sent_at=digest.sent_at)
                for n in notifications
            ]
        )
        digest.notifications = len(notifications)
        digest.save(update_fields=["notifications"])
        count = len(notifications)
        lines = [
            f"Dear {person.display_name},",
            "",
            f"Here is what happened in the week to {uk_date(due_at)} in the things you follow "
            f"({count} {'notification' if count == 1 else 'notifications'}):",
        ]
        for notification in notifications:
            lines += [
                "",
                *(
                    f"  {line}" if i else f"- {line}"
                    for i, line in enumerate(_notification_lines(notification))
                ),
            ]
        lines += [
            "",
            f"All your notifications: {settings.SITE_URL}{reverse('engagement:notifications')}",
        ]
        _message(
            person,
            f"Your weekly Heartbeat digest: {count} "
            f"{'notification' if count == 1 else 'notifications'}",
            lines,
        ).send()
    return count
