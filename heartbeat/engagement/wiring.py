"""What engagement adds to the apps below it, connected from ``EngagementConfig.ready``:
navigation, the header's notification count, home blocks, the project page's news
section, the worker's jobs, and notifications of stage moves and heartbeat updates."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from heartbeat.core import registry


def stage_change_listener(*, actor, transition, extra) -> None:
    """A project moved stage: its followers hear of it, after the move commits."""
    from heartbeat.engagement import tasks

    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    transaction.on_commit(
        lambda: tasks.notify_stage_change.enqueue(transition_id=transition.pk, actor_id=actor_id)
    )


def update_submitted_listener(*, update, actor) -> None:
    """A heartbeat update was submitted (or corrected): the project's followers hear of it,
    after it commits."""
    from heartbeat.engagement import tasks

    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    transaction.on_commit(
        lambda: tasks.notify_update_submitted.enqueue(update_id=update.pk, actor_id=actor_id)
    )


def notifications_link(request):
    """The header's link to the person's notifications. The unread count loads by htmx
    after the page, so no page pays a query for it; without JavaScript the link still
    leads to the notifications, and the home page shows the count."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return registry.HeaderLink(
        label="Notifications",
        url=reverse("engagement:notifications"),
        count_url=reverse("engagement:unread_count"),
    )


def connect() -> None:
    from heartbeat.delivery import hooks as delivery_hooks
    from heartbeat.engagement import home, sections, tasks
    from heartbeat.portfolio import hooks

    registry.navigation.register(
        "engagement:news", registry.NavItem("News", "engagement:article_list"), order=60
    )
    registry.navigation.register(
        "engagement:events", registry.NavItem("Events", "engagement:event_list"), order=70
    )
    registry.header_links.register("engagement:notifications", notifications_link, order=10)
    registry.home_blocks.register("engagement:notifications", home.notifications_block, order=80)
    registry.home_blocks.register("engagement:next_event", home.next_event_block, order=85)
    registry.home_blocks.register("engagement:moderation", home.moderation_block, order=86)
    registry.home_cards.register("engagement:news", home.news_card, order=60)
    registry.project_sections.register("news", sections.project_news_section, order=90)
    registry.scheduled_jobs.register("engagement.publish_scheduled", tasks.publishing_job)
    registry.scheduled_jobs.register("engagement.weekly_digest", tasks.digest_job)
    hooks.transition_listeners.register("engagement:notify_followers", stage_change_listener)
    delivery_hooks.update_submitted.register(
        "engagement:notify_followers", update_submitted_listener
    )
