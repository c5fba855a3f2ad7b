"""The admin for the roadmap. Products can be corrected here under the same rules as the
pages; adoption is recorded by organisations through the pages and the API, so here it is
read-only."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from heartbeat.core.exceptions import ApplicationError
from heartbeat.roadmap import rules
from heartbeat.roadmap.models import LINK_MAX, Adoption, Product


class ProductAdminForm(forms.ModelForm):
    link = forms.URLField(
        label="Where it lives", required=False, max_length=LINK_MAX, assume_scheme="https"
    )

    class Meta:
        model = Product
        fields = [
            "name",
            "slug",
            "summary",
            "kind",
            "status",
            "planned_quarter",
            "delivered_on",
            "owner",
            "link",
        ]

    def clean(self):
        data = super().clean()
        product = self.instance
        try:
            rules.check_kind_and_status(data.get("kind", ""), data.get("status", ""))
            rules.check_planned_quarter(data.get("planned_quarter"), product.project)
            rules.check_delivered(data.get("status", ""), data.get("delivered_on"))
        except ApplicationError as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
        if (
            product.pk
            and data.get("status") not in ("live", "retired")
            and product.adoptions.exists()
        ):
            self.add_error("status", "Organisations have adopted it, so it stays live or retired.")
        quarter = data.get("planned_quarter")
        if quarter is not None and not (quarter.day == 1 and quarter.month in (1, 4, 7, 10)):
            self.add_error(
                "planned_quarter",
                "Give the first day of the quarter: 1 January, 1 April, 1 July or 1 October.",
            )
        return data


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    form = ProductAdminForm
    list_display = ["name", "project", "kind", "status", "planned_quarter", "delivered_on"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "project__title"]
    list_select_related = ["project"]
    readonly_fields = ["project", "anticipated", "version"]
    autocomplete_fields = ["owner"]

    def has_add_permission(self, request):
        # Products grow from a project's definition, on the project page or through the API.
        return False

    def save_model(self, request, obj, form, change):
        obj.version += 1
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


@admin.register(Adoption)
class AdoptionAdmin(SimpleHistoryAdmin):
    list_display = ["product", "organisation", "adopted_on"]
    search_fields = ["product__name", "organisation__name"]
    list_select_related = ["product", "organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
