import pytest
from django.urls import reverse

from heartbeat.recruitment.models import Pledge
from tests.factories import UserFactory
from tests.recruitment.factories import make_pledge, open_need


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def test_admin_lists_and_shows_recruitment_records(admin_client, council, programme_office):
    pledge = make_pledge(open_need(), council, programme_office)
    for name in ("participation", "pledge", "organisationcapacity"):
        response = admin_client.get(reverse(f"admin:recruitment_{name}_changelist"))
        assert response.status_code == 200, name
    response = admin_client.get(reverse("admin:recruitment_pledge_change", args=[pledge.pk]))
    assert response.status_code == 200


def test_pledges_are_read_only_in_the_admin(admin_client, council, programme_office):
    pledge = make_pledge(open_need(), council, programme_office)
    assert admin_client.get(reverse("admin:recruitment_pledge_add")).status_code == 403
    url = reverse("admin:recruitment_pledge_delete", args=[pledge.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Pledge.objects.filter(pk=pledge.pk).exists()


def test_the_admin_cannot_cascade_pledges_or_participations_away(
    admin_client, council, programme_office
):
    from heartbeat.portfolio.models import Project
    from heartbeat.recruitment.models import Participation

    requirement = open_need()
    pledge = make_pledge(requirement, council, programme_office)
    project = requirement.project

    for url in (
        reverse("admin:portfolio_project_delete", args=[project.pk]),
        reverse("admin:partnership_organisation_delete", args=[council.pk]),
    ):
        page = admin_client.get(url)
        assert "<title>Cannot delete" in (page.content.decode())
        admin_client.post(url, {"post": "yes"})

    assert Project.objects.filter(pk=project.pk).exists()
    assert Pledge.objects.filter(pk=pledge.pk).exists()
    assert Participation.objects.filter(project=project, organisation=council).exists()


def test_the_admin_shows_a_project_s_definition_without_changing_it(
    admin_client, council, programme_office
):
    requirement = open_need()
    make_pledge(requirement, council, programme_office)
    page = admin_client.get(
        reverse("admin:portfolio_project_change", args=[requirement.project.pk])
    ).content.decode()
    assert "resource_requirements-0-days_per_month" not in page  # no input to change it
    assert "resource_requirements-0-DELETE" not in page
