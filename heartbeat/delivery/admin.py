"""The admin for delivery: for looking, not changing. Updates, milestones, the RAID log and
the settings are changed through the pages and the API, whose services keep the rules (a
submitted update is never changed in place; forecasts keep their history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.delivery.models import (
    DeliverySettings,
    HeartbeatUpdate,
    HighlightReport,
    Milestone,
    MilestoneChange,
    OverdueNotice,
    ProjectCadence,
    RaidItem,
)


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HeartbeatUpdate)
class HeartbeatUpdateAdmin(ReadOnly, admin.ModelAdmin):
    list_display = [
        "project",
        "period_start",
        "status",
        "correction_number",
        "confidence",
        "percent_complete",
        "submitted_at",
    ]
    list_filter = ["status", "confidence", "cadence"]
    search_fields = ["project__title", "summary"]
    list_select_related = ["project"]
    date_hierarchy = "period_start"


class MilestoneChangeInline(ReadOnly, admin.TabularInline):
    model = MilestoneChange
    extra = 0
    fields = ["field", "old_date", "new_date", "reason", "changed_by", "changed_at"]
    readonly_fields = fields


@admin.register(Milestone)
class MilestoneAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["name", "project", "status", "baseline_date", "forecast_date", "actual_date"]
    list_filter = ["status"]
    search_fields = ["name", "project__title"]
    list_select_related = ["project"]
    inlines = [MilestoneChangeInline]


@admin.register(RaidItem)
class RaidItemAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["project", "kind", "number", "title", "status", "score", "escalated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "project__title"]
    list_select_related = ["project"]


@admin.register(OverdueNotice)
class OverdueNoticeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["project", "period_start", "kind", "due_date", "sent_at", "recipients"]
    list_filter = ["kind"]
    list_select_related = ["project"]


@admin.register(DeliverySettings)
class DeliverySettingsAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["cadence", "due_day", "scale", "escalate_after_days", "updated_at"]


@admin.register(ProjectCadence)
class ProjectCadenceAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["project", "cadence", "set_by", "set_at"]


@admin.register(HighlightReport)
class HighlightReportAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["pk", "requested_by", "requested_at", "status", "finished_at"]
    exclude = ["pdf", "xlsx"]
