"""The admin for recruitment. Pledges, participation and capacity are changed through the
pages and the API, whose services keep the derived coverage and tell project leads, so here
they are read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.recruitment.models import (
    OrganisationCapacity,
    Participation,
    Pledge,
    PledgeAdjustment,
)


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ["project", "organisation", "status", "role", "committed_on", "withdrawn_on"]
    list_filter = ["status", "role"]
    search_fields = ["project__title", "organisation__name"]
    list_select_related = ["project", "organisation"]


class PledgeAdjustmentInline(admin.TabularInline):
    model = PledgeAdjustment
    extra = 0
    can_delete = False
    readonly_fields = ["month", "days"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyAdmin):
    list_display = [
        "organisation",
        "requirement",
        "who",
        "days_per_month",
        "start_month",
        "end_month",
        "status",
    ]
    list_filter = ["status", "level"]
    search_fields = ["organisation__name", "requirement__project__title", "person__full_name"]
    list_select_related = ["organisation", "requirement__skill", "person"]
    inlines = [PledgeAdjustmentInline]


@admin.register(OrganisationCapacity)
class OrganisationCapacityAdmin(ReadOnlyAdmin):
    list_display = ["organisation", "days_per_month", "start_month", "end_month"]
    search_fields = ["organisation__name"]
    list_select_related = ["organisation"]
