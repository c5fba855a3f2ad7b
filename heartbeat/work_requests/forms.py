"""Forms check the shape of what people type; the services check the rules."""

from __future__ import annotations

from django import forms

from heartbeat.core.fields import OptionsField
from heartbeat.core.formatting import money
from heartbeat.work_requests.inputs import NewProjectInput, WorkRequestInput
from heartbeat.work_requests.models import (
    MAX_AFFECTED,
    MAX_BENEFIT_NOTES,
    MAX_BENEFIT_VALUE,
    MAX_COMMENT,
    MAX_NEED,
    MAX_OUTCOME,
    MAX_PROBLEM,
    MAX_REASON,
    MAX_TITLE,
    URGENCY_HINTS,
    Urgency,
)
from heartbeat.work_requests.selectors import SORT_OPTIONS, STATE_FILTERS

PROJECT_TITLE_MAX = 200
PROJECT_SUMMARY_MAX = 400


def _text(label: str, max_length: int, *, rows: int | None = None, required=True, missing=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages={
            "required": missing or f"Enter {label.lower()}.",
            "max_length": f"{label} must be {max_length:,} characters or fewer.",
            "null_characters_not_allowed": f"{label} contains a character that cannot be saved "
            "(a null byte): remove it and try again.",
        },
    )


class WorkRequestForm(forms.Form):
    title = _text("Title", MAX_TITLE, missing="Enter a title for the request.")
    problem = _text(
        "The problem",
        MAX_PROBLEM,
        rows=6,
        missing="Describe the problem your council needs solved.",
    )
    affected = _text(
        "Who is affected", MAX_AFFECTED, rows=3, missing="Say who is affected by the problem."
    )
    outcome = _text(
        "The outcome you want", MAX_OUTCOME, rows=4, missing="Describe the outcome you want."
    )
    theme = forms.TypedChoiceField(
        label="Theme",
        coerce=int,
        error_messages={
            "required": "Choose the theme the request belongs to.",
            "invalid_choice": "Choose the theme the request belongs to.",
        },
    )
    urgency = forms.ChoiceField(
        label="How urgent is it?",
        widget=forms.RadioSelect,
        choices=[(value, f"{label}: {URGENCY_HINTS[value]}") for value, label in Urgency.choices],
        error_messages={
            "required": "Choose how urgent the request is.",
            "invalid_choice": "Choose how urgent the request is.",
        },
    )
    benefit_value = forms.DecimalField(
        label="Rough benefit a year, in pounds",
        required=False,
        min_value=0,
        max_value=MAX_BENEFIT_VALUE,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={
            "invalid": "Enter the rough benefit as an amount in pounds, like 25000.",
            "min_value": "The rough benefit must be £0 or more.",
            "max_value": f"The rough benefit must be {money(MAX_BENEFIT_VALUE)} a year or less.",
            "max_digits": f"The rough benefit must be {money(MAX_BENEFIT_VALUE)} a year or less.",
            "max_decimal_places": "Give the rough benefit to the penny at most.",
            "max_whole_digits": f"The rough benefit must be {money(MAX_BENEFIT_VALUE)} a year "
            "or less.",
        },
    )
    benefit_notes = _text(
        "How you estimated the benefit", MAX_BENEFIT_NOTES, rows=3, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, themes=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "Choose a theme"), *[(t.pk, t.name) for t in themes]]
        if not editing:
            del self.fields["version"]

    def to_input(self) -> WorkRequestInput:
        data = self.cleaned_data
        return WorkRequestInput(
            title=data["title"],
            problem=data["problem"],
            affected=data["affected"],
            outcome=data["outcome"],
            theme_id=data["theme"],
            urgency=data["urgency"],
            benefit_value=data.get("benefit_value"),
            benefit_notes=data.get("benefit_notes", ""),
        )


class AttachmentForm(forms.Form):
    attachment = forms.FileField(
        label="Attach a file",
        required=True,
        allow_empty_file=True,  # the service says plainly that an empty file is empty
        max_length=1000,
        error_messages={
            "required": "Choose a file to attach.",
            "invalid": "Choose a file to attach.",
            "missing": "Choose a file to attach.",
        },
    )


class SupportForm(forms.Form):
    need = _text(
        "Your council's need",
        MAX_NEED,
        rows=3,
        missing="Say in a line what your council needs, so the programme office can weigh it.",
    )


class CommentForm(forms.Form):
    body = _text("Your comment", MAX_COMMENT, rows=4, missing="Write your comment.")


class TriageForm(forms.Form):
    """One move of triage; what a move needs is checked by the service."""

    to_state = forms.ChoiceField(
        label="What happens next",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what happens to the request.",
            "invalid_choice": "Choose one of the moves listed.",
        },
    )
    reason = _text("Reason for declining", MAX_REASON, rows=3, required=False)
    duplicate_of = forms.CharField(
        label="The request it duplicates",
        required=False,
        max_length=20,
        help_text="Its reference, for example WR-0012.",
    )
    accept_as = forms.ChoiceField(
        label="The request's project",
        widget=forms.RadioSelect,
        required=False,
        choices=[
            ("new", "Turn it into a new proposed project"),
            ("existing", "Link it to an existing project"),
            ("later", "Accept it now; its project will follow"),
        ],
        error_messages={"invalid_choice": "Choose how the request becomes a project."},
    )
    new_title = _text("Title of the new project", PROJECT_TITLE_MAX, required=False)
    new_summary = _text("Summary of the new project", PROJECT_SUMMARY_MAX, rows=3, required=False)
    project = forms.TypedChoiceField(
        label="Existing project",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose an open project from the list."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, moves=(), projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(m.to_state, m.label) for m in moves]
        self.fields["project"].choices = [
            ("", "Choose a project"),
            *[(p.pk, p.title) for p in projects],
        ]

    def clean_duplicate_of(self) -> int | None:
        value = (self.cleaned_data.get("duplicate_of") or "").strip().upper()
        if not value:
            return None
        number = value.removeprefix("WR-").removeprefix("WR").strip()
        if not number.isdigit():
            raise forms.ValidationError("Enter the request's reference, for example WR-0012.")
        return int(number)

    def new_project(self) -> NewProjectInput:
        return NewProjectInput(
            title=self.cleaned_data.get("new_title", ""),
            summary=self.cleaned_data.get("new_summary", ""),
        )


class LinkProjectForm(forms.Form):
    accept_as = forms.ChoiceField(
        label="The request's project",
        widget=forms.RadioSelect,
        choices=[
            ("new", "Turn it into a new proposed project"),
            ("existing", "Link it to an existing project"),
        ],
        error_messages={
            "required": "Choose how the request becomes a project.",
            "invalid_choice": "Choose how the request becomes a project.",
        },
    )
    new_title = TriageForm.base_fields["new_title"]
    new_summary = TriageForm.base_fields["new_summary"]
    project = TriageForm.base_fields["project"]
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [
            ("", "Choose a project"),
            *[(p.pk, p.title) for p in projects],
        ]

    new_project = TriageForm.new_project


class RequestFilterForm(forms.Form):
    """The list's filters, for drawing: values are checked by the selector's parser."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    state = OptionsField(label="State", required=False)
    theme = OptionsField(label="Theme", required=False)
    urgency = forms.ChoiceField(label="Urgency", required=False)
    organisation = OptionsField(label="Raised or supported by", required=False)
    sort = OptionsField(label="Sort by", required=False)

    def __init__(self, *args, themes=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", "Any state"), *STATE_FILTERS]
        self.fields["theme"].choices = [("", "Any theme"), *[(t.slug, t.name) for t in themes]]
        self.fields["urgency"].choices = [("", "Any urgency"), *Urgency.choices]
        self.fields["organisation"].choices = [
            ("", "Any organisation"),
            *[(o.slug, o.name) for o in organisations],
        ]
        self.fields["sort"].choices = list(SORT_OPTIONS)
