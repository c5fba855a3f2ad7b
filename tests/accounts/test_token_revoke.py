"""Revoking a personal access token asks first, on a page of its own."""

import pytest
from django.urls import reverse

from heartbeat.accounts import services
from heartbeat.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_the_profile_links_to_the_confirmation(client_for, member):
    token, _raw = services.api_token_create(actor=member, name="Monthly spreadsheet")
    html = client_for(member).get(reverse("accounts:profile")).content.decode()
    assert f'href="{reverse("accounts:token_revoke", kwargs={"pk": token.pk})}"' in html


def test_revoking_asks_first_and_a_get_revokes_nothing(client_for, member):
    token, _raw = services.api_token_create(actor=member, name="Monthly spreadsheet")
    client = client_for(member)
    url = reverse("accounts:token_revoke", kwargs={"pk": token.pk})
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert ">Yes, revoke the token</button>" in html
    assert "No, go back" in html
    assert "Monthly spreadsheet" in html
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None

    done = client.post(url)
    assert done.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    # A revoked token has nothing left to confirm.
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("role", ["anonymous", "organisation_lead", "programme_office"])
def test_nobody_else_sees_or_revokes_someone_s_token(client_for, user_for_role, member, role):
    token, _raw = services.api_token_create(actor=member, name="Monthly spreadsheet")
    client = client_for(user_for_role(role))
    url = reverse("accounts:token_revoke", kwargs={"pk": token.pk})
    expected = 302 if role == "anonymous" else 404
    assert client.get(url).status_code == expected
    assert client.post(url).status_code == expected
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
