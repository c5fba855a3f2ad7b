"""Reads for notifications and follows."""

from __future__ import annotations

from heartbeat.engagement.models import Follow, Notification


def notifications_for(user):
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def follows_for(user):
    return Follow.objects.filter(person=user).select_related("project", "theme", "event")


def is_following(user, **target) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Follow.objects.filter(person=user, **target).exists()
