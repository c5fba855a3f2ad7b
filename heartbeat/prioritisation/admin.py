"""The admin for prioritisation, read-only: criteria are kept on the criteria page and rounds
scored on the scoring pages, whose services check the rules and keep a draft in step; a
published round is frozen whatever the admin is asked to do."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.prioritisation.models import Criterion, Round, RoundEntry, Score


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "weight", "direction", "method", "active", "order"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "value", "rationale", "computed", "scored_by", "scored_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "state", "published_at", "ranked_count"]
    readonly_fields = [
        "number",
        "name",
        "state",
        "summary",
        "opened_by",
        "published_by",
        "published_at",
        "ranked_count",
        "departures",
        "version",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RoundEntry)
class RoundEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "rank", "weighted_score"]
    list_filter = ["round"]
    list_select_related = ["round"]
    search_fields = ["title"]
    inlines = [ScoreInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Scores are typed on the scoring page, where their rules are checked; a published
        # round's are frozen.
        return False

    def has_delete_permission(self, request, obj=None):
        return False
