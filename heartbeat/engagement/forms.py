"""Forms check the shape of what people type; the services check the rules. Lengths come
from ``models.limits``, as in the services and the API."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from heartbeat.engagement.inputs import ArticleInput, EventInput
from heartbeat.engagement.models import EmailFrequency, EventFeedback, EventFormat, limits
from heartbeat.portfolio.models import Visibility


def _no_nul(value: str) -> str:
    if value and "\x00" in value:
        raise forms.ValidationError("Remove the character that cannot be saved (a NUL byte).")
    return value


class CleanCharField(forms.CharField):
    def clean(self, value):
        return _no_nul(super().clean(value))


class Textarea(forms.Textarea):
    def __init__(self, rows=6):
        super().__init__(attrs={"rows": rows})


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


def _datetime_field(label: str, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a date and time, like 2026-11-12 10:00",
        },
    )


def _local(value) -> str:
    """A time as a datetime-local input shows it."""
    return f"{timezone.localtime(value):%Y-%m-%dT%H:%M}" if value else ""


def _lines(value: str) -> list[str]:
    return [part.strip() for part in (value or "").replace("\n", ",").split(",") if part.strip()]


class ArticleForm(forms.Form):
    title = CleanCharField(label="Title", max_length=limits.TITLE)
    summary = CleanCharField(label="Summary", max_length=limits.SUMMARY, widget=Textarea(rows=2))
    body = CleanCharField(
        label="Article", max_length=limits.ARTICLE_BODY, widget=Textarea(rows=14), strip=False
    )
    visibility = forms.ChoiceField(
        label="Who can read it", choices=Visibility.choices, widget=forms.RadioSelect
    )
    tags = CleanCharField(label="Tags", required=False, max_length=1000)
    projects = forms.MultipleChoiceField(label="Related projects", required=False)
    themes = forms.MultipleChoiceField(
        label="Related themes", required=False, widget=forms.CheckboxSelectMultiple
    )
    action = forms.ChoiceField(
        label="Publishing",
        choices=[
            ("draft", "Save as a draft"),
            ("publish", "Publish: now, or at the date and time below"),
        ],
        widget=forms.RadioSelect,
    )
    publish_at = _datetime_field("Publish at", required=False)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, projects=(), themes=(), published=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].choices = [(p.slug, p.title) for p in projects]
        self.fields["themes"].choices = [(t.slug, t.name) for t in themes]
        if published:
            self.fields["action"].choices = [("publish", "Published")]

    def to_input(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            visibility=data["visibility"],
            tags=_lines(data.get("tags", "")),
            project_slugs=list(data.get("projects") or []),
            theme_slugs=list(data.get("themes") or []),
            action=data["action"],
            publish_at=data.get("publish_at"),
        )

    @staticmethod
    def initial_for(article) -> dict:
        return {
            "title": article.title,
            "summary": article.summary,
            "body": article.body,
            "visibility": article.visibility,
            "tags": ", ".join(t.name for t in article.tags.all()),
            "projects": [p.slug for p in article.projects.all()],
            "themes": [t.slug for t in article.themes.all()],
            "action": "draft" if article.status == "draft" else "publish",
            "publish_at": _local(article.publish_at),
            "version": article.version,
        }


class EventForm(forms.Form):
    title = CleanCharField(label="Title", max_length=limits.TITLE)
    summary = CleanCharField(label="Summary", max_length=limits.SUMMARY, widget=Textarea(2))
    starts_at = _datetime_field("Start")
    ends_at = _datetime_field("End")
    format = forms.ChoiceField(
        label="How people take part", choices=EventFormat.choices, widget=forms.RadioSelect
    )
    place = CleanCharField(label="Place", required=False, max_length=limits.PLACE)
    online_link = CleanCharField(label="Online link", required=False, max_length=limits.LINK)
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=limits.MAX_CAPACITY,
        error_messages={
            "required": "Enter the number of places",
            "invalid": "Enter the number of places as a whole number, like 120",
            "min_value": "Give at least 1 place",
            "max_value": f"Give at most {limits.MAX_CAPACITY:,} places",
        },
    )
    agenda = CleanCharField(
        label="Agenda", required=False, max_length=limits.AGENDA, widget=Textarea(10), strip=False
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", "The event must end after it starts")
        return data

    def to_input(self) -> EventInput:
        data = self.cleaned_data
        return EventInput(
            title=data["title"],
            summary=data["summary"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            format=data["format"],
            capacity=data["capacity"],
            place=data.get("place", ""),
            online_link=data.get("online_link", ""),
            agenda=data.get("agenda", ""),
        )

    @staticmethod
    def initial_for(event) -> dict:
        return {
            "title": event.title,
            "summary": event.summary,
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            "format": event.format,
            "place": event.place,
            "online_link": event.online_link,
            "capacity": event.capacity,
            "agenda": event.agenda,
            "version": event.version,
        }


class QuestionForm(forms.Form):
    text = CleanCharField(
        label="Your question",
        max_length=limits.QUESTION,
        widget=Textarea(4),
        error_messages={
            "required": "Enter your question",
            "max_length": f"Your question must be {limits.QUESTION:,} characters or fewer",
        },
    )
    anonymous = forms.BooleanField(
        label="Ask anonymously: other members will not see your name", required=False
    )


class RejectForm(forms.Form):
    reason = CleanCharField(
        label="Reason for rejecting",
        max_length=limits.REASON,
        error_messages={"required": "Enter the reason for rejecting the question"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class MergeForm(forms.Form):
    into = forms.ChoiceField(
        label="Merge into",
        error_messages={"required": "Choose the question to merge it into"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [("", "Choose a question")] + [
            (str(q.pk), f"{q.text[:90]} ({q.vote_count} votes)") for q in targets
        ]


class AnswerForm(forms.Form):
    answer = CleanCharField(
        label="Answer",
        max_length=limits.ANSWER,
        widget=Textarea(6),
        error_messages={"required": "Enter the answer"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="How useful was the event?",
        choices=EventFeedback.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how useful the event was"},
    )
    views = CleanCharField(
        label="Your views",
        required=False,
        max_length=limits.FEEDBACK,
        widget=Textarea(6),
    )


class ResponseForm(forms.Form):
    body = CleanCharField(
        label="The response",
        max_length=limits.RESPONSE_BODY,
        widget=Textarea(14),
        strip=False,
        error_messages={"required": "Enter the response"},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="Email me my notifications",
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often to receive emails"},
    )
