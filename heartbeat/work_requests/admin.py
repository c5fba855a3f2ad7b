"""The admin for work requests. Requests are raised, supported and triaged through the pages
and the API, whose services keep the rules and tell the councils, so here they are read-only;
the admin can remove a comment that should not have been posted."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.work_requests.models import Attachment, Comment, Support, WorkRequest


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SupportInline(admin.TabularInline):
    model = Support
    fk_name = "work_request"
    extra = 0
    can_delete = False
    fields = ["organisation", "need", "supported_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    fields = ["original_name", "kind", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WorkRequest)
class WorkRequestAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "organisation", "state", "urgency", "created_at"]
    list_filter = ["state", "urgency", "theme"]
    search_fields = ["title", "organisation__name"]
    list_select_related = ["organisation"]
    inlines = [SupportInline, AttachmentInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["work_request", "author", "organisation", "created_at"]
    list_select_related = ["work_request", "author", "organisation"]
    search_fields = ["body"]
    readonly_fields = ["work_request", "author", "organisation", "body", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
