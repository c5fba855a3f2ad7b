"""The work programme's "your work" blocks: project leads, the programme office, board
members and members, each in a fixed number of queries."""

import datetime
from dataclasses import replace

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from heartbeat.core import registry
from heartbeat.portfolio import home, hub, services
from heartbeat.portfolio.models import Project, Stage, Visibility
from heartbeat.portfolio.rules import definition_checklist
from tests.portfolio.factories import (
    ExpectedBenefitFactory,
    ProjectFactory,
    ResourceRequirementFactory,
    ScopeItemFactory,
    ThemeFactory,
    complete_definition,
    project_input,
)
from tests.querybudget import assert_same_queries, queries_for
from tests.skills.factories import SkillFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "organisation_lead", "project_lead", "board_member", "programme_office"]


def request_as(user, full=False):
    request = RequestFactory().get("/")
    request.user = user
    if full:
        setattr(request, registry.FULL_LIST, True)
    return request


def approved_project(actor, lead, organisation, title="Digital telecare"):
    data = project_input(
        ThemeFactory(), skill=SkillFactory(), lead_organisation=organisation, project_lead=lead
    )
    project = services.project_create(actor=actor, data=replace(data, title=title))
    services.project_transition(actor=actor, project=project, to_stage=Stage.DEFINED)
    services.project_transition(actor=actor, project=project, to_stage=Stage.APPROVED)
    project.refresh_from_db()
    return project


# Who sees which block ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_own_blocks(user_for_role, role):
    user = user_for_role(role)
    request = request_as(user)
    shown = {
        "my-projects": home.my_projects_block(request) is not None,
        "awaiting-decision": home.awaiting_decision_block(request) is not None,
        "changed-since-approval": home.changed_since_approval_block(request) is not None,
        "board-decisions": home.board_decisions_block(request) is not None,
        "new-since-last-visit": home.new_since_block(request) is not None,
    }
    assert shown == {
        "my-projects": role == "project_lead",
        "awaiting-decision": role == "programme_office",
        "changed-since-approval": role == "programme_office",
        "board-decisions": role == "board_member",
        "new-since-last-visit": True,
    }


def test_visitors_see_no_work_blocks():
    from django.contrib.auth.models import AnonymousUser

    request = request_as(AnonymousUser())
    assert registry.collect(registry.home_blocks, request) == [
        block for block in registry.collect(registry.home_blocks, request) if not block.title
    ]


# Project lead ------------------------------------------------------------------------------


def test_a_project_lead_sees_their_open_projects_and_what_each_definition_lacks(project_lead):
    half = ProjectFactory(project_lead=project_lead, title="Half defined")
    ScopeItemFactory(project=half)
    whole = complete_definition(ProjectFactory(project_lead=project_lead, title="Defined"))
    ProjectFactory(project_lead=project_lead, stage=Stage.CLOSED, title="Closed one")
    ProjectFactory(title="Someone else's")
    block = home.my_projects_block(request_as(project_lead))
    assert block.count == 2
    rows = {p.title: missing for p, missing in block.context["projects"]}
    assert set(rows) == {"Half defined", "Defined"}
    assert rows["Defined"] == []
    assert "At least one requirement" in rows["Half defined"]
    assert "At least one thing in scope" not in rows["Half defined"]
    assert whole.pk


@pytest.mark.parametrize(
    "build",
    [
        lambda p: None,
        lambda p: ScopeItemFactory(project=p, kind="out"),
        lambda p: ScopeItemFactory(project=p),
        lambda p: ExpectedBenefitFactory(project=p),
        lambda p: ResourceRequirementFactory(project=p),
        complete_definition,
    ],
)
def test_the_missing_parts_agree_with_the_definition_checklist(project_lead, build):
    project = ProjectFactory(project_lead=project_lead)
    build(project)
    annotated = hub.projects_led_by(project_lead).get(pk=project.pk)
    expected = [item.label for item in definition_checklist(project) if not item.done]
    assert hub.missing_labels(annotated) == expected


def test_the_project_leads_block_costs_the_same_at_3_and_30_projects(project_lead):
    def make(n):
        while Project.objects.filter(project_lead=project_lead).count() < n:
            ScopeItemFactory(project=ProjectFactory(project_lead=project_lead))

    assert_same_queries(make, lambda: home.my_projects_block(request_as(project_lead)), budget=1)


def test_the_full_list_of_a_leads_projects_is_not_cut_short(project_lead):
    for n in range(7):
        ProjectFactory(project_lead=project_lead, title=f"Led project {n}")
    assert len(home.my_projects_block(request_as(project_lead)).context["projects"]) == 5
    full = home.my_projects_block(request_as(project_lead, full=True))
    assert len(full.context["projects"]) == full.count == 7


# Programme office and board ----------------------------------------------------------------


def test_projects_awaiting_a_stage_decision(programme_office, board_member):
    ProjectFactory(stage=Stage.DEFINED, title="Awaiting")
    ProjectFactory(stage=Stage.PROPOSED, title="Not yet")
    ProjectFactory(stage=Stage.APPROVED, title="Already")
    office = home.awaiting_decision_block(request_as(programme_office))
    board = home.board_decisions_block(request_as(board_member))
    for block in (office, board):
        assert block.count == 1
        assert [p.title for p in block.context["projects"]] == ["Awaiting"]
        assert block.link == reverse("portfolio:project_list") + "?stage=defined&sort=updated"


def test_changed_since_approval_counts_edits_not_stage_moves(
    programme_office, project_lead, council
):
    edited = approved_project(programme_office, project_lead, council, title="Edited")
    untouched = approved_project(programme_office, project_lead, council, title="Untouched")
    services.project_transition(
        actor=programme_office, project=untouched, to_stage=Stage.RECRUITING
    )
    current = services.project_update(
        actor=programme_office,
        project=edited,
        data=replace(
            _input_of(edited), summary="A new summary after approval", theme_id=edited.theme_id
        ),
        expected_version=edited.version,
    )
    block = home.changed_since_approval_block(request_as(programme_office))
    assert [p.title for p in block.context["projects"]] == ["Edited"]
    assert block.context["projects"][0].changes_since == 1
    assert current.version == edited.version + 1


def _input_of(project):
    from heartbeat.portfolio.selectors import project_to_input

    return project_to_input(
        Project.objects.prefetch_related(
            "scope_items", "requirements", "products", "expected_benefits", "resource_requirements"
        ).get(pk=project.pk)
    )


def test_the_office_blocks_cost_the_same_at_3_and_30_projects(programme_office):
    def make(n):
        while Project.objects.count() < n:
            ProjectFactory(stage=Stage.DEFINED)
            ProjectFactory(stage=Stage.APPROVED)

    request = request_as(programme_office)
    assert_same_queries(make, lambda: home.awaiting_decision_block(request), budget=1)
    assert_same_queries(make, lambda: home.changed_since_approval_block(request), budget=1)


# What is new since the last visit ----------------------------------------------------------


def test_new_since_the_last_visit(member, programme_office):
    since = timezone.now() - datetime.timedelta(hours=1)
    member.previous_visit_at = since
    old = ProjectFactory(title="Old project")
    type(old).objects.filter(pk=old.pk).update(created_at=since - datetime.timedelta(days=3))
    ProjectFactory(title="New project")
    ProjectFactory(title="Hidden project", visibility=Visibility.PARTNERSHIP)
    moved = complete_definition(ProjectFactory(title="Moved project"))
    type(moved).objects.filter(pk=moved.pk).update(created_at=since - datetime.timedelta(days=3))
    services.project_transition(actor=programme_office, project=moved, to_stage=Stage.DEFINED)
    block = home.new_since_block(request_as(member))
    assert block.title == "New since your last visit"
    items = [(i.what, i.title) for i in block.context["items"]]
    assert ("moved", "Moved project") in items
    assert ("added", "New project") in items
    assert ("added", "Hidden project") in items  # members see partnership projects
    assert all(title != "Old project" for _, title in items)
    assert block.count == len(items)


def test_new_since_shows_visitors_nothing_and_counts_in_two_queries(member):
    member.previous_visit_at = timezone.now() - datetime.timedelta(days=1)

    def make(n):
        while Project.objects.count() < n:
            ProjectFactory()

    assert_same_queries(make, lambda: home.new_since_block(request_as(member)), budget=2)


def test_a_first_visit_counts_the_last_two_weeks(member):
    block = home.new_since_block(request_as(member))
    assert block.title == "New in the last two weeks"
    assert queries_for(lambda: home.new_since_block(request_as(member))) == 1
