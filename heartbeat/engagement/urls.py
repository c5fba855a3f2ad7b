from django.urls import path

from heartbeat.core.keptpages import kept_page
from heartbeat.engagement import feeds
from heartbeat.engagement.views import events, news, notifications, questions

app_name = "engagement"

urlpatterns = [
    # News
    path("news/", news.article_list, name="article_list"),
    path("news/feed/", kept_page(feeds.SiteFeed()), name="feed"),
    path("news/new/", news.article_create, name="article_create"),
    path("news/themes/<slug:slug>/", news.theme_news, name="theme_news"),
    path("news/themes/<slug:slug>/feed/", kept_page(feeds.ThemeFeed()), name="theme_feed"),
    path("news/projects/<slug:slug>/feed/", kept_page(feeds.ProjectFeed()), name="project_feed"),
    path("news/<slug:slug>/", news.article_detail, name="article_detail"),
    path("news/<slug:slug>/edit/", news.article_edit, name="article_edit"),
    # Events
    path("events/", events.event_list, name="event_list"),
    path("events/new/", events.event_create, name="event_create"),
    path("events/<slug:slug>/", events.event_detail, name="event_detail"),
    path("events/<slug:slug>/edit/", events.event_edit, name="event_edit"),
    path("events/<slug:slug>/register/", events.register, name="register"),
    path("events/<slug:slug>/cancel/", events.cancel_registration, name="cancel_registration"),
    path("events/<slug:slug>/attendees/", events.attendees, name="attendees"),
    path("events/<slug:slug>/invitation.ics", events.invitation, name="invitation"),
    path("events/<slug:slug>/views/", events.feedback, name="feedback"),
    path("events/<slug:slug>/views/results/", events.feedback_results, name="feedback_results"),
    # Questions
    path("events/<slug:slug>/questions/ask/", questions.ask, name="ask"),
    path("events/<slug:slug>/questions/", questions.live, name="live"),
    path("events/<slug:slug>/questions/moderate/", questions.moderate, name="moderate"),
    path("events/<slug:slug>/questions/close/", questions.close_questions, name="close_questions"),
    path(
        "events/<slug:slug>/questions/<int:pk>/", questions.question_detail, name="question_detail"
    ),
    path("events/<slug:slug>/questions/<int:pk>/vote/", questions.vote, name="vote"),
    path(
        "events/<slug:slug>/questions/<int:pk>/<str:action>/",
        questions.question_action,
        name="question_action",
    ),
    path("events/<slug:slug>/response/", questions.response, name="response"),
    path("events/<slug:slug>/response.pdf", questions.response_pdf, name="response_pdf"),
    path("events/<slug:slug>/response/edit/", questions.response_edit, name="response_edit"),
    # Follows and notifications
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/count/", notifications.unread_count, name="unread_count"),
    path("notifications/read-all/", notifications.notifications_read_all, name="read_all"),
    path("notifications/<int:pk>/open/", notifications.notification_open, name="notification_open"),
    path("notifications/emails/", notifications.preferences, name="preferences"),
    path("notifications/following/", notifications.following, name="following"),
    path("notifications/follow/", notifications.follow, name="follow"),
    path("notifications/unsubscribe/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
]
