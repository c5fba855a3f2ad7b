"""The signed-in person kept in the shared cache for requests that only read
(heartbeat.accounts.backends), without their password hash."""

import pickle

import pytest
from django.contrib.auth import get_user
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from heartbeat.accounts import services
from heartbeat.accounts.backends import AccountsBackend
from heartbeat.accounts.models import User
from heartbeat.core import datacache
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PROFILE = "/accounts/profile/"


@pytest.fixture(autouse=True)
def _sessions_in_cache(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def person():
    return UserFactory(organisation=OrganisationFactory(name="Angus"), full_name="Morag Reid")


def _in_request(method, work):
    datacache.request_started(environ={"REQUEST_METHOD": method})
    try:
        return work()
    finally:
        datacache.request_finished()


def _kept_values():
    return [value for key, value in cache._cache.items() if ":accounts.signed-in:" in key]


def test_a_read_takes_the_person_from_the_cache_without_their_password(person):
    backend = AccountsBackend()
    first = _in_request("GET", lambda: backend.get_user(person.pk))
    with CaptureQueriesContext(connection) as queries:
        again = _in_request("GET", lambda: backend.get_user(person.pk))
    assert len(queries) == 0
    assert again.pk == first.pk == person.pk
    assert again.organisation.name == "Angus"
    assert "password" not in again.__dict__
    # What the cache holds has no trace of the hash.
    stored = _kept_values()
    assert len(stored) == 1
    assert person.password.encode() not in stored[0]
    assert b"pbkdf2" not in stored[0] and b"argon2" not in stored[0]
    # Yet the session hash Django checks is the one the password gives.
    assert again.get_session_auth_hash() == User.objects.get(pk=person.pk).get_session_auth_hash()
    assert pickle.loads(stored[0]).pk == person.pk  # noqa: S301 (the test's own cache)


def test_a_kept_person_reads_their_password_from_the_database_when_asked(person):
    kept = _in_request("GET", lambda: AccountsBackend().get_user(person.pk))
    kept = _in_request("GET", lambda: AccountsBackend().get_user(person.pk))
    assert kept.check_password(DEFAULT_PASSWORD)
    # Once read, the hashes are worked out from it, as for anyone.
    kept.set_password("a-new-long-passphrase")
    assert kept.get_session_auth_hash() != person.get_session_auth_hash()


def test_a_request_that_writes_reads_the_person_from_the_database(person):
    _in_request("GET", lambda: AccountsBackend().get_user(person.pk))
    with CaptureQueriesContext(connection) as queries:
        user = _in_request("POST", lambda: AccountsBackend().get_user(person.pk))
    assert len(queries) == 1
    assert "password" in user.__dict__


def test_outside_a_request_the_person_is_read_from_the_database(person):
    AccountsBackend().get_user(person.pk)
    with CaptureQueriesContext(connection) as queries:
        AccountsBackend().get_user(person.pk)
    assert len(queries) == 1
    assert not _kept_values()


def test_a_password_changed_elsewhere_signs_out_every_other_session(person):
    browser = Client()
    browser.force_login(person)
    assert browser.get(PROFILE).status_code == 200
    assert browser.get(PROFILE).status_code == 200
    person.set_password("a-new-long-passphrase")
    person.save()
    response = browser.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_a_deactivated_person_is_signed_out_at_once(person):
    office = UserFactory(organisation=person.organisation, is_programme_office=True)
    browser = Client()
    browser.force_login(person)
    assert browser.get(PROFILE).status_code == 200
    assert browser.get(PROFILE).status_code == 200
    services.person_deactivate(actor=office, person=person, reason="Left the council")
    assert browser.get(PROFILE).status_code == 302


def test_a_session_with_a_wrong_hash_is_refused_by_the_kept_copy(person, rf):
    _in_request("GET", lambda: AccountsBackend().get_user(person.pk))
    browser = Client()
    browser.force_login(person)
    session = browser.session
    session["_auth_user_hash"] = "0" * 64
    session.save()
    request = rf.get(PROFILE)
    request.session = browser.session
    user = _in_request("GET", lambda: get_user(request))
    assert not user.is_authenticated
