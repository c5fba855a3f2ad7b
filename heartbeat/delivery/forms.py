"""Forms for the delivery pages: they check the shape of input; services check the rules."""

from __future__ import annotations

from django import forms

from heartbeat.delivery.cadence import DUE_DAY_CHOICES, Cadence
from heartbeat.delivery.inputs import MilestoneInput, RaidInput, UpdateInput
from heartbeat.delivery.models import (
    DESCRIPTION_MAX,
    LONG_TEXT_MAX,
    MAX_ESCALATE_AFTER_DAYS,
    NAME_MAX,
    OWNER_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    MilestoneStatus,
    Priority,
    Proximity,
    RaidKind,
)
from heartbeat.delivery.scales import DIMENSIONS, Rating, Scale, ScaleCode
from heartbeat.portfolio.forms import DateInput, RadioSelect

SCORE_CHOICES = [
    ("", "Choose"),
    ("1", "1: very low"),
    ("2", "2: low"),
    ("3", "3: medium"),
    ("4", "4: high"),
    ("5", "5: very high"),
]
RATING_CHOICES = [("", "Not rated"), *Rating.choices]


def _text(label: str, max_length: int, *, rows: int = 4, required: bool = False, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class UpdateContentForm(forms.Form):
    """What an update says; shared by the update form and the correction form."""

    confidence = forms.ChoiceField(
        label="Overall delivery confidence",
        widget=RadioSelect,
        error_messages={"required": "Choose the project's overall delivery confidence"},
    )
    summary = forms.CharField(
        label="Summary",
        max_length=SUMMARY_MAX,
        strip=True,
        help_text="How the project is going, in a few sentences a board member can read in a "
        "minute.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter a summary of how the project is going"},
    )
    achievements = _text("Achievements this period", LONG_TEXT_MAX, rows=5)
    next_steps = _text("Next steps", LONG_TEXT_MAX, rows=5)
    decisions_needed = _text(
        "Decisions needed",
        LONG_TEXT_MAX,
        rows=3,
        help_text="Anything the programme board or sponsor needs to decide. Leave empty if none.",
    )
    percent_complete = forms.IntegerField(
        label="Percentage complete",
        min_value=0,
        max_value=100,
        help_text="A whole number from 0 to 100.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the percentage complete as a whole number from 0 to 100",
            "min_value": "Enter the percentage complete as a whole number from 0 to 100",
            "max_value": "Enter the percentage complete as a whole number from 0 to 100",
            "required": "Enter how complete the project is, from 0 to 100 per cent",
        },
    )
    # What a submitted update must say; a draft may leave them for later.
    NEEDED_TO_SUBMIT = ("confidence", "summary", "percent_complete")

    def __init__(self, *args, scale: Scale, drafting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = scale
        if drafting:
            for name in self.NEEDED_TO_SUBMIT:
                self.fields[name].required = False
        self.fields["confidence"].choices = scale.choices
        for name, label in DIMENSIONS:
            self.fields[name] = forms.ChoiceField(
                label=label, choices=RATING_CHOICES, required=False, widget=RadioSelect
            )

    def dimension_fields(self):
        return [self[name] for name, _ in DIMENSIONS]

    def content(self) -> dict:
        data = self.cleaned_data
        values = {name: data.get(name) or "" for name, _ in DIMENSIONS}
        values.update(
            confidence=data.get("confidence") or "",
            summary=data.get("summary") or "",
            achievements=data.get("achievements") or "",
            next_steps=data.get("next_steps") or "",
            decisions_needed=data.get("decisions_needed") or "",
            percent_complete=data.get("percent_complete"),
        )
        return values


class UpdateForm(UpdateContentForm):
    """A new update or a draft: its period, its content, milestones moved and a new risk."""

    period = forms.ChoiceField(
        label="Period",
        required=True,
        error_messages={
            "required": "Choose the period the update is for",
            "invalid_choice": "Choose a period from the list",
        },
    )
    milestone_reason = forms.CharField(
        label="Why have these dates moved?",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    risk_title = forms.CharField(
        label="New risk",
        max_length=NAME_MAX,
        required=False,
        help_text="Leave empty if there is no new risk.",
    )
    risk_likelihood = forms.ChoiceField(label="Likelihood", choices=SCORE_CHOICES, required=False)
    risk_impact = forms.ChoiceField(label="Impact", choices=SCORE_CHOICES, required=False)
    risk_owner = forms.CharField(label="Owner", max_length=OWNER_MAX, required=False)
    risk_mitigation = _text("Mitigation", DESCRIPTION_MAX, rows=2)

    def __init__(self, *args, periods, milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in periods]
        self.milestones = list(milestones)
        for milestone in self.milestones:
            self.fields[f"milestone_{milestone.pk}"] = forms.DateField(
                label=f"Forecast for {milestone.name}",
                required=False,
                widget=DateInput(),
                initial=milestone.forecast_date,
                error_messages={
                    "invalid": f"Enter the forecast for {milestone.name} as a date, "
                    "for example 2027-01-29"
                },
            )

    def milestone_fields(self):
        return [(m, self[f"milestone_{m.pk}"]) for m in self.milestones]

    def to_input(self) -> UpdateInput:
        import datetime

        data = self.cleaned_data
        period = data.get("period")
        forecasts = {
            m.pk: data.get(f"milestone_{m.pk}")
            for m in self.milestones
            if data.get(f"milestone_{m.pk}") and data.get(f"milestone_{m.pk}") != m.forecast_date
        }
        new_risk = None
        if (data.get("risk_title") or "").strip():
            new_risk = RaidInput(
                kind=RaidKind.RISK,
                title=data["risk_title"],
                likelihood=int(data["risk_likelihood"]) if data.get("risk_likelihood") else None,
                impact=int(data["risk_impact"]) if data.get("risk_impact") else None,
                owner=data.get("risk_owner") or "",
                mitigation=data.get("risk_mitigation") or "",
            )
        return UpdateInput(
            period_start=datetime.date.fromisoformat(period) if period else None,
            milestone_forecasts=forecasts,
            milestone_reason=data.get("milestone_reason") or "",
            new_risk=new_risk,
            **self.content(),
        )


class CorrectionForm(UpdateContentForm):
    reason = forms.CharField(
        label="Why are you correcting this update?",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown beside both versions.",
        error_messages={"required": "Enter the reason for the correction"},
    )

    def to_input(self, period_start) -> UpdateInput:
        return UpdateInput(period_start=period_start, **self.content())


class MilestoneForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=NAME_MAX, error_messages={"required": "Enter the milestone's name"}
    )
    description = _text("Description", DESCRIPTION_MAX, rows=2)
    forecast_date = forms.DateField(
        label="Forecast date",
        widget=DateInput(),
        help_text="When it is expected now, for example 2027-01-29.",
        error_messages={
            "required": "Enter the forecast date",
            "invalid": "Enter the forecast date as a date, for example 2027-01-29",
        },
    )
    status = forms.ChoiceField(label="Status", choices=MilestoneStatus.choices)
    actual_date = forms.DateField(
        label="Actual date",
        required=False,
        widget=DateInput(),
        help_text="The day it was met (not in the future).",
        error_messages={"invalid": "Enter the actual date as a date, for example 2026-11-27"},
    )
    reason = forms.CharField(
        label="Reason for a change of date",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when a baselined milestone's forecast moves; kept in its history.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def to_input(self) -> MilestoneInput:
        data = self.cleaned_data
        return MilestoneInput(
            name=data["name"],
            description=data.get("description") or "",
            forecast_date=data.get("forecast_date"),
            status=data.get("status") or MilestoneStatus.NOT_STARTED,
            actual_date=data.get("actual_date"),
            reason=data.get("reason") or "",
        )


class BaselineForm(forms.Form):
    baseline_date = forms.DateField(
        label="Baseline date",
        widget=DateInput(),
        error_messages={
            "required": "Enter the baseline date",
            "invalid": "Enter the baseline date as a date, for example 2027-01-29",
        },
    )
    reason = forms.CharField(
        label="Reason",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RaidForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=NAME_MAX, error_messages={"required": "Enter a title"}
    )
    description = _text("Description", DESCRIPTION_MAX, rows=3)
    owner = forms.CharField(
        label="Owner",
        max_length=OWNER_MAX,
        required=False,
        help_text="Name and role, for example Head of ICT, Fife Council.",
    )
    likelihood = forms.ChoiceField(label="Likelihood", choices=SCORE_CHOICES)
    impact = forms.ChoiceField(label="Impact", choices=SCORE_CHOICES)
    proximity = forms.ChoiceField(
        label="How soon could it happen?",
        choices=[("", "Not known"), *Proximity.choices],
        required=False,
    )
    mitigation = _text("Mitigation", DESCRIPTION_MAX, rows=3)
    priority = forms.ChoiceField(label="Priority", choices=[("", "Choose"), *Priority.choices])
    resolution = _text("Resolution", DESCRIPTION_MAX, rows=3)
    depends_on_project = forms.ChoiceField(label="Another project", required=False)
    depends_on_product = forms.ChoiceField(label="A product of another project", required=False)
    outside_body = forms.CharField(
        label="A body outside the programme",
        max_length=NAME_MAX,
        required=False,
        help_text="For example Openreach, or the Scottish Government.",
    )
    needed_by = forms.DateField(
        label="Needed by",
        required=False,
        widget=DateInput(),
        error_messages={"invalid": "Enter the date as, for example, 2027-03-31"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    KIND_FIELDS = {
        RaidKind.RISK: ("likelihood", "impact", "proximity", "mitigation"),
        RaidKind.ISSUE: ("priority", "resolution"),
        RaidKind.ASSUMPTION: (),
        RaidKind.DEPENDENCY: (
            "depends_on_project",
            "depends_on_product",
            "outside_body",
            "needed_by",
        ),
    }
    ALL_KIND_FIELDS = frozenset(f for names in KIND_FIELDS.values() for f in names)

    def __init__(self, *args, kind: str, project_choices=(), product_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in self.ALL_KIND_FIELDS - set(self.KIND_FIELDS.get(kind, ())):
            del self.fields[name]
        if "depends_on_project" in self.fields:
            self.fields["depends_on_project"].choices = [("", "None"), *project_choices]
            self.fields["depends_on_product"].choices = [("", "None"), *product_choices]
        if kind == RaidKind.RISK:
            self.fields["likelihood"].error_messages["required"] = "Choose the risk's likelihood"
            self.fields["impact"].error_messages["required"] = "Choose the risk's impact"
        if kind == RaidKind.ISSUE:
            self.fields["priority"].error_messages["required"] = "Choose the issue's priority"

    def to_input(self) -> RaidInput:
        data = self.cleaned_data

        def number(name):
            value = data.get(name)
            return int(value) if value not in (None, "") else None

        return RaidInput(
            kind=self.kind,
            title=data.get("title") or "",
            description=data.get("description") or "",
            owner=data.get("owner") or "",
            likelihood=number("likelihood"),
            impact=number("impact"),
            proximity=data.get("proximity") or "",
            mitigation=data.get("mitigation") or "",
            priority=data.get("priority") or "",
            resolution=data.get("resolution") or "",
            depends_on_project_id=number("depends_on_project"),
            depends_on_product_id=number("depends_on_product"),
            outside_body=data.get("outside_body") or "",
            needed_by=data.get("needed_by"),
        )


class CloseForm(forms.Form):
    note = forms.CharField(
        label="Closing note",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    resolution = _text("Resolution", DESCRIPTION_MAX, rows=3)


class EscalateForm(forms.Form):
    note = forms.CharField(
        label="What is the programme asked to do?",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the programme is asked to do"},
    )


class SettingsForm(forms.Form):
    cadence = forms.ChoiceField(
        label="How often projects report", choices=Cadence.choices, widget=RadioSelect
    )
    due_day = forms.TypedChoiceField(
        label="Updates are due on", choices=DUE_DAY_CHOICES, coerce=int
    )
    scale = forms.ChoiceField(
        label="Delivery confidence scale", choices=ScaleCode.choices, widget=RadioSelect
    )
    escalate_after_days = forms.IntegerField(
        label="Days after the due day before the programme office is told",
        min_value=1,
        max_value=MAX_ESCALATE_AFTER_DAYS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": f"Enter a whole number of days from 1 to {MAX_ESCALATE_AFTER_DAYS}",
            "min_value": f"Enter a whole number of days from 1 to {MAX_ESCALATE_AFTER_DAYS}",
            "max_value": f"Enter a whole number of days from 1 to {MAX_ESCALATE_AFTER_DAYS}",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CadenceForm(forms.Form):
    cadence = forms.ChoiceField(
        label="This project reports",
        choices=[("", "On the programme's cadence"), *Cadence.choices],
        required=False,
    )
