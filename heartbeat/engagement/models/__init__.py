"""Communication and engagement: news, the Partnership Forum, follows and notifications."""

from heartbeat.engagement.models.events import (
    Event,
    EventFeedback,
    EventFormat,
    EventResponse,
    Registration,
    RegistrationStatus,
)
from heartbeat.engagement.models.news import Article, ArticleStatus, ArticleTag
from heartbeat.engagement.models.notifications import (
    Digest,
    EmailDelivery,
    EmailFrequency,
    Follow,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from heartbeat.engagement.models.questions import Question, QuestionStatus, Vote

__all__ = [
    "Article",
    "ArticleStatus",
    "ArticleTag",
    "Digest",
    "EmailDelivery",
    "EmailFrequency",
    "Event",
    "EventFeedback",
    "EventFormat",
    "EventResponse",
    "Follow",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Question",
    "QuestionStatus",
    "Registration",
    "RegistrationStatus",
    "Vote",
]
