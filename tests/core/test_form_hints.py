"""Every date and month field's hint gives an example the field accepts, and every date
field draws the one date input (issue 8, point 9)."""

import importlib
import pkgutil
import re

from django import forms

import heartbeat
from heartbeat.core.fields import DateInput, MonthField

EXAMPLE = re.compile(r"(?:for example|like),?\s+(.+?)(?:\.|$)", re.IGNORECASE)
# What an example of a date or a month looks like: 2026-11-26, 2027-04, April 2027, 04/2027.
DATE_LIKE = re.compile(r"\d{4}-\d{2}(-\d{2})?|[A-Z][a-z]+ \d{4}|\d{1,2}/\d{4}")


def _form_classes():
    for module in pkgutil.walk_packages(heartbeat.__path__, "heartbeat."):
        if module.name.rsplit(".", 1)[-1] != "forms" and ".forms." not in module.name:
            continue
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == loaded.__name__
            ):
                yield value


def _date_and_month_fields():
    for form in _form_classes():
        for name, field in getattr(form, "base_fields", {}).items():
            if isinstance(field, forms.DateField | MonthField):
                yield f"{form.__module__}.{form.__name__}.{name}", field


def test_the_forms_have_date_and_month_fields_to_check():
    found = dict(_date_and_month_fields())
    assert sum(isinstance(f, forms.DateField) for f in found.values()) >= 10
    assert sum(isinstance(f, MonthField) for f in found.values()) >= 4


def test_every_date_field_draws_the_one_date_input():
    wrong = [
        name
        for name, field in _date_and_month_fields()
        if isinstance(field, forms.DateField) and not isinstance(field.widget, DateInput)
    ]
    assert not wrong, f"date fields without core.fields.DateInput: {wrong}"


def test_every_example_in_a_hint_or_message_is_accepted_by_its_field():
    problems = []
    checked = 0
    for name, field in _date_and_month_fields():
        texts = [str(field.help_text or ""), str(field.error_messages.get("invalid", ""))]
        for text in texts:
            for match in EXAMPLE.finditer(text):
                for example in re.split(r"\s+or\s+|,\s", match.group(1).strip()):
                    example = example.strip(" '\"")
                    if not DATE_LIKE.fullmatch(example):
                        continue
                    checked += 1
                    try:
                        field.clean(example)
                    except forms.ValidationError:
                        problems.append(f"{name}: {example!r}")
    assert checked >= 10
    assert not problems, f"examples the field refuses: {problems}"
