"""The project's own fields, and who may be chosen as its lead."""

from decimal import Decimal

from django import forms

from heartbeat.accounts.models import User
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.forms.fields import (
    DateInput,
    RadioSelect,
    SubAreaChoiceField,
    UserChoiceField,
)
from heartbeat.portfolio.models import SubArea, Theme, Visibility
from heartbeat.portfolio.rules import planned_dates_error
from heartbeat.portfolio.selectors import project_lead_candidates


class ProjectForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    slug = forms.SlugField(
        label="Short name for the web address",
        max_length=120,
        required=False,
        help_text="Lower-case letters, numbers and hyphens, e.g. digital-telecare. "
        "Leave empty to make one from the title.",
        error_messages={
            "invalid": "Use only lower-case letters, numbers and hyphens in the short name"
        },
    )
    theme = forms.ModelChoiceField(
        label="Theme",
        queryset=Theme.objects.all(),
        empty_label="Choose a theme",
        error_messages={"required": "Choose a theme", "invalid_choice": "Choose a theme"},
    )
    sub_area = SubAreaChoiceField(
        label="Sub-area (optional)",
        queryset=SubArea.objects.select_related("theme"),
        required=False,
        empty_label="None",
        help_text="It must belong to the theme chosen above.",
        error_messages={"invalid_choice": "Choose a sub-area from the list"},
    )
    summary = forms.CharField(
        label="Summary",
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One or two sentences that say what the project will do.",
        error_messages={"required": "Enter a summary"},
    )
    problem = forms.CharField(
        label="Problem and background",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    lead_organisation = forms.ModelChoiceField(
        label="Lead organisation",
        queryset=Organisation.objects.filter(active=True),
        required=False,
        empty_label="Not chosen yet",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    project_lead = UserChoiceField(
        label="Project lead",
        queryset=User.objects.none(),
        required=False,
        empty_label="Not chosen yet",
        help_text="People with the project lead role, and people in the lead organisation.",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )
    sponsor = forms.CharField(
        label="Sponsor",
        max_length=200,
        required=False,
        help_text="Name and role, e.g. Chief Executive, Fife Council",
    )
    planned_start = forms.DateField(
        label="Planned start",
        required=False,
        widget=DateInput(),
        help_text="For example, 2026-04-01",
        error_messages={"invalid": "Enter the planned start as a date, like 2026-04-01"},
    )
    planned_end = forms.DateField(
        label="Planned end",
        required=False,
        widget=DateInput(),
        help_text="For example, 2027-03-31",
        error_messages={"invalid": "Enter the planned end as a date, like 2027-03-31"},
    )
    estimated_cost = forms.DecimalField(
        label="Estimated cost in pounds",
        required=False,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text="For example, 250000",
        error_messages={
            "invalid": "Enter the estimated cost as a number of pounds, like 250000",
            "min_value": "The estimated cost cannot be negative",
        },
    )
    visibility = forms.ChoiceField(
        label="Who can see this project",
        choices=Visibility.choices,
        initial=Visibility.PARTNERSHIP,
        widget=RadioSelect,
        error_messages={"required": "Choose who can see this project"},
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=500,
        help_text="Separate tags with commas, e.g. cloud, social care",
    )
    # The version the form was opened at: saving over a newer one is a conflict.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actor=None, project=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["version"].required = True
            self.fields["version"].error_messages["required"] = (
                "Open the project's edit page again: this form lost track of the version it "
                "was opened at"
            )
        self.fields["project_lead"].queryset = lead_choices(
            actor=actor, project=project, organisation_id=self._chosen_organisation_id()
        )

    def clean(self):
        # The service's rule on the dates, here too, so it shows beside the form's other
        # errors rather than after they are put right.
        cleaned = super().clean()
        if error := planned_dates_error(cleaned.get("planned_start"), cleaned.get("planned_end")):
            self.add_error("planned_end", error)
        return cleaned

    def _chosen_organisation_id(self):
        raw = self.data.get(self.add_prefix("lead_organisation")) if self.is_bound else None
        if raw is None:
            raw = self.initial.get("lead_organisation")
        if isinstance(raw, Organisation):
            return raw.pk
        try:
            return int(raw) if raw not in (None, "") else None
        except (TypeError, ValueError):
            return None


def lead_choices(*, actor=None, project=None, organisation_id=None):
    """The people the form offers as project lead: the rule's candidates
    (``selectors.project_lead_candidates``), which the service checks again."""
    return project_lead_candidates(actor=actor, project=project, organisation_id=organisation_id)


# Rows of the definition. Each carries the id of the record it edits, so edits keep the
