"""Password reset is throttled like sign-in; behind a load balancer, both count the person's
own address from the trusted proxy's header, never a header anyone could write."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone

from heartbeat.accounts.models import PasswordResetRequest
from heartbeat.core.client_ip import client_ip
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESET = "/accounts/password-reset/"
SIGN_IN = "/accounts/sign-in/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.PASSWORD_RESET_LIMIT = 3
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)


def _ask(client, email, **headers):
    return client.post(RESET, {"email": email}, **headers)


def test_reset_links_stop_after_the_limit_for_one_email(client):
    UserFactory(email="morag.reid@fife.gov.uk")
    for _ in range(3):
        assert _ask(client, "morag.reid@fife.gov.uk").status_code == 302
    assert len(mail.outbox) == 3
    response = _ask(client, "Morag.Reid@fife.gov.uk")
    assert response.status_code == 429
    assert "Too many requests for a reset link" in response.content.decode()
    assert len(mail.outbox) == 3


def test_one_address_cannot_try_address_after_address(client):
    for n in range(3):
        assert _ask(client, f"person{n}@fife.gov.uk").status_code == 302
    assert _ask(client, "someone.else@fife.gov.uk").status_code == 429
    # Another client is not held back by the first one's requests.
    assert _ask(client, "another@fife.gov.uk", REMOTE_ADDR="198.51.100.7").status_code == 302


def test_requests_are_forgotten_after_the_cool_off(client):
    UserFactory(email="morag.reid@fife.gov.uk")
    for _ in range(3):
        _ask(client, "morag.reid@fife.gov.uk")
    assert _ask(client, "morag.reid@fife.gov.uk").status_code == 429
    later = timezone.now() + datetime.timedelta(minutes=16)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert _ask(client, "morag.reid@fife.gov.uk").status_code == 302
    assert PasswordResetRequest.objects.count() == 1
    assert len(mail.outbox) == 4


def test_the_email_is_kept_only_as_a_hash(client):
    _ask(client, "morag.reid@fife.gov.uk")
    stored = PasswordResetRequest.objects.get()
    assert "morag" not in stored.email_hash
    assert stored.email_hash == PasswordResetRequest.hash_email("MORAG.REID@fife.gov.uk ")


# The client's address behind a load balancer ------------------------------------------------


def _request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_behind_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(_request("10.0.0.2", "198.51.100.1")) == "198.51.100.1"
    # A client cannot pretend: the right-most address the proxy did not add is its own.
    assert client_ip(_request("10.0.0.2", "1.2.3.4, 198.51.100.1")) == "198.51.100.1"
    # Two layers of trusted proxies.
    assert client_ip(_request("10.0.0.2", "198.51.100.1, 10.0.0.9")) == "198.51.100.1"
    # A header from an untrusted address is not believed.
    assert client_ip(_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"
    # A malformed header gives the proxy's own address, not a made-up one.
    assert client_ip(_request("10.0.0.2", "not-an-address")) == "10.0.0.2"


def _sign_in(client, user, password, client_address):
    return client.post(
        SIGN_IN,
        {"username": user.email, "password": password},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_sign_in_throttling_counts_each_person_behind_the_load_balancer(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    user = UserFactory(email="morag.reid@fife.gov.uk")
    for _ in range(3):
        _sign_in(client, user, "wrong password", "198.51.100.1")
    locked = _sign_in(client, user, DEFAULT_PASSWORD, "198.51.100.1")
    assert locked.status_code == 429
    # The same balancer passes another person's request: they are not locked out.
    other = _sign_in(client, user, DEFAULT_PASSWORD, "198.51.100.2")
    assert other.status_code == 302


def test_without_a_trusted_proxy_everyone_shares_the_balancer_s_address(client, settings):
    settings.TRUSTED_PROXIES = []
    user = UserFactory(email="morag.reid@fife.gov.uk")
    for _ in range(3):
        _sign_in(client, user, "wrong password", "198.51.100.1")
    # Without the proxy trusted, the forwarded header means nothing: same lockout.
    assert _sign_in(client, user, DEFAULT_PASSWORD, "198.51.100.2").status_code == 429


def test_reset_throttling_uses_the_forwarded_address_too(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    headers = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    for n in range(3):
        assert _ask(client, f"person{n}@fife.gov.uk", **headers).status_code == 302
    assert _ask(client, "again@fife.gov.uk", **headers).status_code == 429
    elsewhere = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert _ask(client, "again@fife.gov.uk", **elsewhere).status_code == 302
    assert PasswordResetRequest.objects.filter(ip_address="198.51.100.2").count() == 1
