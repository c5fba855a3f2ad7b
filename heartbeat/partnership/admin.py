from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.partnership.models import Membership, Organisation, ProgrammeTerm


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["term", "status", "date", "note"]
    autocomplete_fields = ["term"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "official_name", "kind", "gss_code", "short_code", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "official_name", "gss_code", "short_code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ProgrammeTerm)
class ProgrammeTermAdmin(SimpleHistoryAdmin):
    list_display = ["name", "start", "end"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "term", "status", "date"]
    list_filter = ["term", "status"]
    search_fields = ["organisation__name", "note"]
    list_select_related = ["organisation", "term"]
    autocomplete_fields = ["organisation", "term"]
