import pytest

from heartbeat.accounts import services
from heartbeat.accounts.models import ApiToken, User
from tests.factories import UserFactory


@pytest.fixture
def admin_client_for_superuser(client, db):
    superuser = UserFactory(email="admin@digitaloffice.scot", is_staff=True, is_superuser=True)
    client.force_login(superuser, backend="heartbeat.accounts.backends.AccountsBackend")
    return client


def test_add_a_user_with_an_email_and_no_username(admin_client_for_superuser):
    client = admin_client_for_superuser
    page = client.get("/admin/accounts/user/add/")
    assert page.status_code == 200
    assert 'name="email"' in page.content.decode()
    assert 'name="username"' not in page.content.decode()

    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "New.Person@Angus.gov.uk",
            "full_name": "New Person",
            "usable_password": "true",
            "password1": "a-long-admin-passphrase",
            "password2": "a-long-admin-passphrase",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="new.person@angus.gov.uk")
    assert user.check_password("a-long-admin-passphrase")


def test_add_refuses_an_address_that_differs_only_in_case(admin_client_for_superuser, member):
    response = admin_client_for_superuser.post(
        "/admin/accounts/user/add/",
        {
            "email": member.email.upper(),
            "usable_password": "true",
            "password1": "a-long-admin-passphrase",
            "password2": "a-long-admin-passphrase",
        },
    )
    assert response.status_code == 200
    assert "There is already an account with this email address." in response.content.decode()


def test_change_a_users_roles_in_the_admin(admin_client_for_superuser, member):
    client = admin_client_for_superuser
    page = client.get(f"/admin/accounts/user/{member.pk}/change/")
    assert page.status_code == 200
    response = client.post(
        f"/admin/accounts/user/{member.pk}/change/",
        {
            "email": member.email,
            "full_name": member.full_name,
            "job_title": "",
            "organisation": member.organisation_id,
            "is_board_member": "on",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert member.is_board_member
    history = client.get(f"/admin/accounts/user/{member.pk}/history/")
    assert history.status_code == 200


def test_lists_and_read_only_token_hash(
    admin_client_for_superuser, member, programme_office, council
):
    client = admin_client_for_superuser
    token, raw = services.api_token_create(actor=member, name="Script")
    services.invitation_create(
        actor=programme_office, email="x@aberdeencity.gov.uk", full_name="X", organisation=council
    )
    for path in (
        "/admin/accounts/user/",
        "/admin/accounts/invitation/",
        "/admin/accounts/apitoken/",
    ):
        assert client.get(path).status_code == 200
    page = client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()
    assert token.token_hash in page
    assert 'name="token_hash"' not in page
    assert raw not in page
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
    assert client.get("/admin/accounts/invitation/add/").status_code == 403
    assert ApiToken.objects.get().token_hash == token.token_hash


def test_people_are_deactivated_not_deleted_in_the_admin(admin_client_for_superuser, member):
    response = admin_client_for_superuser.get(f"/admin/accounts/user/{member.pk}/delete/")
    assert response.status_code == 403
    assert User.objects.filter(pk=member.pk).exists()


def test_a_change_in_the_admin_moves_the_version_on(admin_client_for_superuser, member):
    page = admin_client_for_superuser.get(f"/admin/accounts/user/{member.pk}/change/")
    form = page.context["adminform"].form
    data = {
        name: (value if value is not None else "")
        for name, value in form.initial.items()
        if name not in ("password", "groups", "user_permissions", "last_login", "date_joined")
    }
    data.update(
        {
            "organisation": member.organisation_id,
            "is_board_member": "on",
            "is_active": "on",
        }
    )
    data = {k: v for k, v in data.items() if v is not False}
    response = admin_client_for_superuser.post(f"/admin/accounts/user/{member.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert member.is_board_member
    assert member.version == 2
    assert member.history.first().history_change_reason == "Changed in the admin"
