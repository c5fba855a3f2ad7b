import pytest
from django.core import mail

from heartbeat.accounts import services
from heartbeat.accounts.models import ApiToken, Invitation, Role


@pytest.fixture
def bearer():
    """Authorization headers with a fresh personal access token for ``user``."""

    def _bearer(user):
        name = f"Tests {ApiToken.objects.filter(user=user).count() + 1}"
        _token, raw = services.api_token_create(actor=user, name=name)
        return {"Authorization": f"Bearer {raw}"}

    return _bearer


class TestAuthentication:
    def test_missing_token_on_me_is_401_json(self, client, db):
        response = client.get("/api/v1/me")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert response.json()["message"]

    def test_revoked_token_is_401_saying_so(self, client, member):
        token, raw = services.api_token_create(actor=member, name="Old")
        services.api_token_revoke(actor=member, token=token)
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert "revoked" in response.json()["message"]

    def test_unknown_token_is_401(self, client, db):
        response = client.get("/api/v1/me", headers={"Authorization": "Bearer hbt_made-up"})
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert "not recognised" in response.json()["message"]

    @pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Token abc", "Bearer", "hbt_abc"])
    def test_wrong_scheme_is_401(self, client, member, header):
        response = client.get("/api/v1/me", headers={"Authorization": header})
        assert response.status_code == 401
        assert "Bearer" in response.json()["message"]

    def test_token_use_is_recorded(self, client, member):
        token, raw = services.api_token_create(actor=member, name="Script")
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
        token.refresh_from_db()
        assert token.last_used_at is not None


class TestMe:
    def test_with_a_token(self, client, organisation_lead, bearer):
        response = client.get("/api/v1/me", headers=bearer(organisation_lead))
        assert response.status_code == 200
        assert response.json() == {
            "email": organisation_lead.email,
            "full_name": organisation_lead.full_name,
            "job_title": "",
            "organisation": {"slug": "aberdeen-city", "name": "Aberdeen City"},
            "roles": ["member", "organisation_lead"],
            "role_labels": ["Organisation lead", "Member"],
        }

    def test_with_the_session(self, client_for, programme_office):
        response = client_for(programme_office).get("/api/v1/me")
        assert response.status_code == 200
        assert response.json()["roles"] == ["member", "programme_office"]


class TestInvitations:
    payload = {
        "email": "Morag.Grant@AberdeenCity.gov.uk",
        "full_name": "Morag Grant",
        "organisation": "aberdeen-city",
        "roles": ["project_lead"],
    }

    def test_create_returns_201_and_sends_the_email(
        self, client, programme_office, council, bearer, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/api/v1/invitations",
                self.payload,
                content_type="application/json",
                headers=bearer(programme_office),
            )
        assert response.status_code == 201
        body = response.json()
        assert body["email"] == "morag.grant@aberdeencity.gov.uk"
        assert body["organisation"] == {"slug": "aberdeen-city", "name": "Aberdeen City"}
        assert body["roles"] == ["project_lead"]
        assert body["status"] == "pending"
        assert body["invited_by"] == programme_office.email
        assert "token" not in str(body)
        assert len(mail.outbox) == 1

    def test_create_for_a_registered_email_is_409(self, client, programme_office, member, bearer):
        response = client.post(
            "/api/v1/invitations",
            {**self.payload, "email": member.email.upper()},
            content_type="application/json",
            headers=bearer(programme_office),
        )
        assert response.status_code == 409
        assert response.json()["code"] == "email_registered"
        assert response.json()["field"] == "email"

    @pytest.mark.parametrize(
        "changes",
        [
            {"email": "not-an-email"},
            {"organisation": "atlantis"},
            {"roles": ["emperor"]},
            {"full_name": ""},
        ],
    )
    def test_bad_input_is_422(self, client, programme_office, council, bearer, changes):
        response = client.post(
            "/api/v1/invitations",
            {**self.payload, **changes},
            content_type="application/json",
            headers=bearer(programme_office),
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert not Invitation.objects.exists()

    def test_list_filters_by_status(self, client, programme_office, council, bearer):
        kept, _ = services.invitation_create(
            actor=programme_office,
            email="a@aberdeencity.gov.uk",
            full_name="A",
            organisation=council,
            roles=[Role.BOARD_MEMBER],
        )
        gone, _ = services.invitation_create(
            actor=programme_office,
            email="b@aberdeencity.gov.uk",
            full_name="B",
            organisation=council,
        )
        services.invitation_revoke(actor=programme_office, invitation=gone)
        headers = bearer(programme_office)

        everything = client.get("/api/v1/invitations", headers=headers).json()
        assert everything["count"] == 2
        pending = client.get("/api/v1/invitations?status=pending", headers=headers).json()
        assert [item["email"] for item in pending["items"]] == ["a@aberdeencity.gov.uk"]
        assert pending["items"][0]["roles"] == ["board_member"]
        bad = client.get("/api/v1/invitations?status=lost", headers=headers)
        assert bad.status_code == 422

    def test_revoke(self, client, programme_office, council, bearer):
        invitation, _ = services.invitation_create(
            actor=programme_office,
            email="a@aberdeencity.gov.uk",
            full_name="A",
            organisation=council,
        )
        response = client.post(
            f"/api/v1/invitations/{invitation.pk}/revoke", headers=bearer(programme_office)
        )
        assert response.status_code == 200
        assert response.json()["status"] == "revoked"
        missing = client.post("/api/v1/invitations/999999/revoke", headers=bearer(programme_office))
        assert missing.status_code == 404

    @pytest.mark.parametrize(
        "role", ["member", "organisation_lead", "project_lead", "board_member"]
    )
    def test_other_roles_get_403_json(self, client, user_for_role, role, council, bearer):
        headers = bearer(user_for_role(role))
        listing = client.get("/api/v1/invitations", headers=headers)
        creating = client.post(
            "/api/v1/invitations", self.payload, content_type="application/json", headers=headers
        )
        for response in (listing, creating):
            assert response.status_code == 403
            assert response.json()["code"] == "permission_denied"
        assert not Invitation.objects.exists()

    def test_session_posts_need_the_csrf_token(self, programme_office, council):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(programme_office, backend="heartbeat.accounts.backends.AccountsBackend")
        response = client.post("/api/v1/invitations", self.payload, content_type="application/json")
        assert response.status_code == 403
        assert not Invitation.objects.exists()


def test_tokens_are_stored_only_as_hashes(member):
    _token, raw = services.api_token_create(actor=member, name="Check")
    assert not ApiToken.objects.filter(token_hash=raw).exists()
    assert ApiToken.objects.filter(token_hash=ApiToken.hash_token(raw)).exists()


def test_the_schema_documents_the_accounts_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/me",
        "/api/v1/invitations",
        "/api/v1/invitations/{invitation_id}/revoke",
    } <= set(paths)
    assert "409" in paths["/api/v1/invitations"]["post"]["responses"]
