"""Approval takes a baseline of the definition; later edits show against it, with who made
each difference and when, on the project page, in the API and on the programme page (issue
7, point 2)."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.urls import reverse

from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.inputs import RequirementInput
from heartbeat.portfolio.models import ProjectBaseline, Stage, Visibility
from tests.portfolio.factories import ProjectFactory, ThemeFactory, project_input
from tests.portfolio.formdata import text_of
from tests.querybudget import assert_same_queries
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def approved(programme_office, project_lead):
    """Digital telecare, proposed by its lead, defined and approved by the programme office."""
    project = services.project_create(
        actor=project_lead,
        data=project_input(
            ThemeFactory(name="Digital Services"),
            skill=SkillFactory(name="Delivery manager"),
            lead_organisation=project_lead.organisation,
            project_lead=project_lead,
        ),
    )
    for stage in (Stage.DEFINED, Stage.APPROVED):
        services.project_transition(actor=programme_office, project=project, to_stage=stage)
    project.refresh_from_db()
    return project


def _edit(actor, project, **changes):
    data = selectors.project_to_input(selectors.project_detail(actor, project.slug))
    data = replace(data, **changes)
    return services.project_update(
        actor=actor, project=project, data=data, expected_version=project.version
    )


def _differences(project):
    return {
        (d["action"], d["subject"]): d
        for d in ProjectBaseline.objects.get(pk=project.baseline_id).differences
    }


def test_approval_freezes_the_definition(approved, programme_office):
    baseline = approved.baseline
    assert baseline.taken_by == programme_office
    assert baseline.transition.to_stage == Stage.APPROVED
    definition = baseline.definition
    assert (definition["planned_start"], definition["planned_end"]) == (
        "2026-04-01",
        "2027-03-31",
    )
    assert definition["estimated_cost"] == "250000.00"
    assert [s["text"] for s in definition["scope"]] == [
        "Alarm receiving centres",
        "Housing alarms",
    ]
    assert [r["text"] for r in definition["requirements"]] == [
        "Digital alarms in every home",
        "Shared procurement",
    ]
    assert definition["needs"][0]["skill"] == "Delivery manager"
    assert (baseline.differences, baseline.has_differences) == ([], False)


def test_edits_after_approval_are_shown_against_the_baseline(approved, project_lead):
    data = selectors.project_to_input(selectors.project_detail(project_lead, approved.slug))
    _edit(
        project_lead,
        approved,
        planned_end=datetime.date(2027, 6, 30),
        requirements=[*data.requirements, RequirementInput("Alarm data kept in Scotland")],
        scope_out=[],
        resources=[replace(data.resources[0], people=3)],
        summary="Not part of the baseline",
    )
    approved.refresh_from_db()
    found = _differences(approved)

    assert set(found) == {
        ("changed", "the planned end"),
        ("added", "requirement “Alarm data kept in Scotland”"),
        ("removed", "out of scope item “Housing alarms”"),
        ("changed", "resource need “Delivery manager, Practitioner”"),
    }
    end = found[("changed", "the planned end")]
    assert end["changes"] == [
        {"label": "Planned end", "before": "31 March 2027", "after": "30 June 2027"}
    ]
    need = found[("changed", "resource need “Delivery manager, Practitioner”")]
    assert need["changes"] == [{"label": "People", "before": "2", "after": "3"}]
    assert {d["by"] for d in found.values()} == {project_lead.display_name}
    assert all(d["at"] for d in found.values())
    assert approved.baseline.has_differences


def test_a_difference_keeps_its_author_until_it_changes_again(
    approved, project_lead, programme_office
):
    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    approved.refresh_from_db()
    first = _differences(approved)[("changed", "the planned end")]

    # Someone else edits something else: the planned end's difference is still the lead's.
    _edit(programme_office, approved, estimated_cost=Decimal("300000"))
    approved.refresh_from_db()
    found = _differences(approved)
    assert found[("changed", "the planned end")] == first
    assert found[("changed", "the estimated cost")]["by"] == programme_office.display_name

    # Put back as approved, a difference is gone.
    _edit(programme_office, approved, planned_end=datetime.date(2027, 3, 31))
    approved.refresh_from_db()
    assert set(_differences(approved)) == {("changed", "the estimated cost")}


def test_approving_again_takes_a_new_baseline(approved, programme_office, project_lead):
    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    services.project_transition(
        actor=programme_office, project=approved, to_stage=Stage.DEFINED, reason="Rework"
    )
    services.project_transition(actor=programme_office, project=approved, to_stage=Stage.APPROVED)
    approved.refresh_from_db()
    assert approved.baselines.count() == 2
    assert approved.baseline.definition["planned_end"] == "2027-06-30"
    assert approved.baseline.differences == []


def test_the_project_page_shows_the_differences_to_members(
    client_for, approved, project_lead, member
):
    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    text = text_of(client_for(member).get(approved.get_absolute_url()))
    assert "Changes since approval" in text
    assert "Changed the planned end" in text
    assert "Planned end: 31 March 2027" in text and "Planned end: 30 June 2027" in text
    assert project_lead.display_name in text


def test_visitors_see_no_baseline_and_no_names(client, approved, project_lead):
    assert approved.visibility == Visibility.PUBLIC
    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    text = text_of(client.get(approved.get_absolute_url()))
    assert "Changes since approval" not in text
    assert client.get(f"{API}/projects/{approved.slug}").json()["baseline"] is None


def test_the_api_shows_the_baseline_and_its_differences(client_for, approved, project_lead):
    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    body = client_for(project_lead).get(f"{API}/projects/{approved.slug}").json()
    baseline = body["baseline"]
    assert baseline["taken_by"]
    (difference,) = baseline["differences"]
    assert difference["section"] == "project"
    assert difference["action"] == "changed"
    assert difference["changes"] == [
        {"field": "Planned end", "before": "31 March 2027", "after": "30 June 2027"}
    ]
    assert difference["changed_by"] == project_lead.display_name
    assert difference["changed_at"]


def test_the_programme_page_marks_projects_changed_since_approval(
    client, approved, project_lead, programme_office
):
    unchanged = ProjectFactory(theme=approved.theme, title="Unchanged", stage=Stage.APPROVED)
    page = client.get(reverse("portfolio:programme")).content.decode()
    assert "Changed since approval" not in page

    _edit(project_lead, approved, planned_end=datetime.date(2027, 6, 30))
    page = client.get(reverse("portfolio:programme")).content.decode()
    item = page[page.index(approved.title) :]
    assert "Changed since approval" in item[: item.index("</li>")]
    other = page[page.index(unchanged.title) :]
    assert "Changed since approval" not in other[: other.index("</li>")]


def test_the_project_page_reads_the_baseline_in_a_fixed_number_of_queries(
    client_for, approved, project_lead, member
):
    client = client_for(member)

    def make_rows(n):
        data = selectors.project_to_input(selectors.project_detail(project_lead, approved.slug))
        requirements = [
            *data.requirements,
            *(RequirementInput(f"Requirement {i}") for i in range(len(data.requirements), n)),
        ]
        current = type(approved).objects.get(pk=approved.pk)
        services.project_update(
            actor=project_lead,
            project=current,
            data=replace(data, requirements=requirements),
            expected_version=current.version,
        )

    assert_same_queries(make_rows, lambda: client.get(approved.get_absolute_url()))
