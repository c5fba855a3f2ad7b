"""The one month field and the one date input every form uses."""

import datetime

import pytest
from django import forms

from heartbeat.core.fields import DateInput, MonthField


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2026-04", datetime.date(2026, 4, 1)),
        ("2026-4", datetime.date(2026, 4, 1)),
        ("2026-09-17", datetime.date(2026, 9, 1)),
        ("04/2026", datetime.date(2026, 4, 1)),
        ("April 2026", datetime.date(2026, 4, 1)),
        ("sep 2026", datetime.date(2026, 9, 1)),
        (" September 2026 ", datetime.date(2026, 9, 1)),
    ],
)
def test_month_field_reads_what_people_and_pickers_send(text, month):
    assert MonthField().clean(text) == month


@pytest.mark.parametrize(
    "text", ["2026-13", "Smarch 2026", "next April", "13/2026", "0026-01", "2101-01"]
)
def test_month_field_refuses_what_is_not_a_month(text):
    with pytest.raises(forms.ValidationError) as error:
        MonthField().clean(text)
    assert error.value.messages == [
        "Enter a month like April 2027 or 2027-04, between 2000 and 2100"
    ]


def test_month_field_shows_a_date_as_a_month_picker_value():
    assert MonthField().prepare_value(datetime.date(2026, 4, 1)) == "2026-04"


def test_an_empty_optional_month_is_none():
    assert MonthField(required=False).clean("") is None


def test_a_date_input_writes_the_one_form_a_date_picker_reads():
    # The site's locale (en-gb) would write 26/11/2026, which a date picker shows as empty.
    html = DateInput().render("due", datetime.date(2026, 11, 26))
    assert 'type="date"' in html and 'value="2026-11-26"' in html
    field = forms.DateField(widget=DateInput())
    assert field.clean("2026-11-26") == datetime.date(2026, 11, 26)
