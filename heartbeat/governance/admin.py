"""The admin for governance. Boards and stage gates can be set here; meetings, papers,
actions and decisions are recorded through the pages and the API, whose services keep the
rules (a decision's move through a gate, papers stored with permission checks), so here
they are read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.governance.models import (
    Action,
    AgendaItem,
    Board,
    BoardMembership,
    Decision,
    Meeting,
    StageGate,
)
from heartbeat.governance.services.gates import GATEABLE_STAGES


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SeatInline(admin.TabularInline):
    model = BoardMembership
    extra = 0
    can_delete = False
    readonly_fields = ["person", "role", "started_on", "ended_on"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "cadence", "active"]
    readonly_fields = ["slug", "version"]
    fields = ["name", "slug", "remit", "cadence", "active", "version"]
    inlines = [SeatInline]

    def has_delete_permission(self, request, obj=None):
        # A board's decisions are the partnership's record: boards stop meeting instead.
        return False

    def save_model(self, request, obj, form, change):
        obj.version += 1
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False
    fields = ["order", "title", "presenter", "reserved", "paper_name"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["board", "starts_at", "status"]
    list_filter = ["board", "status"]
    list_select_related = ["board"]
    inlines = [AgendaInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["title", "meeting", "outcome", "subject", "gate_stage"]
    list_filter = ["outcome", "meeting__board"]
    search_fields = ["title", "project__title", "product__name", "work_request__title"]
    list_select_related = ["meeting__board", "project", "product", "work_request"]

    @admin.display(description="About")
    def subject(self, obj):
        return obj.subject or "The programme"


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["description", "owner", "due_on", "status"]
    list_filter = ["status"]
    list_select_related = ["owner"]


@admin.register(StageGate)
class StageGateAdmin(SimpleHistoryAdmin):
    list_display = ["stage", "board"]
    list_select_related = ["board"]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "stage":
            kwargs["choices"] = [c for c in db_field.choices if c[0] in GATEABLE_STAGES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "board":
            kwargs["queryset"] = Board.objects.filter(active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)
