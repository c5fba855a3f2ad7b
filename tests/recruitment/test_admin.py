import pytest
from django.urls import reverse

from heartbeat.recruitment.models import Pledge
from tests.factories import UserFactory
from tests.recruitment.factories import make_pledge, open_need


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True, is_programme_office=True)
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
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
