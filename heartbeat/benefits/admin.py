"""The admin for benefits. Benefits, reports, costs and the appraisal settings are changed
through the pages and the API, whose services hold the rules (the span, reporting only for
one's own council, edit conflicts), so here they are read-only, with their history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.benefits.models import (
    AppraisalSettings,
    Benefit,
    Cost,
    DayRate,
    InKindYear,
    Measurement,
    ProfileEntry,
)


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProfileInline(admin.TabularInline):
    model = ProfileEntry
    extra = 0
    can_delete = False
    readonly_fields = ["period_start", "financial_year", "value"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Benefit)
class BenefitAdmin(ReadOnlyAdmin):
    list_display = ["title", "project", "classification", "nature", "status", "version"]
    list_filter = ["classification", "nature", "status", "is_disbenefit"]
    search_fields = ["title", "project__title"]
    list_select_related = ["project"]
    inlines = [ProfileInline]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    list_display = ["benefit", "organisation", "period_start", "value", "reported_by"]
    list_select_related = ["benefit", "organisation", "reported_by"]
    search_fields = ["benefit__title", "organisation__name"]


@admin.register(Cost)
class CostAdmin(ReadOnlyAdmin):
    list_display = ["description", "project", "organisation", "financial_year", "amount"]
    list_select_related = ["project", "organisation"]
    search_fields = ["description", "project__title"]


@admin.register(DayRate)
class DayRateAdmin(ReadOnlyAdmin):
    list_display = ["level", "rate"]


@admin.register(AppraisalSettings)
class AppraisalSettingsAdmin(ReadOnlyAdmin):
    list_display = ["discount_rate", "base_year", "years_after_end", "version"]


@admin.register(InKindYear)
class InKindYearAdmin(ReadOnlyAdmin):
    list_display = ["pledge", "project", "organisation", "level", "financial_year", "days"]
    list_select_related = ["pledge", "project", "organisation"]
