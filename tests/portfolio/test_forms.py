"""The project forms: months, tags, repeatable rows and the input they give the services."""

import datetime
from decimal import Decimal

import pytest
from django.http import QueryDict

from heartbeat.portfolio.forms import (
    CatalogueFilterForm,
    ProjectForm,
    build_formsets,
    parse_tags,
    project_input,
    with_row_added,
    with_row_removed,
)
from heartbeat.portfolio.selectors import catalogue_options
from tests.portfolio.factories import ThemeFactory
from tests.portfolio.formdata import project_post
from tests.skills.factories import SkillFactory


def test_tags_are_trimmed_and_not_repeated():
    assert parse_tags(" cloud,  social   care , Cloud,,telecare ") == [
        "cloud",
        "social care",
        "telecare",
    ]
    assert parse_tags("") == []


def _query(data: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query[key] = value
    return query


def test_adding_a_row_adds_one_to_the_total():
    data = _query({"benefits-TOTAL_FORMS": "2", "benefits-INITIAL_FORMS": "1"})
    added = with_row_added(data, "benefits")
    assert added["benefits-TOTAL_FORMS"] == "3"
    assert data["benefits-TOTAL_FORMS"] == "2"  # the posted data is left alone


def test_removing_a_row_moves_later_rows_up():
    data = _query(
        {
            "benefits-TOTAL_FORMS": "3",
            "benefits-INITIAL_FORMS": "2",
            "benefits-0-id": "7",
            "benefits-0-text": "First",
            "benefits-1-id": "8",
            "benefits-1-text": "Second",
            "benefits-2-id": "",
            "benefits-2-text": "Third",
            "requirements-1-text": "Untouched",
        }
    )
    removed = with_row_removed(data, "benefits", 0)
    assert removed["benefits-TOTAL_FORMS"] == "2"
    assert removed["benefits-INITIAL_FORMS"] == "1"
    assert removed["benefits-0-text"] == "Second" and removed["benefits-0-id"] == "8"
    assert removed["benefits-1-text"] == "Third"
    assert "benefits-2-text" not in removed
    assert removed["requirements-1-text"] == "Untouched"


def test_removing_a_row_that_is_not_there_changes_nothing():
    data = _query({"benefits-TOTAL_FORMS": "1", "benefits-0-text": "Only"})
    assert with_row_removed(data, "benefits", 5) is data


def test_tampered_totals_are_read_as_no_rows():
    data = _query({"benefits-TOTAL_FORMS": "many"})
    assert with_row_added(data, "benefits")["benefits-TOTAL_FORMS"] == "1"


@pytest.mark.django_db
def test_project_input_holds_the_filled_rows_and_where_they_came_from():
    theme = ThemeFactory()
    skill = SkillFactory()
    blank_resource = {"skill": "", "level": "working", "people": "1", "days_per_month": ""}
    blank_resource |= {"start_month": "", "end_month": "", "notes": ""}
    data = _query(
        project_post(
            theme=theme,
            tags="cloud, telecare",
            estimated_cost="1250.50",
            rows={
                "scope_in": [{"text": ""}, {"text": "Alarm centres"}],
                "requirements": [{"text": "SSO", "priority": "could", "id": ""}],
                "resources": [
                    blank_resource,
                    {
                        **blank_resource,
                        "skill": skill.pk,
                        "days_per_month": "2.5",
                        "start_month": "April 2026",
                        "end_month": "2026-09",
                    },
                ],
            },
        )
    )
    form = ProjectForm(data)
    formsets = build_formsets(data=data)
    assert form.is_valid(), form.errors
    assert all(formset.is_valid() for formset in formsets.values())

    project_data, index_map = project_input(form, formsets)

    assert project_data.title == "Digital telecare"
    assert project_data.theme_id == theme.pk
    assert project_data.tags == ["cloud", "telecare"]
    assert project_data.estimated_cost == Decimal("1250.50")
    assert [item.text for item in project_data.scope_in] == ["Alarm centres"]
    assert project_data.requirements[0].priority == "could"
    assert project_data.requirements[0].id is None
    resource = project_data.resources[0]
    assert resource.skill_id == skill.pk
    assert resource.days_per_month == Decimal("2.5")
    assert resource.start_month == datetime.date(2026, 4, 1)
    assert index_map["scope_in"] == [1]
    assert index_map["resources"] == [1]
    assert index_map["benefits"] == []


@pytest.mark.django_db
def test_edit_form_needs_the_version_it_was_opened_at():
    theme = ThemeFactory()
    form = ProjectForm(_query(project_post(theme=theme)), editing=True)
    assert not form.is_valid()
    assert "version" in form.errors


@pytest.mark.django_db
def test_visitors_get_no_visibility_filter(member):
    options = catalogue_options()
    assert "visibility" not in CatalogueFilterForm(options=options).fields
    assert "visibility" in CatalogueFilterForm(options=options, user=member).fields
