"""Follows and notification choices."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.engagement import permissions
from heartbeat.engagement.models import (
    EmailFrequency,
    Event,
    Follow,
    Notification,
    NotificationPreference,
)
from heartbeat.engagement.services._common import require
from heartbeat.portfolio.models import Project, Theme

TARGETS = {"project": Project, "theme": Theme, "event": Event}


def resolve_target(user, kind: str, slug: str):
    """The project, theme or event named by ``kind`` and ``slug`` that ``user`` can see."""
    if kind not in TARGETS:
        raise InvalidInput("Follow a project, a theme or an event.", field="kind")
    if not slug or "\x00" in slug or len(slug) > 200:
        raise InvalidInput(f"There is no {kind} '{slug[:200]}' you can follow.", field="slug")
    queryset = TARGETS[kind].objects.all()
    if kind == "project":
        queryset = Project.objects.visible_to(user)
    target = queryset.filter(slug=slug).first()
    if target is None:
        raise InvalidInput(f"There is no {kind} '{slug}' you can follow.", field="slug")
    return target


def _kind_of(target) -> str:
    for kind, model in TARGETS.items():
        if isinstance(target, model):
            return kind
    raise InvalidInput("Follow a project, a theme or an event.", field="kind")


def follow_add(*, actor, target) -> Follow:
    """Follow a project, theme or event, to hear of its news and changes."""
    require(permissions.can_follow(actor), "Sign in to follow things.")
    kind = _kind_of(target)
    try:
        with transaction.atomic():
            return Follow.objects.create(person=actor, **{kind: target})
    except IntegrityError:
        raise ApplicationError(
            f"You already follow {target}.", code="already_following", status=409
        ) from None


@transaction.atomic
def follow_remove(*, actor, target) -> None:
    require(permissions.can_follow(actor), "Sign in to stop following things.")
    kind = _kind_of(target)
    deleted, _ = Follow.objects.filter(person=actor, **{kind: target}).delete()
    if not deleted:
        raise ApplicationError(f"You do not follow {target}.", code="not_following", status=409)


def preference_for(person) -> NotificationPreference:
    preference = NotificationPreference.objects.filter(person=person).first()
    return preference or NotificationPreference(person=person)


@transaction.atomic
def preference_set(*, actor, email: str) -> NotificationPreference:
    """Choose how notifications come by email: straight away, weekly, or never."""
    require(permissions.can_read_notifications(actor), "Sign in to choose your emails.")
    if email not in EmailFrequency.values:
        raise InvalidInput("Choose straight away, once a week or never.", field="email")
    preference, _ = NotificationPreference.objects.update_or_create(
        person=actor, defaults={"email": email}
    )
    return preference


@transaction.atomic
def unsubscribe(*, person) -> NotificationPreference:
    """Stop notification emails (from an email's link: no sign-in, the link is the proof)."""
    preference, _ = NotificationPreference.objects.update_or_create(
        person=person, defaults={"email": EmailFrequency.NEVER}
    )
    return preference


def notification_mark_read(*, actor, notification: Notification) -> Notification:
    require(
        permissions.can_read_notifications(actor) and notification.recipient_id == actor.pk,
        "That notification is someone else's.",
    )
    from django.utils import timezone

    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, actor) -> int:
    require(permissions.can_read_notifications(actor), "Sign in to read your notifications.")
    from django.utils import timezone

    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
