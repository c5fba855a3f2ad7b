"""Form fields every app shares: one date input and one month field for the whole site."""

import datetime

from django import forms

from heartbeat.core.months import FIRST_YEAR, LAST_YEAR, first_of_month, parse_month


class DateInput(forms.DateInput):
    """A browser date picker; without one, people type 2026-11-26.

    The widget writes its value as 2026-11-26, the only form a date input takes (left to
    the site's locale, Django would write 26/11/2026, which a date picker shows as empty)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MonthInput(forms.TextInput):
    """A month picker where the browser has one; elsewhere a text box that takes what
    people type (April 2027, 2027-04)."""

    input_type = "month"


class MonthField(forms.Field):
    """A month, cleaned to its first day. Accepts 2027-04 (what month pickers send),
    April 2027, Apr 2027 and 04/2027 (what people type), between 2000 and 2100."""

    widget = MonthInput
    default_error_messages = {
        "invalid": (
            f"Enter a month like April 2027 or 2027-04, between {FIRST_YEAR} and {LAST_YEAR}"
        ),
    }

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.year:04d}-{value.month:02d}"
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return first_of_month(value)
        month = parse_month(str(value))
        if month is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return month

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except forms.ValidationError:
            return True


class OptionsField(forms.ChoiceField):
    """A choice among options read from the database as (value, label) pairs, such as the
    themes or organisations a list can be filtered by.

    Django normalises every option of a ``ChoiceField`` each time its choices are set, on
    every request; with hundreds of organisations that costs more than drawing them. These
    options are kept as the list they are given (pairs of strings or numbers, groups of
    pairs) and are checked the same way when a form is submitted."""

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value):
        # The widget's own setter would normalise them again.
        self._choices = self.widget._choices = list(value)
