"""The admin for engagement. Writes that carry rules (registrations, votes, moderation)
go through the pages and the API; the admin shows them read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Article,
    ArticleTag,
    Digest,
    EmailDelivery,
    Event,
    EventFeedback,
    EventResponse,
    Follow,
    Notification,
    NotificationPreference,
    Question,
    Registration,
    Vote,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ArticleTag)
class ArticleTagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "published_at", "visibility", "author"]
    list_filter = ["status", "visibility"]
    search_fields = ["title", "summary"]
    readonly_fields = ["status", "published_at", "version"]
    autocomplete_fields = ["projects", "themes", "tags"]

    def save_model(self, request, obj, form, change):
        # Whatever the path, what is shown is the cleaned rendering of the Markdown.
        obj.body_html = render_markdown(obj.body)
        super().save_model(request, obj, form, change)


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    # Capacity changes move people off the waiting list: they go through the event pages.
    list_display = ["title", "starts_at", "format", "capacity"]
    search_fields = ["title"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ["event", "person", "status", "registered_at"]
    list_filter = ["status", "event"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "event", "status", "vote_count", "answered_at"]
    list_filter = ["status", "event"]
    search_fields = ["text"]


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ["question", "voter", "created_at"]


@admin.register(EventFeedback)
class EventFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["event", "person", "rating", "created_at"]


@admin.register(EventResponse)
class EventResponseAdmin(ReadOnlyAdmin):
    list_display = ["event", "published_at"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyAdmin):
    list_display = ["person", "project", "theme", "event", "created_at"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    list_display = ["person", "email", "updated_at"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]


@admin.register(Digest)
class DigestAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "due_at", "sent_at", "notifications"]


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["notification", "digest", "sent_at"]
