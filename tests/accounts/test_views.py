import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from heartbeat.accounts import services
from heartbeat.accounts.models import ApiToken, Invitation, Role, User
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory

LOGIN = "/accounts/sign-in/"
STRONG_PASSWORD = "lighthouse-morning-tide-42"


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def invitation_and_token(programme_office, council, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invitation_create(
            actor=programme_office,
            email="morag.grant@aberdeencity.gov.uk",
            full_name="Morag Grant",
            organisation=council,
            roles=[Role.PROJECT_LEAD],
        )


class TestSignIn:
    def test_page_links_to_password_reset(self, client, db):
        response = client.get(LOGIN)
        assert response.status_code == 200
        assert 'href="/accounts/password-reset/"' in text(response)

    def test_right_password_signs_in_case_insensitively(self, client, member):
        response = client.post(
            LOGIN, {"username": member.email.upper(), "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/"
        assert signed_in_user_id(client) == str(member.pk)

    def test_next_is_followed_when_it_is_on_this_site(self, client, member):
        response = client.post(
            LOGIN + "?next=/accounts/profile/",
            {"username": member.email, "password": DEFAULT_PASSWORD, "next": "/accounts/profile/"},
        )
        assert response["Location"] == "/accounts/profile/"

    def test_wrong_password_shows_the_error_summary_linked_to_the_field(self, client, member):
        response = client.post(LOGIN, {"username": member.email, "password": "wrong-password"})
        assert response.status_code == 200
        page = text(response)
        assert "There is a problem" in page
        assert '<a href="#id_password">Enter a correct email address and password.</a>' in page
        assert f'value="{member.email}"' in page
        assert signed_in_user_id(client) is None

    def test_empty_form_asks_for_both_fields(self, client, db):
        page = text(client.post(LOGIN, {"username": "", "password": ""}))
        assert 'href="#id_username"' in page
        assert 'href="#id_password"' in page

    def test_sixth_attempt_is_throttled_even_with_the_right_password(self, client, member):
        for _attempt in range(4):
            response = client.post(LOGIN, {"username": member.email, "password": "wrong"})
            assert response.status_code == 200
        client.post(LOGIN, {"username": member.email, "password": "wrong"})

        response = client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})

        assert response.status_code == 429
        page = text(response)
        assert "Too many failed sign-in attempts" in page
        assert "signing in is paused for 15 minutes" in page
        assert 'href="/accounts/password-reset/"' in page
        assert signed_in_user_id(client) is None

    def test_lockout_page_uses_the_cool_off_from_settings(self, client, member, settings):
        settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
        settings.AXES_FAILURE_LIMIT = 2
        client.post(LOGIN, {"username": member.email, "password": "wrong"})
        client.post(LOGIN, {"username": member.email, "password": "wrong"})
        response = client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})
        assert response.status_code == 429
        assert "paused for 30 minutes" in text(response)
        assert "There have been 2 failed attempts" in text(response)

    def test_a_lockout_does_not_stop_other_people(self, client, member, organisation_lead):
        for _attempt in range(5):
            client.post(LOGIN, {"username": member.email, "password": "wrong"})
        response = client.post(
            LOGIN, {"username": organisation_lead.email, "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302


class TestSignOut:
    def test_header_has_a_sign_out_form_that_posts(self, client_for, member):
        page = text(client_for(member).get("/accounts/profile/"))
        assert re.search(r'<form method="post" action="/accounts/sign-out/"', page)

    def test_post_signs_out(self, client_for, member):
        client = client_for(member)
        response = client.post("/accounts/sign-out/")
        assert response.status_code == 302
        assert signed_in_user_id(client) is None

    def test_get_does_not_sign_out(self, client_for, member):
        client = client_for(member)
        assert client.get("/accounts/sign-out/").status_code == 405
        assert signed_in_user_id(client) == str(member.pk)


class TestProfile:
    def test_shows_name_email_organisation_roles_and_job_title(self, client_for, organisation_lead):
        organisation_lead.job_title = "Chief Digital Officer"
        organisation_lead.save()
        response = client_for(organisation_lead).get("/accounts/profile/")
        page = text(response)
        assert response.status_code == 200
        assert organisation_lead.full_name in page
        assert organisation_lead.email in page
        assert '<a class="ds_link" href="/organisations/aberdeen-city/">Aberdeen City</a>' in page
        assert "Organisation lead, Member" in page
        assert "Chief Digital Officer" in page
        assert "See invitations" not in page

    def test_programme_office_sees_a_link_to_invitations(self, client_for, programme_office):
        page = text(client_for(programme_office).get("/accounts/profile/"))
        assert 'href="/accounts/invitations/"' in page

    def test_edit_name_and_job_title(self, client_for, member):
        client = client_for(member)
        assert client.get("/accounts/profile/edit/").status_code == 200
        response = client.post(
            "/accounts/profile/edit/", {"full_name": "Ailsa Reid", "job_title": "Service designer"}
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert (member.full_name, member.job_title) == ("Ailsa Reid", "Service designer")
        page = text(client.get(response["Location"]))
        assert "Your profile has been updated." in page

    def test_edit_without_a_name_shows_the_error(self, client_for, member):
        response = client_for(member).post("/accounts/profile/edit/", {"full_name": ""})
        assert response.status_code == 200
        assert '<a href="#id_full_name">Enter your full name.</a>' in text(response)


class TestAccessTokens:
    def test_create_shows_the_token_once(self, client_for, member):
        client = client_for(member)
        assert client.get("/accounts/profile/tokens/new/").status_code == 200

        response = client.post("/accounts/profile/tokens/new/", {"name": "Monthly report"})

        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        raw = re.search(r'value="(hbt_[^"]+)"', text(response)).group(1)
        assert "It will not be shown again" in text(response)
        token = ApiToken.objects.get(user=member)
        assert token.token_hash == ApiToken.hash_token(raw)
        profile = text(client.get("/accounts/profile/"))
        assert "Monthly report" in profile
        assert token.prefix in profile
        assert raw not in profile

    def test_create_without_a_name_shows_the_error(self, client_for, member):
        response = client_for(member).post("/accounts/profile/tokens/new/", {"name": ""})
        assert '<a href="#id_name">Enter a name for the token.</a>' in text(response)
        assert not ApiToken.objects.exists()

    def test_list_shows_status_and_last_use(self, client_for, member):
        token, _raw = services.api_token_create(actor=member, name="Old script")
        services.api_token_revoke(actor=member, token=token)
        services.api_token_create(actor=member, name="New script")
        page = text(client_for(member).get("/accounts/profile/"))
        assert "Revoked" in page
        assert "Active" in page
        assert "Never" in page
        assert page.count("Revoke<span") == 1

    def test_revoke_own_token(self, client_for, member):
        token, _raw = services.api_token_create(actor=member, name="Reports")
        client = client_for(member)
        response = client.post(f"/accounts/profile/tokens/{token.pk}/revoke/")
        assert response.status_code == 302
        token.refresh_from_db()
        assert token.revoked_at is not None
        assert "has been revoked" in text(client.get("/accounts/profile/"))

    def test_cannot_revoke_someone_elses_token(self, client_for, member, organisation_lead):
        token, _raw = services.api_token_create(actor=member, name="Reports")
        response = client_for(organisation_lead).post(
            f"/accounts/profile/tokens/{token.pk}/revoke/"
        )
        assert response.status_code == 404
        token.refresh_from_db()
        assert token.revoked_at is None


class TestInvitationPages:
    def test_create_form_offers_active_organisations(self, client_for, programme_office, council):
        OrganisationFactory(name="Former Council", active=False)
        page = text(client_for(programme_office).get("/accounts/invitations/new/"))
        assert '<option value="aberdeen-city">Aberdeen City</option>' in page
        assert "Former Council" not in page
        assert "Organisation lead" in page

    def test_create_sends_the_invitation(
        self, client_for, programme_office, council, django_capture_on_commit_callbacks
    ):
        client = client_for(programme_office)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/accounts/invitations/new/",
                {
                    "full_name": "Morag Grant",
                    "email": "morag.grant@aberdeencity.gov.uk",
                    "organisation": "aberdeen-city",
                    "roles": ["organisation_lead", "board_member"],
                },
            )
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert invitation.roles == ["organisation_lead", "board_member"]
        assert invitation.invited_by == programme_office
        assert len(mail.outbox) == 1
        page = text(client.get(response["Location"]))
        assert "Invitation sent to Morag Grant" in page

    def test_create_for_a_registered_email_explains(self, client_for, programme_office, member):
        response = client_for(programme_office).post(
            "/accounts/invitations/new/",
            {"full_name": "X", "email": member.email.upper(), "organisation": "aberdeen-city"},
        )
        assert response.status_code == 200
        assert f"There is already an account for {member.email}" in text(response)
        assert 'href="#id_email"' in text(response)

    def test_create_with_nothing_lists_every_problem(self, client_for, programme_office):
        page = text(client_for(programme_office).post("/accounts/invitations/new/", {}))
        for anchor in ("#id_full_name", "#id_email", "#id_organisation"):
            assert f'href="{anchor}"' in page

    def test_list_shows_each_status_and_filters_by_url(
        self, client_for, programme_office, council, invitation_and_token
    ):
        accepted, raw = invitation_and_token
        services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        revoked, _ = services.invitation_create(
            actor=programme_office,
            email="r@aberdeencity.gov.uk",
            full_name="Rab Revoked",
            organisation=council,
        )
        services.invitation_revoke(actor=programme_office, invitation=revoked)
        expired, _ = services.invitation_create(
            actor=programme_office,
            email="e@aberdeencity.gov.uk",
            full_name="Eilidh Expired",
            organisation=council,
        )
        Invitation.objects.filter(pk=expired.pk).update(
            expires_at=timezone.now() - datetime.timedelta(days=1)
        )
        services.invitation_create(
            actor=programme_office,
            email="p@aberdeencity.gov.uk",
            full_name="Pat Pending",
            organisation=council,
        )
        client = client_for(programme_office)

        page = text(client.get("/accounts/invitations/"))
        for status in ("Pending", "Accepted", "Expired", "Revoked"):
            assert f">{status}</strong>" in page
        assert page.count("Revoke<span") == 1

        page = text(client.get("/accounts/invitations/?status=expired"))
        assert "Eilidh Expired" in page
        assert "Pat Pending" not in page
        assert "1 invitation with the status ‘Expired’" in page
        assert 'href="?status=expired&amp;format=csv"' in page

    def test_export_csv_and_xlsx_keep_the_filter(
        self, client_for, programme_office, council, invitation_and_token
    ):
        services.invitation_create(
            actor=programme_office,
            email="other@aberdeencity.gov.uk",
            full_name="Other",
            organisation=council,
        )
        services.invitation_revoke(
            actor=programme_office, invitation=Invitation.objects.get(full_name="Other")
        )
        client = client_for(programme_office)

        response = client.get("/accounts/invitations/?status=pending&format=csv")
        assert response["Content-Type"].startswith("text/csv")
        today = timezone.localdate().isoformat()
        assert f'filename="invitations-pending-{today}.csv"' in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
        assert rows[0][:5] == ["Name", "Email", "Organisation", "Roles", "Status"]
        assert len(rows) == 2
        assert rows[1][:5] == [
            "Morag Grant",
            "morag.grant@aberdeencity.gov.uk",
            "Aberdeen City",
            "Member; Project lead",
            "Pending",
        ]

        response = client.get("/accounts/invitations/?format=xlsx")
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        values = list(sheet.iter_rows(values_only=True))
        assert len(values) == 3
        assert {row[4] for row in values[1:]} == {"Pending", "Revoked"}

    def test_revoke(self, client_for, programme_office, invitation_and_token):
        invitation, _raw = invitation_and_token
        client = client_for(programme_office)
        response = client.post(f"/accounts/invitations/{invitation.pk}/revoke/")
        assert response.status_code == 302
        invitation.refresh_from_db()
        assert invitation.revoked_at is not None
        assert "has been revoked" in text(client.get(response["Location"]))

    def test_revoking_an_accepted_invitation_explains(
        self, client_for, programme_office, invitation_and_token
    ):
        invitation, raw = invitation_and_token
        services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        client = client_for(programme_office)
        response = client.post(f"/accounts/invitations/{invitation.pk}/revoke/", follow=True)
        assert "has already accepted this invitation" in text(response)


class TestInvitationAccept:
    def url(self, raw):
        return reverse("accounts:invitation_accept", args=[raw])

    def test_page_shows_the_invitation(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        response = client.get(self.url(raw))
        page = text(response)
        assert response.status_code == 200
        assert "Welcome, Morag Grant" in page
        assert "Member, Project lead" in page
        assert 'autocomplete="new-password"' in page

    def test_a_password_creates_the_account_and_signs_in(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        response = client.post(
            self.url(raw), {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/accounts/profile/"
        user = User.objects.get(email="morag.grant@aberdeencity.gov.uk")
        assert signed_in_user_id(client) == str(user.pk)
        assert user.is_project_lead
        assert "Welcome to Heartbeat, Morag Grant" in text(client.get("/accounts/profile/"))

    def test_mismatched_passwords_are_explained(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        response = client.post(
            self.url(raw), {"new_password1": STRONG_PASSWORD, "new_password2": "something-else-9"}
        )
        assert response.status_code == 200
        assert '<a href="#id_new_password2">The two passwords do not match.' in text(response)
        assert not User.objects.filter(email="morag.grant@aberdeencity.gov.uk").exists()

    def test_password_validators_are_shown_in_the_error_summary(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        response = client.post(self.url(raw), {"new_password1": "1234", "new_password2": "1234"})
        summary = text(response).split('class="ds_error-summary"')[1].split("</div>")[0]
        assert "This password is too short. It must contain at least 10 characters." in summary
        assert "This password is too common." in summary
        assert "This password is entirely numeric." in summary

    def test_similar_to_the_email_address_is_refused(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        similar = "morag.grant@aberdeen"
        response = client.post(self.url(raw), {"new_password1": similar, "new_password2": similar})
        assert "too similar" in text(response)

    def test_unknown_link_gets_a_clear_404(self, client, db):
        response = client.get(self.url("not-a-real-token"))
        assert response.status_code == 404
        page = text(response)
        assert "This invitation link cannot be used" in page
        assert "ask the Digital Office for a new invitation" in page

    def test_used_link_gets_a_clear_410(self, client, invitation_and_token):
        _invitation, raw = invitation_and_token
        services.invitation_accept(raw_token=raw, password=STRONG_PASSWORD)
        response = client.get(self.url(raw))
        assert response.status_code == 410
        assert "already been used" in text(response)

    def test_revoked_link_gets_a_clear_410(self, client, programme_office, invitation_and_token):
        invitation, raw = invitation_and_token
        services.invitation_revoke(actor=programme_office, invitation=invitation)
        response = client.get(self.url(raw))
        assert response.status_code == 410
        assert "withdrawn. Ask the Digital Office for a new invitation." in text(response)

    def test_expired_link_gets_a_clear_410_even_on_post(self, client, invitation_and_token):
        invitation, raw = invitation_and_token
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
        response = client.post(
            self.url(raw), {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
        )
        assert response.status_code == 410
        assert "expired. Ask the Digital Office for a new invitation." in text(response)
        assert not User.objects.filter(email=invitation.email).exists()


class TestPasswordReset:
    def test_known_and_unknown_addresses_get_the_same_answer(self, client, member):
        known = client.post("/accounts/password-reset/", {"email": member.email.upper()})
        unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.gov.uk"})

        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"] == "/accounts/password-reset/sent/"
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [member.email]
        assert mail.outbox[0].subject == "Reset your Heartbeat password"
        page = text(client.get("/accounts/password-reset/sent/"))
        assert "If there is a Heartbeat account for the address you entered" in page

    def test_invalid_address_is_explained(self, client, db):
        response = client.post("/accounts/password-reset/", {"email": "not an email"})
        assert '<a href="#id_email">Enter an email address in the correct format' in text(response)

    def test_the_emailed_link_sets_a_new_password(self, client, member):
        client.post("/accounts/password-reset/", {"email": member.email})
        link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.outbox[0].body)
        response = client.get(link.group(1))
        assert response.status_code == 302  # Django moves the token into the session
        form_url = response["Location"]
        page = text(client.get(form_url))
        assert "Choose a new password" in page
        assert "Confirm new password" in page

        weak = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
        assert "This password is too common." in text(weak)

        done = client.post(
            form_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
        )
        assert done["Location"] == "/accounts/password-reset/complete/"
        assert client.get(done["Location"]).status_code == 200
        member.refresh_from_db()
        assert member.check_password(STRONG_PASSWORD)
        # The link works once.
        again = client.get(link.group(1), follow=True)
        assert "This link to reset your password cannot be used" in text(again)


def test_profile_links_to_the_person_s_skills(client_for, member):
    html = client_for(member).get("/accounts/profile/").content.decode()
    assert 'href="/skills/mine/"' in html
