"""Sessions kept in the shared cache as well as the database (the production settings with
CACHE_URL): a signed-in page reads its session without a query; a cache emptied falls back
to the database; signing out and deactivation still end the session."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heartbeat.accounts import services
from tests.factories import DEFAULT_PASSWORD

LOGIN = "/accounts/sign-in/"
PROFILE = "/accounts/profile/"


@pytest.fixture(autouse=True)
def _sessions_in_cache(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def _session_queries(client, path=PROFILE) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, sum("django_session" in q["sql"] for q in queries.captured_queries)


def test_a_signed_in_page_reads_its_session_from_the_cache(client, member):
    client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})
    assert _session_queries(client) == (200, 0)


def test_an_emptied_cache_keeps_people_signed_in(client, member):
    client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})
    cache.clear()
    status, reads = _session_queries(client)
    assert (status, reads) == (200, 1)
    # Read back into the cache from the database.
    assert _session_queries(client) == (200, 0)


def test_signing_out_ends_the_session_in_both(client, member):
    client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})
    client.post("/accounts/sign-out/")
    assert client.get(PROFILE)["Location"].startswith(LOGIN)


def test_a_deactivated_person_is_signed_out_at_once(client, member, programme_office):
    client.post(LOGIN, {"username": member.email, "password": DEFAULT_PASSWORD})
    services.person_deactivate(actor=programme_office, person=member, reason="Left the council")
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
