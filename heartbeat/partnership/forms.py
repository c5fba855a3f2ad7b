from django import forms

from heartbeat.partnership.models import Organisation, OrganisationKind
from heartbeat.partnership.selectors import STATUS_FILTER_CHOICES, OrganisationFilters

FILTER_NAMES = {"kind": "kind", "status": "membership status", "q": "name"}


class OrganisationFilterForm(forms.Form):
    """The organisation list's filters, read from the URL."""

    q = forms.CharField(label="Name", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "All kinds"), *OrganisationKind.choices]
    )
    status = forms.ChoiceField(
        label="Membership status",
        required=False,
        choices=[("", "Any status"), *STATUS_FILTER_CHOICES],
    )

    def filters(self) -> tuple[OrganisationFilters, list[str], dict]:
        """The valid filters, a message for each ignored one, and the values kept."""
        self.is_valid()
        kept = {}
        ignored = []
        for name in ("q", "kind", "status"):
            if name in self.errors:
                value = str(self.data.get(name, ""))
                reason = (
                    "it is longer than 100 characters"
                    if name == "q"
                    else f"'{value[:40]}' is not one of the choices"
                )
                ignored.append(
                    f"We ignored the {FILTER_NAMES[name]} filter because {reason}, "
                    "so the list is not filtered by it."
                )
            elif self.cleaned_data.get(name):
                kept[name] = self.cleaned_data[name]
        return (
            OrganisationFilters(
                kind=kept.get("kind"), status=kept.get("status"), q=kept.get("q", "")
            ),
            ignored,
            kept,
        )


class OrganisationEditForm(forms.ModelForm):
    """What the programme office may change about an organisation."""

    website = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="The full address, for example https://www.fife.gov.uk",
    )
    updated_at = forms.DateTimeField(widget=forms.HiddenInput)

    class Meta:
        model = Organisation
        fields = ["name", "website", "active"]
        labels = {"active": "Active member of the partnership"}
        help_texts = {
            "name": "The everyday name people use, for example Aberdeen City.",
        }
