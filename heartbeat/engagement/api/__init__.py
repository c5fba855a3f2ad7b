"""Engagement API: articles, events, registrations, questions, votes, follows and
notifications. The endpoints call the same selectors and services as the pages."""

from ninja import Router

from heartbeat.engagement.api import events, news, notifications, questions

router = Router(tags=["engagement"])
router.add_router("/", news.router)
router.add_router("/", events.router)
router.add_router("/", questions.router)
router.add_router("/", notifications.router)
