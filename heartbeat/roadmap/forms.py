"""Forms check the shape of what people type; the services check the rules."""

from __future__ import annotations

from django import forms

from heartbeat.accounts.models import User
from heartbeat.core.fields import DateInput, OptionsField
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import (
    LINK_MAX,
    NAME_MAX,
    NOTE_MAX,
    SUMMARY_MAX,
    ProductKind,
    ProductStatus,
)
from heartbeat.roadmap.quarters import parse_quarter


def date_field(label: str, *, required: bool, example: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=f"For example, {example}",
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a date, like {example}",
        },
    )


class RoadmapFilterForm(forms.Form):
    theme = OptionsField(label="Theme", required=False)
    status = OptionsField(label="Status", required=False)
    council = OptionsField(label="Council", required=False)

    def __init__(self, *args, options: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Every theme"), *options["themes"]]
        self.fields["status"].choices = [("", "Every status"), *options["statuses"]]
        self.fields["council"].choices = [("", "Every council"), *options["councils"]]


class ProductForm(forms.Form):
    name = forms.CharField(label="Name", max_length=NAME_MAX)
    summary = forms.CharField(
        label="Summary",
        required=False,
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What it is and who it is for, in a sentence or two",
    )
    kind = forms.ChoiceField(label="Type", choices=ProductKind.choices)
    status = forms.ChoiceField(label="Status", choices=ProductStatus.choices)
    planned_quarter = forms.ChoiceField(
        label="Planned quarter",
        required=False,
        help_text="A quarter in which the project runs",
    )
    delivered_on = date_field("Delivered date", required=False, example="2026-11-26")
    owner_email = forms.EmailField(
        label="Owner's email address",
        required=False,
        max_length=254,
        help_text="The person who looks after the product; they must use Heartbeat",
        error_messages={"invalid": "Enter the owner's email address, like name@example.gov.uk"},
    )
    link = forms.URLField(
        label="Where it lives",
        required=False,
        max_length=LINK_MAX,
        assume_scheme="https",
        help_text="The web address of the product, for example https://www.example.gov.uk/toolkit",
        error_messages={"invalid": "Enter a web address, like https://www.example.gov.uk/toolkit"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, quarters: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned_quarter"].choices = [("", "Not scheduled yet"), *quarters]
        self.fields[
            "delivered_on"
        ].help_text = (
            "For example, 2026-11-26. Live and retired products have one; others do not yet"
        )

    def clean_owner_email(self):
        email = (self.cleaned_data.get("owner_email") or "").strip()
        if not email:
            return None
        owner = User.objects.filter(email__iexact=email).first()
        if owner is None:
            raise forms.ValidationError(
                "There is no one with that email address in Heartbeat: check it, or leave "
                "the owner empty"
            )
        return owner

    def to_input(self) -> ProductInput:
        data = self.cleaned_data
        owner = data.get("owner_email")
        return ProductInput(
            name=data["name"],
            summary=data.get("summary") or "",
            kind=data["kind"],
            status=data["status"],
            planned_quarter=parse_quarter(data.get("planned_quarter") or ""),
            delivered_on=data.get("delivered_on"),
            owner_id=owner.pk if owner else None,
            link=data.get("link") or "",
        )


class AdoptionForm(forms.Form):
    organisation = forms.ChoiceField(
        label="Organisation",
        error_messages={
            "required": "Choose the organisation that adopted it",
            "invalid_choice": "Choose an organisation from the list",
        },
    )
    adopted_on = date_field("Date adopted", required=True, example="2026-11-26")
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="How you use it, or what you changed, for other councils to learn from",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            # The organisation is fixed (an organisation lead's own, or the record's).
            del self.fields["organisation"]
        else:
            self.fields["organisation"].choices = [("", "Choose an organisation"), *organisations]


class RemoveForm(forms.Form):
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ChangesForm(forms.Form):
    since = date_field("Changes since", required=True, example="2026-09-01")
