"""Forms check the shape of what people type; the services check the rules."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from heartbeat.accounts.models import User
from heartbeat.core.fields import DateInput
from heartbeat.governance.inputs import (
    ActionInput,
    AgendaItemInput,
    BoardInput,
    DecisionInput,
    MeetingInput,
)
from heartbeat.governance.models import (
    ITEM_NUMBER_MAX,
    LINK_MAX,
    MINUTES_MAX,
    NAME_MAX,
    PLACE_MAX,
    REMIT_MAX,
    SUBJECT_FIELDS,
    TEXT_MAX,
    TITLE_MAX,
    ActionStatus,
    AttendanceStatus,
    BoardRole,
    Cadence,
    MeetingStatus,
    Outcome,
)
from heartbeat.governance.services.gates import stage_label


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def date_field(label: str, *, required: bool = True, example: str = "2026-11-26", help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text or f"For example, {example}",
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a date, like {example}",
        },
    )


def time_field(label: str, *, required: bool, example: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        widget=TimeInput(),
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        help_text=f"For example, {example} (24-hour clock)",
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} like {example}",
        },
    )


class PersonEmailField(forms.EmailField):
    """A person of Heartbeat, named by their email address."""

    default_error_messages = {
        "invalid": "Enter an email address, like name@example.gov.uk",
        "unknown": "There is no one with that email address in Heartbeat: check it",
    }

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        person = User.objects.filter(email__iexact=email).select_related("organisation").first()
        if person is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return person


def combine(day: datetime.date | None, time: datetime.time | None) -> datetime.datetime | None:
    if day is None or time is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, time))


class BoardForm(forms.Form):
    name = forms.CharField(label="Name", max_length=NAME_MAX)
    remit = forms.CharField(
        label="Remit",
        max_length=REMIT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the board decides, and for whom",
    )
    cadence = forms.ChoiceField(label="How often it meets", choices=Cadence.choices)
    active = forms.BooleanField(label="The board still meets", required=False, initial=True)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def to_input(self) -> BoardInput:
        d = self.cleaned_data
        return BoardInput(
            name=d["name"], remit=d["remit"], cadence=d["cadence"], active=d["active"]
        )


class SeatForm(forms.Form):
    person = PersonEmailField(
        label="Their email address",
        max_length=254,
        help_text="They must already use Heartbeat",
    )
    role = forms.ChoiceField(label="Role", choices=BoardRole.choices, initial=BoardRole.MEMBER)
    started_on = date_field("Date they joined")


class SeatRoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=BoardRole.choices)


class SeatEndForm(forms.Form):
    ended_on = date_field("Date they left")


class MeetingForm(forms.Form):
    date = date_field("Date")
    start_time = time_field("Start time", required=True, example="10:00")
    end_time = time_field("End time", required=False, example="12:30")
    place = forms.CharField(
        label="Place", max_length=PLACE_MAX, required=False, help_text="The room and building"
    )
    link = forms.URLField(
        label="Online meeting link",
        max_length=LINK_MAX,
        required=False,
        assume_scheme="https",
        help_text="For people joining online, starting https://",
        error_messages={"invalid": "Enter the online meeting link, starting https://"},
    )
    status = forms.ChoiceField(label="Status", choices=MeetingStatus.choices, required=False)
    minutes = forms.CharField(
        label="Minutes",
        max_length=MINUTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="What was discussed and agreed; record decisions and actions separately below",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["status"]
            del self.fields["minutes"]

    def clean(self):
        data = super().clean()
        end = data.get("end_time")
        start = data.get("start_time")
        if end is not None and start is not None and end <= start:
            self.add_error("end_time", "The meeting must end after it starts")
        return data

    def to_input(self, current=None) -> MeetingInput:
        d = self.cleaned_data
        day = d.get("date")
        return MeetingInput(
            starts_at=combine(day, d.get("start_time")),
            ends_at=combine(day, d.get("end_time")),
            place=d.get("place") or "",
            link=d.get("link") or "",
            status=d.get("status") or (current.status if current else MeetingStatus.SCHEDULED),
            minutes=d.get("minutes", current.minutes if current else "") or "",
            others_attending=current.others_attending if current else "",
        )


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="Title", max_length=TITLE_MAX)
    presenter = forms.CharField(
        label="Presented by", max_length=150, required=False, help_text="Name and role"
    )
    summary = forms.CharField(
        label="Summary",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the board is asked to do: note, discuss or decide",
    )
    paper = forms.FileField(
        label="Paper",
        required=False,
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text, up to 20 MB",
        error_messages={"empty": "The paper is empty: choose the file again"},
    )
    remove_paper = forms.BooleanField(label="Remove the current paper", required=False)
    reserved = forms.BooleanField(
        label="Reserved business: only the board's members can read the summary and paper",
        required=False,
    )
    order = forms.IntegerField(
        label="Item number",
        min_value=0,
        max_value=ITEM_NUMBER_MAX,
        required=False,
        help_text="Where it comes on the agenda; leave empty to add it at the end",
        error_messages={"invalid": "Enter the item number as a whole number, like 3"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["remove_paper"]

    def to_input(self) -> AgendaItemInput:
        d = self.cleaned_data
        return AgendaItemInput(
            title=d["title"],
            presenter=d.get("presenter") or "",
            summary=d.get("summary") or "",
            reserved=bool(d.get("reserved")),
            order=d.get("order"),
        )


NOT_RECORDED = ""


class AttendanceForm(forms.Form):
    others_attending = forms.CharField(
        label="Others attending",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Officers presenting and observers, with their organisations",
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        choices = [*AttendanceStatus.choices, (NOT_RECORDED, "Not recorded")]
        for pk, name in people:
            self.fields[f"person-{pk}"] = forms.ChoiceField(
                label=name, choices=choices, required=False, widget=forms.RadioSelect
            )

    def statuses(self) -> dict[int, str]:
        return {
            pk: self.cleaned_data[f"person-{pk}"]
            for pk, _ in self.people
            if self.cleaned_data.get(f"person-{pk}")
        }

    def person_fields(self):
        return [self[f"person-{pk}"] for pk, _ in self.people]


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = PersonEmailField(
        label="Owner's email address",
        max_length=254,
        help_text="The person who will do it; they must use Heartbeat",
    )
    due_on = date_field("Due date")

    def to_input(self) -> ActionInput:
        d = self.cleaned_data
        owner = d.get("owner")
        return ActionInput(
            description=d["description"], owner_id=owner.pk if owner else None, due_on=d["due_on"]
        )


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    update = forms.CharField(
        label="Progress note",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    due_on = date_field("Due date")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    title = forms.CharField(
        label="What the board decided",
        max_length=TITLE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One sentence, for example: Approve the Digital telecare project",
    )
    outcome = forms.ChoiceField(label="Outcome", choices=Outcome.choices, widget=forms.RadioSelect)
    project = forms.TypedChoiceField(label="Project", required=False, coerce=int, empty_value=None)
    product = forms.TypedChoiceField(
        label="Or product", required=False, coerce=int, empty_value=None
    )
    work_request = forms.TypedChoiceField(
        label="Or work request",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="A council's request the board decided about, such as endorsing or funding it",
    )
    gate_stage = forms.ChoiceField(label="Stage gate", required=False)
    conditions = forms.CharField(
        label="Conditions",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything the approval depends on",
    )
    detail = forms.CharField(
        label="Reasons and discussion",
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, subjects: dict, gates: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [("", "No project"), *subjects["projects"]]
        self.fields["product"].choices = [("", "No product"), *subjects["products"]]
        self.fields["work_request"].choices = [
            ("", "No work request"),
            *subjects["work_requests"],
        ]
        self.fields["gate_stage"].choices = [("", "Not a stage-gate decision"), *gates]
        self.fields[
            "gate_stage"
        ].help_text = "An approval at a stage gate moves the project through it when you save"

    def clean(self):
        data = super().clean()
        chosen = [name for name in SUBJECT_FIELDS if data.get(name)]
        if len(chosen) > 1:
            self.add_error(
                chosen[-1],
                "A decision is about one project, one product or one work request: choose "
                "one, and record a decision for each of the others",
            )
        if data.get("gate_stage") and not data.get("project"):
            self.add_error("project", "A stage-gate decision is about a project: choose it")
        return data

    def to_input(self) -> DecisionInput:
        d = self.cleaned_data
        return DecisionInput(
            title=d["title"],
            outcome=d["outcome"],
            detail=d.get("detail") or "",
            conditions=d.get("conditions") or "",
            project_id=d.get("project"),
            product_id=d.get("product"),
            work_request_id=d.get("work_request"),
            gate_stage=d.get("gate_stage") or "",
        )


class GateForm(forms.Form):
    board = forms.ChoiceField(
        label="Board that owns the gate",
        error_messages={"required": "Choose the board that owns the gate"},
    )
    note = forms.CharField(label="Note", max_length=300, required=False)

    def __init__(self, *args, boards: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].choices = [("", "Choose a board"), *boards]


def gate_choices(stages) -> list[tuple[str, str]]:
    return [(s, stage_label(s)) for s in stages]
