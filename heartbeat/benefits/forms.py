"""Forms check the shape of what people type; the services check the rules. Numbers are
taken as text so a bad one gets the same message on the page as from the API."""

from __future__ import annotations

from django import forms

from heartbeat.benefits.inputs import BenefitInput, CostInput, MeasurementInput, ProfileInput
from heartbeat.benefits.models import (
    MEASURE_LENGTH,
    TEXT_LENGTH,
    TITLE_LENGTH,
    UNIT_LENGTH,
    BeneficiaryScope,
    BenefitStatus,
    Classification,
    CostCategory,
    Granularity,
    Nature,
)
from heartbeat.benefits.periods import period_key, period_label, year_label
from heartbeat.core.fields import DateInput
from heartbeat.skills.models import SkillLevel

NUMBER = {"inputmode": "decimal"}


def _number(label: str, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=24, widget=forms.TextInput(attrs=NUMBER)
    )


def _text(label: str, max_length: int, required: bool = False, rows: int | None = None):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=label, required=required, max_length=max_length, widget=widget)


class BenefitForm(forms.Form):
    title = _text("Title", TITLE_LENGTH, required=True)
    description = _text("Description", TEXT_LENGTH, rows=4)
    classification = forms.ChoiceField(
        label="Classification", choices=Classification.choices, widget=forms.RadioSelect
    )
    nature = forms.ChoiceField(label="Kind", choices=Nature.choices, widget=forms.RadioSelect)
    is_disbenefit = forms.BooleanField(
        label="This is a disbenefit (an outcome seen as negative)", required=False
    )
    measure = _text("Measure (KPI)", MEASURE_LENGTH)
    unit = _text("Unit", UNIT_LENGTH)
    monetised = forms.BooleanField(
        label="Values are in pounds (the benefit counts in the economics)", required=False
    )
    baseline_value = _number("Baseline value")
    baseline_date = forms.DateField(
        label="Baseline date",
        required=False,
        widget=DateInput(),
        help_text="For example, 2026-04-01",
        error_messages={"invalid": "Enter the baseline date as a date, like 2026-04-01"},
    )
    target_value = _number("Target value")
    target_date = forms.DateField(
        label="Target date",
        required=False,
        widget=DateInput(),
        help_text="For example, 2028-03-31",
        error_messages={"invalid": "Enter the target date as a date, like 2028-03-31"},
    )
    beneficiary_scope = forms.ChoiceField(
        label="Who benefits", choices=BeneficiaryScope.choices, widget=forms.RadioSelect
    )
    beneficiaries = forms.MultipleChoiceField(
        label="Councils that benefit", required=False, widget=forms.CheckboxSelectMultiple
    )
    owner = forms.ChoiceField(label="Owner", required=False)
    granularity = forms.ChoiceField(
        label="Expected profile", choices=Granularity.choices, widget=forms.RadioSelect
    )
    status = forms.ChoiceField(label="Status", choices=BenefitStatus.choices)
    evidence = _text("Evidence notes", TEXT_LENGTH, rows=3)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations, people, periods, granularity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beneficiaries"].choices = [(str(o.pk), o.name) for o in organisations]
        self.fields["owner"].choices = [("", "No owner yet")] + [
            (str(p.pk), p.display_name + (f", {p.job_title}" if p.job_title else ""))
            for p in people
        ]
        self.profile_periods = periods
        self.profile_granularity = granularity
        for i, period in enumerate(periods):
            self.fields[f"profile_{i}"] = _number(
                f"Expected in {period_label(period, granularity)}"
            )

    def profile_fields(self):
        return [self[f"profile_{i}"] for i in range(len(self.profile_periods))]

    def field_for(self, name: str | None) -> str | None:
        if name and name.startswith("profile-"):
            parts = name.split("-")
            return f"profile_{parts[1]}" if len(parts) == 3 else None
        return {"beneficiaries": "beneficiaries", "owner": "owner"}.get(name, name)

    def to_input(self) -> BenefitInput:
        d = self.cleaned_data
        granularity = d["granularity"]
        profile = []
        if granularity == self.profile_granularity:
            profile = [
                ProfileInput(period_key(p, granularity), d.get(f"profile_{i}") or "")
                for i, p in enumerate(self.profile_periods)
            ]
        elif any(d.get(f"profile_{i}") for i in range(len(self.profile_periods))):
            # Values typed for the other grid: the service says which periods it wants.
            profile = [
                ProfileInput(period_key(p, self.profile_granularity), d.get(f"profile_{i}") or "")
                for i, p in enumerate(self.profile_periods)
            ]
        return BenefitInput(
            title=d["title"],
            description=d["description"],
            classification=d["classification"],
            nature=d["nature"],
            is_disbenefit=d["is_disbenefit"],
            measure=d["measure"],
            unit=d["unit"],
            monetised=d["monetised"],
            baseline_value=d["baseline_value"],
            baseline_date=d["baseline_date"],
            target_value=d["target_value"],
            target_date=d["target_date"],
            beneficiary_scope=d["beneficiary_scope"],
            beneficiary_ids=[int(i) for i in d["beneficiaries"]],
            owner_id=int(d["owner"]) if d["owner"] else None,
            granularity=granularity,
            status=d["status"],
            evidence=d["evidence"],
            profile=profile,
        )


def benefit_initial(benefit) -> dict:
    initial = {
        name: getattr(benefit, name)
        for name in (
            "title",
            "description",
            "classification",
            "nature",
            "is_disbenefit",
            "measure",
            "unit",
            "monetised",
            "baseline_date",
            "target_date",
            "beneficiary_scope",
            "granularity",
            "status",
            "evidence",
            "version",
        )
    }
    for name in ("baseline_value", "target_value"):
        value = getattr(benefit, name)
        initial[name] = "" if value is None else f"{value.normalize():f}"
    initial["beneficiaries"] = [str(o.pk) for o in benefit.beneficiaries.all()]
    initial["owner"] = str(benefit.owner_id) if benefit.owner_id else ""
    return initial


def profile_initial(benefit, periods) -> dict:
    values = {entry.period_start: entry.value for entry in benefit.profile.all()}
    return {
        f"profile_{i}": f"{values[p].normalize():f}" for i, p in enumerate(periods) if p in values
    }


class MeasurementForm(forms.Form):
    organisation = forms.ChoiceField(label="Who received it")
    period = forms.ChoiceField(label="Period")
    value = _number("Value realised")
    narrative = _text("What was realised", TEXT_LENGTH, rows=3)
    evidence = _text("Evidence", TEXT_LENGTH, required=True, rows=3)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations, periods, granularity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisations
        self.fields["period"].choices = [
            (period_key(p, granularity), period_label(p, granularity)) for p in reversed(periods)
        ]

    def to_input(self) -> MeasurementInput:
        d = self.cleaned_data
        return MeasurementInput(
            period=d["period"], value=d["value"], narrative=d["narrative"], evidence=d["evidence"]
        )


class CostForm(forms.Form):
    organisation = forms.ChoiceField(label="Who paid")
    category = forms.ChoiceField(label="Kind of cost", choices=CostCategory.choices)
    description = _text("Description", TITLE_LENGTH, required=True)
    amount = _number("Amount (£)", required=True)
    financial_year = forms.ChoiceField(label="Financial year")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in organisations]
        self.fields["financial_year"].choices = [(year_label(y), year_label(y)) for y in years]
        self.fields["amount"].error_messages["required"] = "Enter the amount in pounds"

    def to_input(self) -> CostInput:
        d = self.cleaned_data
        return CostInput(
            category=d["category"],
            description=d["description"],
            amount=d["amount"],
            financial_year=d["financial_year"],
            organisation_id=int(d["organisation"]),
        )


class SettingsForm(forms.Form):
    discount_rate = _number("Discount rate (% a year)", required=True)
    base_year = forms.CharField(label="Base year (the year a financial year starts)", max_length=4)
    years_after_end = forms.CharField(
        label="Years after a project ends that its benefits may be profiled", max_length=2
    )
    day_rate_source = _text("Where the day rates come from", 500, rows=3)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for level, label in SkillLevel.choices:
            self.fields[f"rate_{level}"] = _number(f"Day rate, {label.lower()} (£)", required=True)

    def rate_fields(self):
        return [self[f"rate_{level}"] for level in SkillLevel.values]
