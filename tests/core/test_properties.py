"""Property-based tests (Hypothesis) of the pure functions every app uses for numbers,
dates and text: formatting, months, the export writers and the control-character rule."""

import csv
import datetime
import io
import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from heartbeat.core import formatting
from heartbeat.core.exports import clean_text, export_content, guard_formula
from heartbeat.core.months import add_months, first_of_month, month_range, months_between
from heartbeat.core.text import first_unstorable

PROPERTIES = settings(max_examples=60, deadline=None, database=None)

amounts = st.decimals(min_value=Decimal("-1000000000"), max_value=Decimal("1000000000"), places=3)
days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))


def _parse(written: str) -> Decimal:
    negative = written.startswith("-")
    digits = re.sub(r"[^0-9.]", "", written)
    return -Decimal(digits) if negative else Decimal(digits)


@PROPERTIES
@given(amounts)
def test_money_reads_back_as_the_amount_rounded_half_up(amount):
    pounds = _parse(formatting.money(amount))
    pence = _parse(formatting.money(amount, pence=True))
    assert pounds == amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert pence == amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert formatting.money(amount).lstrip("-").startswith("£")


@PROPERTIES
@given(amounts, st.integers(min_value=0, max_value=3))
def test_numbers_read_back_as_the_value_rounded_half_up(value, places):
    written = formatting.number(value, places)
    assert _parse(written) == value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@PROPERTIES
@given(days)
def test_every_day_falls_in_the_financial_year_named_for_it(day):
    start, end = formatting.financial_year_bounds(formatting.financial_year_start(day))
    assert start <= day <= end
    assert start.month == 4 and start.day == 1
    label = formatting.financial_year(day)
    assert label == f"{start.year}-{str(end.year)[-2:]}"
    assert re.fullmatch(r"\d{4}-\d{2}", label)


@PROPERTIES
@given(st.integers(min_value=2000, max_value=2098), st.integers(min_value=1, max_value=3))
def test_whole_financial_years_are_written_as_years(first_year, years):
    start, end = datetime.date(first_year, 4, 1), datetime.date(first_year + years, 3, 1)
    written = formatting.period(start, end)
    names = [formatting.financial_year(start), formatting.financial_year(end)]
    assert written == names[0] if years == 1 else written == " to ".join(names)


@PROPERTIES
@given(days, days)
def test_any_period_is_written_from_its_first_month(start, end):
    start, end = sorted((first_of_month(start), first_of_month(end)))
    written = formatting.period(start, end)
    if not formatting.is_whole_financial_years(start, end):
        assert written.startswith(formatting.uk_month(start))
        assert written.endswith(formatting.uk_month(end))


@PROPERTIES
@given(days, st.integers(min_value=-600, max_value=600))
def test_adding_months_then_taking_them_away_returns_to_the_month(day, count):
    month = first_of_month(day)
    assert add_months(add_months(month, count), -count) == month


@PROPERTIES
@given(days, days)
def test_a_month_range_has_as_many_months_as_between_them(a, b):
    months = month_range(a, b)
    assert len(months) == months_between(first_of_month(a), b)
    assert all(m.day == 1 for m in months)
    assert months == sorted(set(months))


text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@PROPERTIES
@given(text)
def test_any_text_goes_into_an_xlsx_file_and_comes_back_clean(value):
    content = export_content("xlsx", headers=["Name"], rows=[[value]], title=value or "Export")
    sheet = load_workbook(io.BytesIO(content)).active
    stored = sheet["A2"].value
    # XML gives back a carriage return as a newline, so line breaks are written as newlines.
    expected = clean_text(value).replace("\r\n", "\n").replace("\r", "\n")
    assert (stored or "") == expected
    assert first_unstorable(stored or "") is None


@PROPERTIES
@given(text)
def test_any_text_goes_into_a_csv_file_guarded_against_formulas(value):
    content = export_content("csv", headers=["Name"], rows=[[value]])
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert rows[1] == [guard_formula(clean_text(value))]
    assert not rows[1][0].startswith(("=", "+", "-", "@"))


@PROPERTIES
@given(text)
def test_a_form_field_keeps_text_or_says_what_to_remove(value):
    field = forms.CharField(required=False)
    try:
        cleaned = field.clean(value)
    except forms.ValidationError as error:
        assert first_unstorable(value)
        assert error.messages
    else:
        assert first_unstorable(cleaned) is None
