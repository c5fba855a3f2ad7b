"""Engagement's blocks on the home page: unread notifications, the next event, and (for the
programme office) questions awaiting moderation."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.registry import HomeBlock, HomeCard
from heartbeat.engagement import permissions
from heartbeat.engagement.models import Event, Question, QuestionStatus, Registration
from heartbeat.engagement.selectors.notifications import unread_count


def notifications_block(request) -> HomeBlock | None:
    user = request.user
    if not user.is_authenticated:
        return None
    if not hasattr(request, "_engagement_unread"):
        request._engagement_unread = unread_count(user)
    count = request._engagement_unread
    if not count:
        return None
    return HomeBlock(
        key="notifications",
        title="Unread notifications",
        template="engagement/partials/_home_notifications.html",
        context={"count": count},
        count=count,
        link=reverse("engagement:notifications"),
        link_text="Read your notifications",
    )


def next_event_block(request) -> HomeBlock | None:
    # The person's place (or waiting-list place) rides on the event: one query.
    events = Event.objects.upcoming(timezone.now()).defer("agenda", "agenda_html")
    if request.user.is_authenticated:
        mine = Registration.objects.active().filter(event=OuterRef("pk"), person=request.user)
        events = events.annotate(registration_status=Subquery(mine.values("status")[:1]))
    event = events.first()
    if event is None:
        return None
    return HomeBlock(
        key="next-event",
        title="Next event",
        template="engagement/partials/_home_event.html",
        context={"event": event, "registration": getattr(event, "registration_status", None)},
        link=reverse("engagement:event_list"),
        link_text="All events",
    )


def moderation_block(request) -> HomeBlock | None:
    if not permissions.can_moderate(request.user):
        return None
    rows = list(
        Question.objects.filter(status=QuestionStatus.PENDING)
        .values("event__slug", "event__title", "event__starts_at")
        .annotate(count=Count("id"))
        .order_by("event__starts_at")
    )
    total = sum(r["count"] for r in rows)
    if not total:
        return None
    return HomeBlock(
        key="moderation",
        title="Questions awaiting moderation",
        template="engagement/partials/_home_moderation.html",
        context={"events": rows},
        count=total,
    )


def news_card(request) -> HomeCard:
    return HomeCard(
        title="News and events",
        url=reverse("engagement:article_list"),
        summary="The partnership's news, the Partnership Forum and the answers to its questions.",
    )
