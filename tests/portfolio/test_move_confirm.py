"""Stage moves are confirmed on a page of their own: what the move does, then "Yes"."""

import pytest
from django.urls import reverse

from heartbeat.portfolio.models import Project, Stage, StageTransition, Visibility
from heartbeat.recruitment.models import Participation, ParticipationRole, ParticipationStatus
from tests.factories import UserFactory
from tests.portfolio.factories import (
    ProjectFactory,
    ResourceRequirementFactory,
    ThemeFactory,
    complete_definition,
)
from tests.portfolio.formdata import project_post, summary_links, text_of
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory()


@pytest.fixture
def led_project(project_lead):
    return complete_definition(
        ProjectFactory(
            title="Digital telecare",
            slug="digital-telecare",
            project_lead=project_lead,
            lead_organisation=project_lead.organisation,
            visibility=Visibility.PUBLIC,
        )
    )


def _confirm(project, to_stage):
    return reverse("portfolio:project_move_confirm", args=[project.slug, to_stage])


def test_the_project_page_links_each_move_to_its_confirmation(
    client_for, programme_office, led_project
):
    led_project.stage = Stage.DEFINED
    led_project.save()
    html = client_for(programme_office).get(led_project.get_absolute_url()).content.decode()
    assert f'href="{_confirm(led_project, "approved")}"' in html
    assert f'href="{_confirm(led_project, "cancelled")}"' in html
    # No move is made from the project page itself any more.
    assert 'name="to_stage"' not in html


def test_approval_shows_what_will_happen_and_a_get_moves_nothing(
    client_for, programme_office, led_project
):
    led_project.stage = Stage.DEFINED
    led_project.save()
    response = client_for(programme_office).get(_confirm(led_project, "approved"))
    assert response.status_code == 200
    text = text_of(response)
    assert "Stage now Defined" in text
    assert "Stage after the move Approved" in text
    assert "A baseline of the definition is taken" in text
    html = response.content.decode()
    assert ">Yes, approve this project</button>" in html
    assert f'href="{led_project.get_absolute_url()}#stage"' in html
    assert "No, go back" in html
    assert Project.objects.get(pk=led_project.pk).stage == Stage.DEFINED
    assert not StageTransition.objects.exists()


def test_yes_makes_the_move(client_for, programme_office, led_project):
    led_project.stage = Stage.DEFINED
    led_project.save()
    response = client_for(programme_office).post(_confirm(led_project, "approved"))
    assert response.status_code == 302
    assert response.url == led_project.get_absolute_url() + "#stage"
    assert Project.objects.get(pk=led_project.pk).stage == Stage.APPROVED
    assert StageTransition.objects.get().to_stage == Stage.APPROVED


def test_starting_recruiting_says_councils_can_pledge(client_for, programme_office, led_project):
    led_project.stage = Stage.APPROVED
    led_project.save()
    ResourceRequirementFactory(project=led_project)
    needs = led_project.resource_requirements.count()
    text = text_of(client_for(programme_office).get(_confirm(led_project, "recruiting")))
    assert f"councils are asked to pledge people and time against its {needs} needs" in text


def test_cancelling_asks_for_a_reason_and_keeps_it(client_for, programme_office, led_project):
    client = client_for(programme_office)
    page = client.get(_confirm(led_project, "cancelled"))
    assert page.status_code == 200
    assert "Reason to cancel" in text_of(page)
    assert "Yes, cancel this project" in text_of(page)

    refused = client.post(_confirm(led_project, "cancelled"), {"reason": "  "})
    assert refused.status_code == 422
    assert summary_links(refused)[0][0] == "#id_reason"
    assert Project.objects.get(pk=led_project.pk).stage == Stage.PROPOSED

    done = client.post(_confirm(led_project, "cancelled"), {"reason": "Funding withdrawn"})
    assert done.status_code == 302
    assert StageTransition.objects.get().reason == "Funding withdrawn"


def test_a_stale_confirmation_link_goes_back_to_the_project(
    client_for, programme_office, led_project
):
    response = client_for(programme_office).get(_confirm(led_project, "closed"))
    assert response.status_code == 302
    assert response.url == led_project.get_absolute_url() + "#stage"
    assert not StageTransition.objects.exists()


def test_mark_as_defined_is_not_offered_while_the_checklist_is_incomplete(client_for, project_lead):
    project = ProjectFactory(
        slug="half-done", project_lead=project_lead, lead_organisation=project_lead.organisation
    )
    client = client_for(project_lead)
    html = client.get(project.get_absolute_url()).content.decode()
    assert _confirm(project, "defined") not in html
    edit = reverse("portfolio:project_edit", args=[project.slug])
    # Each missing item links to the part of the edit form that fills it.
    for anchor in ("rows-scope_in", "rows-requirements", "rows-products", "rows-benefits"):
        assert f'href="{edit}#{anchor}"' in html
    # Followed anyway (an old link), the page refuses and offers no "Yes".
    response = client.get(_confirm(project, "defined"))
    assert response.status_code == 409
    assert 'id="confirm-form"' not in response.content.decode()

    complete_definition(project)
    html = client.get(project.get_absolute_url()).content.decode()
    assert f'href="{_confirm(project, "defined")}"' in html
    assert 'id="moves-blocked"' not in html


def test_the_edit_form_has_the_anchors_the_checklist_links_to(client_for, project_lead):
    project = ProjectFactory(project_lead=project_lead, lead_organisation=project_lead.organisation)
    html = (
        client_for(project_lead)
        .get(reverse("portfolio:project_edit", args=[project.slug]))
        .content.decode()
    )
    for anchor in (
        "rows-scope_in",
        "rows-requirements",
        "rows-products",
        "rows-benefits",
        "rows-resources",
        "id_lead_organisation",
        "id_project_lead",
    ):
        assert f'id="{anchor}"' in html


# Who sees the confirmation page: only those who can make the move ----------------------------

ROLES = [
    "anonymous",
    "member",
    "organisation_lead",
    "project_lead",
    "other_project_lead",
    "board_member",
    "programme_office",
]
SIGN_IN = "sign in"
MATRIX = {
    # move: (stage the project is in, {role: status of the confirmation page})
    "defined": (Stage.PROPOSED, {"project_lead": 200, "programme_office": 200}),
    "approved": (Stage.DEFINED, {"programme_office": 200}),
    "paused": (Stage.PROPOSED, {"programme_office": 200}),
}


@pytest.fixture
def other_project_lead(other_council):
    return UserFactory(organisation=other_council, is_project_lead=True)


@pytest.mark.parametrize("to_stage", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_the_confirmation_page_shows_only_to_those_who_can_move(
    request, client_for, user_for_role, led_project, role, to_stage
):
    stage, allowed = MATRIX[to_stage]
    Project.objects.filter(pk=led_project.pk).update(stage=stage)
    user = (
        request.getfixturevalue("other_project_lead")
        if role == "other_project_lead"
        else user_for_role(role)
    )
    response = client_for(user).get(_confirm(led_project, to_stage))
    if role == "anonymous":
        assert response.status_code == 302
        assert "sign-in" in response.url
    elif role in allowed:
        assert response.status_code == allowed[role]
        assert 'id="confirm-form"' in response.content.decode()
    else:
        # What they got before: the project page, refused, saying who may.
        assert response.status_code == 403
        assert "Only the " in text_of(response)
    assert Project.objects.get(pk=led_project.pk).stage == stage


def test_the_confirmation_page_costs_the_same_at_3_and_30_needs(
    client_for, programme_office, led_project
):
    Project.objects.filter(pk=led_project.pk).update(stage=Stage.APPROVED)
    client = client_for(programme_office)

    def make_rows(n):
        while led_project.resource_requirements.count() < n:
            ResourceRequirementFactory(project=led_project)

    assert_same_queries(
        make_rows, lambda: client.get(_confirm(led_project, "recruiting")), budget=20
    )


# A new project's defaults ---------------------------------------------------------------------


def test_a_new_project_is_led_by_the_proposer_s_organisation(
    client_for, organisation_lead, council, theme
):
    client = client_for(organisation_lead)
    html = client.get(reverse("portfolio:project_create")).content.decode()
    assert f'<option value="{council.pk}" selected>' in html

    response = client.post(
        reverse("portfolio:project_create"),
        project_post(theme=theme, title="Bulky uplifts online", lead_organisation=council.pk),
    )
    assert response.status_code == 302
    project = Project.objects.get(title="Bulky uplifts online")
    assert project.lead_organisation == council
    participation = Participation.objects.get(project=project)
    assert participation.organisation == council
    assert participation.role == ParticipationRole.LEAD
    assert participation.status == ParticipationStatus.COMMITTED


def test_a_project_proposed_without_a_lead_organisation_has_no_participant(
    client_for, programme_office, theme
):
    client_for(programme_office).post(
        reverse("portfolio:project_create"), project_post(theme=theme, title="Open idea")
    )
    project = Project.objects.get(title="Open idea")
    assert project.lead_organisation is None
    assert not Participation.objects.filter(project=project).exists()
