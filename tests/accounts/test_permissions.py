"""Who may do what: each role against each accounts page and endpoint."""

import pytest

from heartbeat.accounts import permissions, services
from heartbeat.accounts.models import ApiToken, Invitation
from tests.conftest import ROLE_FIXTURES

LOGIN = "login"  # a redirect to the sign-in page
OTHERS = ["member", "organisation_lead", "project_lead", "board_member"]


def expect(anonymous, programme_office, others=None, member=None):
    """Expected outcome per role; ``member`` overrides ``others`` for the member fixture."""
    table = {"anonymous": anonymous, "programme_office": programme_office}
    for role in OTHERS:
        table[role] = others if others is not None else programme_office
    if member is not None:
        table["member"] = member
    return table


@pytest.fixture
def records(programme_office, member, council):
    invitation, raw = services.invitation_create(
        actor=programme_office,
        email="new.person@aberdeencity.gov.uk",
        full_name="New Person",
        organisation=council,
    )
    token, _ = services.api_token_create(actor=member, name="Member's script")
    return {"invitation": invitation.pk, "raw": raw, "token": token.pk}


INVITE_PAYLOAD = {
    "email": "someone.else@aberdeencity.gov.uk",
    "full_name": "Someone Else",
    "organisation": "aberdeen-city",
}

# name: (method, path template, body, expected by role)
PAGES = {
    "sign in": ("get", "/accounts/sign-in/", None, expect(200, 302)),
    "password reset": ("get", "/accounts/password-reset/", None, expect(200, 200)),
    "password reset sent": ("get", "/accounts/password-reset/sent/", None, expect(200, 200)),
    "profile": ("get", "/accounts/profile/", None, expect(LOGIN, 200)),
    "profile edit": ("get", "/accounts/profile/edit/", None, expect(LOGIN, 200)),
    "profile save": (
        "post",
        "/accounts/profile/edit/",
        {"full_name": "New Name"},
        expect(LOGIN, 302),
    ),
    "token form": ("get", "/accounts/profile/tokens/new/", None, expect(LOGIN, 200)),
    "token create": ("post", "/accounts/profile/tokens/new/", {"name": "x"}, expect(LOGIN, 200)),
    # The token belongs to the member: anyone else gets 404, as if it did not exist.
    "token revoke": (
        "post",
        "/accounts/profile/tokens/{token}/revoke/",
        None,
        expect(LOGIN, 404, member=302),
    ),
    "invitation list": ("get", "/accounts/invitations/", None, expect(LOGIN, 200, others=403)),
    "invitation export": (
        "get",
        "/accounts/invitations/?format=csv",
        None,
        expect(LOGIN, 200, others=403),
    ),
    "invitation form": ("get", "/accounts/invitations/new/", None, expect(LOGIN, 200, others=403)),
    "invitation create": (
        "post",
        "/accounts/invitations/new/",
        INVITE_PAYLOAD,
        expect(LOGIN, 302, others=403),
    ),
    "invitation revoke": (
        "post",
        "/accounts/invitations/{invitation}/revoke/",
        None,
        expect(LOGIN, 302, others=403),
    ),
    "invitation accept": ("get", "/accounts/invitation/{raw}/", None, expect(200, 200)),
}

API = {
    "me": ("get", "/api/v1/me", None, expect(401, 200)),
    "invitations list": ("get", "/api/v1/invitations", None, expect(401, 200, others=403)),
    "invitations create": (
        "post",
        "/api/v1/invitations",
        INVITE_PAYLOAD,
        expect(401, 201, others=403),
    ),
    "invitation revoke": (
        "post",
        "/api/v1/invitations/{invitation}/revoke",
        None,
        expect(401, 200, others=403),
    ),
}


def _request(client, method, path, body, api):
    if method == "get":
        return client.get(path)
    if api:
        return client.post(path, body or {}, content_type="application/json")
    return client.post(path, body or {})


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("action", list(PAGES))
def test_pages(action, role, user_for_role, client_for, records):
    method, template, body, expected = PAGES[action]
    path = template.format(**records)
    response = _request(client_for(user_for_role(role)), method, path, body, api=False)
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    else:
        assert response.status_code == expected[role], response.content[:300]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("action", list(API))
def test_api(action, role, user_for_role, client_for, records):
    method, template, body, expected = API[action]
    path = template.format(**records)
    response = _request(client_for(user_for_role(role)), method, path, body, api=True)
    assert response.status_code == expected[role], response.content[:300]
    if response.status_code == 401:
        assert response.json()["code"] == "not_authenticated"
    if response.status_code == 403:
        assert response.json()["code"] == "permission_denied"


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_predicates(role, user_for_role, member, records):
    user = user_for_role(role)
    invitation = Invitation.objects.get(pk=records["invitation"])
    members_token = ApiToken.objects.get(pk=records["token"])
    is_office = role == "programme_office"
    signed_in = role != "anonymous"

    assert permissions.can_invite(user) is is_office
    assert permissions.can_view_invitations(user) is is_office
    assert permissions.can_revoke_invitation(user, invitation) is is_office
    assert permissions.can_set_roles(user, member) is is_office
    assert permissions.can_create_token(user) is signed_in
    assert permissions.can_manage_tokens(user, members_token) is (role == "member")
    assert permissions.can_edit_profile(user, member) is (role == "member")
    if signed_in:
        assert permissions.can_edit_profile(user, user)


def test_a_deactivated_programme_office_cannot_invite(programme_office):
    programme_office.is_active = False
    assert not permissions.can_invite(programme_office)
