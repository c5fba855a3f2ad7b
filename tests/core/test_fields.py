"""The one month field and the one date input every form uses."""

import datetime

import pytest
from django import forms

from heartbeat.core.fields import DateInput, MonthField, OptionsField


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


# Options read from the database ------------------------------------------------------------


class _OptionsForm(forms.Form):
    council = OptionsField(label="Council", required=False)


def _options_form(data=None):
    form = _OptionsForm(data=data)
    form.fields["council"].choices = [("", "Every council"), ("fife", "Fife"), ("angus", "Angus")]
    return form


def test_options_are_kept_as_given_on_the_field_and_its_widget():
    form = _options_form()

    expected = [("", "Every council"), ("fife", "Fife"), ("angus", "Angus")]
    assert form.fields["council"].choices == expected
    assert list(form.fields["council"].widget.choices) == expected
    assert 'value="angus">Angus</option>' in str(form["council"])


def test_options_are_checked_like_any_choice():
    assert _options_form({"council": "fife"}).is_valid()
    assert _options_form({"council": ""}).is_valid()
    form = _options_form({"council": "narnia"})

    assert not form.is_valid()
    assert form.errors["council"] == [
        "Select a valid choice. narnia is not one of the available choices."
    ]


def test_options_in_groups_and_from_a_generator():
    field = OptionsField()
    field.choices = (pair for pair in [("Councils", [("fife", "Fife")]), ("x", "X")])

    assert field.choices == [("Councils", [("fife", "Fife")]), ("x", "X")]
    assert field.valid_value("fife")
    assert field.valid_value("x")
    assert not field.valid_value("Councils")


def test_each_form_gets_its_own_options():
    first, second = _OptionsForm(), _OptionsForm()
    first.fields["council"].choices = [("fife", "Fife")]

    assert second.fields["council"].choices == []
