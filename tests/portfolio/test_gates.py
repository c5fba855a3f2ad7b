"""Rules of the lifecycle that hold on every path: a definition stays complete from "defined"
on, every forward gate checks it, recruiting needs needs, the ways back take a reason, and
who may be named project lead is the service's rule (issue 7, points 1, 3, 4 and 5)."""

import pytest
from django.urls import reverse

from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.portfolio import selectors, services
from heartbeat.portfolio.models import ScopeItem, Stage, StageTransition
from tests.factories import UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ThemeFactory,
    complete_definition,
    project_input,
)
from tests.portfolio.formdata import edit_post, move, summary_links, text_of

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def led_project(project_lead):
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            project_lead=project_lead,
            lead_organisation=project_lead.organisation,
        )
    )


def _without_scope(user, project):
    data = selectors.project_to_input(selectors.project_detail(user, project.slug))
    data.scope_in, data.scope_out = [], []
    return data


# 1. The definition stays complete from "defined" on --------------------------------------


@pytest.mark.parametrize(
    ("stage", "paused_from"),
    [
        (Stage.DEFINED, ""),
        (Stage.APPROVED, ""),
        (Stage.RECRUITING, ""),
        (Stage.IN_DELIVERY, ""),
        (Stage.CLOSED, ""),
        (Stage.PAUSED, Stage.APPROVED),
    ],
)
def test_an_edit_that_empties_the_definition_is_refused_from_defined_on(
    project_lead, led_project, stage, paused_from
):
    led_project.stage, led_project.paused_from = stage, paused_from
    led_project.save()

    with pytest.raises(ApplicationError) as refused:
        services.project_update(
            actor=project_lead,
            project=led_project,
            data=_without_scope(project_lead, led_project),
            expected_version=led_project.version,
        )

    assert (refused.value.code, refused.value.status) == ("definition_incomplete", 409)
    assert refused.value.extra["missing"] == ["scope"]
    assert "at least one thing in scope" in refused.value.message
    assert refused.value.field == "scope_in"
    # Nothing of the edit was saved.
    assert ScopeItem.objects.filter(project=led_project).count() == 1
    led_project.refresh_from_db()
    assert led_project.version == 1


@pytest.mark.parametrize("paused_from", ["", Stage.PROPOSED])
def test_a_proposal_may_be_left_incomplete(project_lead, led_project, paused_from):
    if paused_from:
        led_project.stage, led_project.paused_from = Stage.PAUSED, paused_from
        led_project.save()
    services.project_update(
        actor=project_lead,
        project=led_project,
        data=_without_scope(project_lead, led_project),
        expected_version=led_project.version,
    )
    assert not ScopeItem.objects.filter(project=led_project).exists()


def test_the_edit_page_shows_what_the_edit_would_remove(client_for, project_lead, led_project):
    led_project.stage = Stage.APPROVED
    led_project.save()
    data = edit_post(led_project)
    data["scope_in-TOTAL_FORMS"] = "0"
    data["scope_out-TOTAL_FORMS"] = "0"

    response = client_for(project_lead).post(
        reverse("portfolio:project_edit", args=[led_project.slug]), data
    )

    assert response.status_code == 409
    ((anchor, message),) = summary_links(response)
    assert anchor == "#rows-scope_in"
    assert "would leave it without: at least one thing in scope" in message
    # What the person typed is still on the form.
    assert "Digital telecare" in text_of(response)
    assert ScopeItem.objects.filter(project=led_project).exists()


def test_the_api_refuses_an_edit_that_empties_the_definition(client_for, project_lead, led_project):
    from tests.portfolio.test_api import _as_payload

    led_project.stage = Stage.RECRUITING
    led_project.save()
    client = client_for(project_lead)
    detail = client.get(f"{API}/projects/{led_project.slug}").json()
    url = f"{API}/projects/{led_project.slug}"

    # The whole project with its scope emptied (PUT), and the scope alone (PATCH).
    put = client.put(url, _as_payload(detail, scope_in=[]), content_type="application/json")
    patch = client.patch(
        url, {"scope_in": [], "version": detail["version"]}, content_type="application/json"
    )

    for response in (put, patch):
        assert response.status_code == 409
        body = response.json()
        assert (body["code"], body["missing"]) == ("definition_incomplete", ["scope"])
    assert client.get(url).json()["scope_in"] == detail["scope_in"]


# ... and every forward gate checks it -----------------------------------------------------


def _incomplete(stage, **fields):
    """A project whose definition lost its scope past the services (an old record, say)."""
    project = complete_definition(ProjectFactory(stage=stage, **fields))
    ScopeItem.objects.filter(project=project).delete()
    return project


@pytest.mark.parametrize(
    ("stage", "to_stage", "paused_from"),
    [
        (Stage.DEFINED, Stage.APPROVED, ""),
        (Stage.APPROVED, Stage.RECRUITING, ""),
        (Stage.RECRUITING, Stage.IN_DELIVERY, ""),
        (Stage.CLOSED, Stage.IN_DELIVERY, ""),
        (Stage.PAUSED, Stage.RECRUITING, Stage.RECRUITING),
    ],
)
def test_every_forward_gate_checks_the_definition(programme_office, stage, to_stage, paused_from):
    project = _incomplete(stage, paused_from=paused_from)
    with pytest.raises(ApplicationError) as refused:
        services.project_transition(
            actor=programme_office, project=project, to_stage=to_stage, reason="Ready again"
        )
    assert (refused.value.code, refused.value.extra["missing"]) == (
        "definition_incomplete",
        ["scope"],
    )
    project.refresh_from_db()
    assert project.stage == stage


def test_a_way_back_does_not_need_a_complete_definition(programme_office):
    # Going back is how a definition gets reworked.
    project = _incomplete(Stage.APPROVED)
    services.project_transition(
        actor=programme_office,
        project=project,
        to_stage=Stage.DEFINED,
        reason="The scope needs rewriting",
    )
    project.refresh_from_db()
    assert project.stage == Stage.DEFINED


def test_the_api_names_what_an_approval_still_needs(client_for, programme_office):
    project = _incomplete(Stage.DEFINED)
    response = client_for(programme_office).post(
        f"{API}/projects/{project.slug}/transitions",
        {"to_stage": "approved"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert (response.json()["code"], response.json()["missing"]) == (
        "definition_incomplete",
        ["scope"],
    )


# 3. Recruiting needs needs -----------------------------------------------------------------


def test_start_recruiting_needs_at_least_one_need(programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.APPROVED))
    project.resource_requirements.all().delete()
    with pytest.raises(ApplicationError) as refused:
        services.project_transition(
            actor=programme_office, project=project, to_stage=Stage.RECRUITING
        )
    assert (refused.value.code, refused.value.status) == ("no_needs", 409)
    assert "at least one resource need" in refused.value.message


def test_the_page_says_recruiting_needs_a_need(client_for, programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.APPROVED))
    project.resource_requirements.all().delete()
    response = move(client_for(programme_office), project, "recruiting")
    assert response.status_code == 409
    assert "Add at least one resource need before recruiting" in summary_links(response)[0][1]


# 4. Ways back, each with a reason ------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "back_to"), [(Stage.APPROVED, Stage.DEFINED), (Stage.RECRUITING, Stage.APPROVED)]
)
def test_the_ways_back_need_a_reason(programme_office, stage, back_to):
    project = complete_definition(ProjectFactory(stage=stage))
    with pytest.raises(InvalidInput) as refused:
        services.project_transition(actor=programme_office, project=project, to_stage=back_to)
    assert refused.value.field == "reason"

    services.project_transition(
        actor=programme_office, project=project, to_stage=back_to, reason="Councils asked for it"
    )
    project.refresh_from_db()
    assert project.stage == back_to
    transition = StageTransition.objects.get(project=project)
    assert (transition.from_stage, transition.reason) == (stage, "Councils asked for it")


@pytest.mark.parametrize(
    ("stage", "back_to"), [(Stage.APPROVED, Stage.DEFINED), (Stage.RECRUITING, Stage.APPROVED)]
)
def test_the_ways_back_are_the_programme_office_s(project_lead, led_project, stage, back_to):
    led_project.stage = stage
    led_project.save()
    with pytest.raises(PermissionDenied):
        services.project_transition(
            actor=project_lead, project=led_project, to_stage=back_to, reason="Rework"
        )


def test_the_stage_section_offers_the_way_back_with_its_reason(client_for, programme_office):
    project = complete_definition(ProjectFactory(stage=Stage.RECRUITING))
    client = client_for(programme_office)
    page = client.get(project.get_absolute_url()).content.decode()
    confirm = reverse("portfolio:project_move_confirm", args=[project.slug, "approved"])
    assert f'href="{confirm}"' in page
    assert "Reason to stop recruiting" in client.get(confirm).content.decode()

    refused = move(client, project, "approved")
    assert refused.status_code == 422
    assert summary_links(refused)[0][0] == "#id_reason"

    moved = move(client, project, "approved", reason="Not enough councils yet")
    assert moved.status_code == 302
    project.refresh_from_db()
    assert project.stage == Stage.APPROVED


# 5. Who may be named project lead: the service decides ---------------------------------------


def test_the_service_names_as_lead_only_a_candidate(organisation_lead, project_lead, council):
    theme = ThemeFactory()
    stranger = UserFactory()  # neither a project lead nor of the lead organisation
    with pytest.raises(InvalidInput) as refused:
        services.project_create(
            actor=organisation_lead,
            data=project_input(theme, lead_organisation=council, project_lead=stranger),
        )
    assert (refused.value.code, refused.value.field) == ("not_a_lead_candidate", "project_lead")

    colleague = UserFactory(organisation=council)
    for lead in (project_lead, colleague, organisation_lead):
        project = services.project_create(
            actor=organisation_lead,
            data=project_input(
                theme, lead_organisation=council, project_lead=lead, title=f"By {lead.pk}"
            ),
        )
        assert project.project_lead == lead


def test_the_api_cannot_name_anyone_as_lead(client_for, organisation_lead, council):
    from tests.portfolio.test_api import _payload

    stranger = UserFactory()
    response = client_for(organisation_lead).post(
        f"{API}/projects",
        _payload(ThemeFactory(), lead_organisation=council.slug, project_lead=stranger.pk),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert (response.json()["code"], response.json()["field"]) == (
        "not_a_lead_candidate",
        "project_lead",
    )


def test_an_existing_lead_may_stay_when_the_rule_changes(programme_office, project_lead):
    """A lead named before (say, whose project lead role was later removed) stays when the
    project is edited: the rule is about naming someone new."""
    former = UserFactory()
    project = complete_definition(ProjectFactory(project_lead=former))
    data = selectors.project_to_input(selectors.project_detail(programme_office, project.slug))
    data.summary = "A new summary"
    saved = services.project_update(
        actor=programme_office, project=project, data=data, expected_version=project.version
    )
    assert (saved.project_lead_id, saved.summary) == (former.pk, "A new summary")
