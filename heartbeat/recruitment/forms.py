"""Forms check the shape of what people type; the services check the rules."""

from __future__ import annotations

import datetime

from django import forms

from heartbeat.core.fields import MonthField, OptionsField
from heartbeat.core.formatting import uk_month
from heartbeat.core.months import (
    MAX_WORKING_DAYS,
    add_months,
    first_of_month,
    month_range,
    parse_month,
)
from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import ParticipationRole, ParticipationStatus
from heartbeat.skills.models import SkillLevel

# Rows for planned reductions on the pledge form (enough for a summer and a Christmas).
REDUCTION_ROWS = 4


def month_choices(months: list[datetime.date], blank: str | None = None) -> list[tuple[str, str]]:
    choices = [(f"{m:%Y-%m}", uk_month(m)) for m in months]
    return [("", blank), *choices] if blank is not None else choices


class MonthChoiceField(forms.ChoiceField):
    def to_python(self, value):
        value = super().to_python(value)
        return parse_month(value) if value else None

    def valid_value(self, value):
        return super().valid_value(f"{value:%Y-%m}" if isinstance(value, datetime.date) else value)


def _days_field(label: str, required: bool = True, max_value=None) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=6,
        decimal_places=1,
        max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a number, like 2.5",
            "max_decimal_places": "Give days to one decimal place at most, like 2.5",
            "max_value": f"The {label.lower()} can be {max_value} at most: no month has more "
            "working days in Scotland",
        },
    )


class PledgeForm(forms.Form):
    """Who, at what level, how many days a month, from when to when, with reductions."""

    person = forms.ChoiceField(label="Person", required=False)
    capacity_label = forms.CharField(
        label="Or describe who, if no one is named yet",
        required=False,
        max_length=200,
    )
    level = forms.ChoiceField(label="Level", choices=SkillLevel.choices)
    days_per_month = _days_field("Days per month", max_value=MAX_WORKING_DAYS)
    start_month = MonthChoiceField(label="First month")
    end_month = MonthChoiceField(label="Last month")
    notes = forms.CharField(
        label="Notes", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, requirement, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.requirement = requirement
        months = month_range(requirement.start_month, requirement.end_month)
        self.fields["person"].choices = [("", "No one named yet: unnamed capacity")] + [
            (str(p.pk), p.display_name + (f", {p.job_title}" if p.job_title else ""))
            for p in people
        ]
        self.fields["start_month"].choices = month_choices(months)
        self.fields["end_month"].choices = month_choices(months)
        for i in range(REDUCTION_ROWS):
            self.fields[f"adjustment_{i}_month"] = MonthChoiceField(
                label=f"Reduction {i + 1}: month",
                required=False,
                choices=month_choices(months, blank="No reduction"),
            )
            self.fields[f"adjustment_{i}_days"] = _days_field(
                f"Reduction {i + 1}: days that month", required=False, max_value=MAX_WORKING_DAYS
            )

    def reduction_rows(self):
        return [
            (self[f"adjustment_{i}_month"], self[f"adjustment_{i}_days"])
            for i in range(REDUCTION_ROWS)
        ]

    def clean(self):
        data = super().clean()
        for i in range(REDUCTION_ROWS):
            month, days = data.get(f"adjustment_{i}_month"), data.get(f"adjustment_{i}_days")
            if month and days is None and f"adjustment_{i}_days" not in self.errors:
                self.add_error(f"adjustment_{i}_days", f"Enter the days in {uk_month(month)}, or 0")
            if days is not None and not month:
                self.add_error(f"adjustment_{i}_month", "Choose the month of the reduction")
        return data

    def to_input(self) -> PledgeInput:
        data = self.cleaned_data
        adjustments = []
        for i in range(REDUCTION_ROWS):
            month, days = data.get(f"adjustment_{i}_month"), data.get(f"adjustment_{i}_days")
            if month and days is not None:
                adjustments.append(AdjustmentInput(month=month, days=days))
        return PledgeInput(
            level=data["level"],
            days_per_month=data["days_per_month"],
            start_month=data["start_month"],
            end_month=data["end_month"],
            person_id=int(data["person"]) if data.get("person") else None,
            capacity_label=data.get("capacity_label", ""),
            adjustments=adjustments,
            notes=data.get("notes", ""),
        )

    @staticmethod
    def initial_for(pledge) -> dict:
        initial = {
            "person": str(pledge.person_id) if pledge.person_id else "",
            "capacity_label": pledge.capacity_label,
            "level": pledge.level,
            "days_per_month": pledge.days_per_month,
            "start_month": f"{pledge.start_month:%Y-%m}",
            "end_month": f"{pledge.end_month:%Y-%m}",
            "notes": pledge.notes,
            "version": pledge.version,
        }
        for i, adjustment in enumerate(list(pledge.adjustments.all())[:REDUCTION_ROWS]):
            initial[f"adjustment_{i}_month"] = f"{adjustment.month:%Y-%m}"
            initial[f"adjustment_{i}_days"] = adjustment.days
        return initial

    @staticmethod
    def initial_for_need(requirement) -> dict:
        return {
            "level": requirement.level,
            "days_per_month": requirement.days_per_month,
            "start_month": f"{requirement.start_month:%Y-%m}",
            "end_month": f"{requirement.end_month:%Y-%m}",
        }

    def field_for(self, service_field: str | None) -> str | None:
        """The form field a service's error names (adjustments-0-days is adjustment_0_days)."""
        if not service_field:
            return None
        if service_field.startswith("adjustments-"):
            _, index, name = service_field.split("-", 2)
            service_field = f"adjustment_{index}_{name}"
        return service_field if service_field in self.fields else None


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the pledge being withdrawn?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason for withdrawing the pledge"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ParticipationForm(forms.Form):
    status = forms.ChoiceField(
        label="Your organisation's part in the project",
        choices=ParticipationStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose interested, committed, active or withdrawn"},
    )
    role = forms.ChoiceField(
        label="Role",
        choices=ParticipationRole.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Reason for withdrawing",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed only when withdrawing",
    )


class CapacityForm(forms.Form):
    days_per_month = _days_field("Days per month")
    start_month = MonthField(
        label="First month", help_text="For example, April 2026", widget=forms.TextInput()
    )
    end_month = MonthField(
        label="Last month", help_text="For example, March 2027", widget=forms.TextInput()
    )
    note = forms.CharField(label="Note", required=False, max_length=300)

    def __init__(self, *args, with_version: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_version:
            # The version the person read: a change made meanwhile answers 409.
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1
            )
        for name in ("start_month", "end_month"):
            self.fields[name].error_messages["required"] = (
                f"Enter the {self.fields[name].label.lower()}, like 2026-04"
            )


class NeedFilterForm(forms.Form):
    """The open-needs filters, drawn from the URL's parameters (the selector parses them)."""

    skill = OptionsField(label="Skill or role", required=False)
    level = forms.ChoiceField(
        label="Level", required=False, choices=[("", "Any level"), *SkillLevel.choices]
    )
    theme = OptionsField(label="Theme", required=False)
    month = OptionsField(label="Month", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("", "Largest gap in a month"),
            ("shortfall", "Most days short"),
            ("start", "Soonest start"),
            ("project", "Project"),
        ],
    )

    def __init__(self, *args, skills, themes, today: datetime.date, chosen_month=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [("", "Any skill")] + [(s.slug, s.name) for s in skills]
        self.fields["theme"].choices = [("", "Any theme")] + [(t.slug, t.name) for t in themes]
        start = first_of_month(today)
        months = [add_months(start, i) for i in range(24)]
        if chosen_month and chosen_month not in months:
            months = sorted([chosen_month, *months])
        self.fields["month"].choices = month_choices(months, blank="Any month")
