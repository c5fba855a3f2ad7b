from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    StageTransition,
    SubArea,
    Tag,
    Theme,
)
from heartbeat.portfolio.selectors import project_lead_candidates
from heartbeat.portfolio.services import baseline_refresh


class SubAreaInline(admin.TabularInline):
    model = SubArea
    extra = 0
    fields = ["name", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order", "colour"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SubAreaInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class DefinitionInline(admin.TabularInline):
    """The definition is changed on the project's pages and in the API, whose service keeps
    it complete from "defined" on, records what differs from the approved baseline and
    refuses changing a need councils have pledged to: here it is read only."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ScopeItemInline(DefinitionInline):
    model = ScopeItem
    fields = ["order", "kind", "text"]


class RequirementInline(DefinitionInline):
    model = Requirement
    fields = ["order", "text", "priority"]


class AnticipatedProductInline(DefinitionInline):
    model = AnticipatedProduct
    fields = ["order", "name", "product_type", "planned_date", "description"]


class ExpectedBenefitInline(DefinitionInline):
    model = ExpectedBenefit
    fields = ["order", "text"]


class ResourceRequirementInline(DefinitionInline):
    model = ResourceRequirement
    fields = ["order", "skill", "level", "people", "days_per_month", "start_month", "end_month"]
    raw_id_fields = ["skill"]


class StageTransitionInline(admin.TabularInline):
    """The stage log is written by the lifecycle service only."""

    model = StageTransition
    extra = 0
    fields = ["at", "from_stage", "to_stage", "actor", "reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title", "theme", "stage", "visibility", "lead_organisation", "updated_at"]
    list_filter = ["stage", "visibility", "theme"]
    search_fields = ["title", "summary", "slug"]
    list_select_related = ["theme", "lead_organisation"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_organisation", "tags"]
    raw_id_fields = ["project_lead", "created_by"]
    # Stages change through the lifecycle, which checks the rules and logs the move.
    readonly_fields = ["stage", "paused_from", "stage_changed_at", "version"]
    inlines = [
        ScopeItemInline,
        RequirementInline,
        AnticipatedProductInline,
        ExpectedBenefitInline,
        ResourceRequirementInline,
        StageTransitionInline,
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class LeadCheckedForm(form):
            def clean(self):
                cleaned = super().clean()
                lead = cleaned.get("project_lead")
                unchanged = obj is not None and lead is not None and lead.pk == obj.project_lead_id
                if lead is not None and not unchanged:
                    organisation = cleaned.get("lead_organisation")
                    candidates = project_lead_candidates(
                        actor=request.user,
                        project=obj,
                        organisation_id=organisation.pk if organisation else None,
                    )
                    if not candidates.filter(pk=lead.pk).exists():
                        self.add_error(
                            "project_lead",
                            "Name as project lead someone with the project lead role or a "
                            "person of the lead organisation.",
                        )
                return cleaned

        return LeadCheckedForm

    def save_model(self, request, obj, form, change):
        if change:
            # Someone with the edit form open must see that the project changed under them.
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Dates and cost belong to the approved baseline: keep its differences current.
        baseline_refresh(actor=request.user, project=form.instance)
