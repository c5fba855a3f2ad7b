from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.accounts.models import ApiToken, Invitation, User


class UserCreationAdminForm(AdminUserCreationForm):
    """Django's add-user form, keyed on email instead of a username."""

    class Meta:
        model = User
        fields = ("email", "full_name")

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            self.add_error("email", "There is already an account with this email address.")
        return email


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    add_form = UserCreationAdminForm
    form = UserChangeAdminForm
    ordering = ("email",)
    list_display = (
        "email",
        "full_name",
        "organisation",
        "is_programme_office",
        "is_organisation_lead",
        "is_project_lead",
        "is_board_member",
        "is_active",
        "is_staff",
    )
    list_filter = (
        "is_programme_office",
        "is_organisation_lead",
        "is_project_lead",
        "is_board_member",
        "is_active",
        "is_staff",
        "is_superuser",
        "organisation",
    )
    list_select_related = ("organisation",)
    search_fields = ("email", "full_name", "job_title", "organisation__name")
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("full_name", "job_title", "organisation")}),
        (
            "Roles",
            {
                "fields": (
                    "is_programme_office",
                    "is_organisation_lead",
                    "is_project_lead",
                    "is_board_member",
                )
            },
        ),
        (
            "Access",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "usable_password", "password1", "password2"),
            },
        ),
    )

    def save_model(self, request, obj, form, change):
        # A change here moves the version on, as the people pages' changes do, so a people
        # form read before it conflicts instead of overwriting it; the history says where.
        if change:
            obj.version += 1
            obj._change_reason = "Changed in the admin"
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        # People are deactivated, never deleted: their pledges, projects and history keep
        # their name, and a leaver's pledges stay listed for their council's lead.
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "full_name", "organisation", "status", "created_at", "expires_at")
    list_filter = ("organisation",)
    list_select_related = ("organisation",)
    search_fields = ("email", "full_name")
    readonly_fields = (
        "token_hash",
        "invited_by",
        "created_at",
        "accepted_at",
        "revoked_at",
        "user",
    )

    def has_add_permission(self, request):
        # An invitation needs its email, which only the invite page sends.
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__email")
    readonly_fields = ("user", "name", "token_hash", "prefix", "created_at", "last_used_at")

    def has_add_permission(self, request):
        # Tokens are created by their owner on the profile page, where the raw value is shown.
        return False
