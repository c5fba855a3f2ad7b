"""Fields and widgets the project forms share: dates, months, radios, people and tags."""

import datetime
import re

from django import forms

MONTHS = [datetime.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_MONTH_NAMES = {name.lower(): i for i, name in enumerate(MONTHS, start=1)}
MAX_ROWS = 200
_MONTH_NAMES.update({name[:3].lower(): i for i, name in enumerate(MONTHS, start=1)})


class DateInput(forms.DateInput):
    """A browser date picker; without one, people type 2026-11-26."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MonthInput(forms.TextInput):
    input_type = "month"


class MonthField(forms.Field):
    """A month, stored as its first day. Accepts 2026-04 (what month pickers send),
    04/2026 and April 2026 (what people type where there is no picker)."""

    widget = MonthInput
    default_error_messages = {
        "invalid": "Enter a month like 2026-04 or April 2026",
    }

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.year:04d}-{value.month:02d}"
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        text = str(value).strip()
        year = month = None
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", text):
            year, month = int(match[1]), int(match[2])
        elif match := re.fullmatch(r"(\d{1,2})\s*/\s*(\d{4})", text):
            month, year = int(match[1]), int(match[2])
        elif match := re.fullmatch(r"([A-Za-z]+)\s+(\d{4})", text):
            month, year = _MONTH_NAMES.get(match[1].lower()), int(match[2])
        if not year or not month or not 1 <= month <= 12 or year < 1900:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(year, month, 1)

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except forms.ValidationError:
            return True


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
