"""Fields and widgets the project forms share: dates, months, radios, people and tags."""

from django import forms

from heartbeat.core.fields import DateInput, MonthField, MonthInput

MAX_ROWS = 200

__all__ = ["MAX_ROWS", "DateInput", "MonthField", "MonthInput", "RadioSelect", "UserChoiceField"]


class RadioSelect(forms.RadioSelect):
    """Radios whose group keeps the field's id, so the error summary can link to it.
    (Named like Django's: the field macro draws widgets by their class name.)"""

    def id_for_label(self, id_, index=None):
        if index is None:
            return id_
        return super().id_for_label(id_, index)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.organisation_id:
            return f"{obj.display_name} ({obj.organisation.name})"
        return obj.display_name


class SubAreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.theme.name}: {obj.name}"


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without blanks or repeats (first spelling wins)."""
    seen, tags = set(), []
    for raw in (text or "").split(","):
        tag = " ".join(raw.split())
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return tags
