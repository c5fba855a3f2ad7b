import pytest

from heartbeat.partnership import services
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def admin_client_for(client, programme_office):
    staff = UserFactory(
        organisation=programme_office.organisation, is_staff=True, is_superuser=True
    )
    client.force_login(staff, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


@pytest.mark.django_db
def test_admin_lists_and_shows_history(admin_client_for, programme_office, council):
    membership = MembershipFactory(organisation=council)
    services.organisation_update(
        actor=programme_office, organisation=council, data={"short_code": "ABE"}
    )
    for url in (
        "/admin/partnership/organisation/",
        "/admin/partnership/organisation/?q=S12000033",
        f"/admin/partnership/organisation/{council.pk}/change/",
        f"/admin/partnership/organisation/{council.pk}/history/",
        "/admin/partnership/programmeterm/",
        f"/admin/partnership/programmeterm/{membership.term.pk}/history/",
        "/admin/partnership/membership/",
        f"/admin/partnership/membership/{membership.pk}/history/",
    ):
        response = admin_client_for.get(url)
        assert response.status_code == 200, url
    history = admin_client_for.get(f"/admin/partnership/organisation/{council.pk}/history/")
    assert str(programme_office) in history.content.decode()
