"""Every page, every role: a crawl of the demo partnership as each person meets it.

The demo data is loaded once for the module (and the server in front of it started), so the
roles' crawls, spread over the test workers, do not each load it again. Nothing here writes:
the crawl follows links and GET forms only. At the end the database is emptied, as every
test that commits leaves it.
"""

import os
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection
from django.test.utils import setup_databases, teardown_databases
from pytest_django.live_server_helper import LiveServer

from heartbeat.demo.data.partnership import DEMO_PEOPLE
from heartbeat.demo.loader import DEMO_PASSWORD, load_demo
from tests.browser.crawl import SiteCrawler

SUPERUSER_EMAIL = "admin@digital-office.example"
SUPERUSER_PASSWORD = "a-long-superuser-password-2026"  # noqa: S105

# Each role signs in as its demo account; "superuser" is made with createsuperuser, as the
# README tells a new installation to, and belongs to no organisation.
ACCOUNTS = {person["roles"][0] if person["roles"] else "member": person for person in DEMO_PEOPLE}
ROLES = [
    "visitor",
    "member",
    "organisation_lead",
    "project_lead",
    "board_member",
    "programme_office",
    "superuser",
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # pytest-django makes the test database only when a collected test asks for one,
        # and these tests do not (they load their data once, not per test): when only they
        # run, make it here, so the demo never lands in the development database.
        made = None
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            made = setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS})
        load_demo()
        with mock.patch.dict(os.environ, {"DJANGO_SUPERUSER_PASSWORD": SUPERUSER_PASSWORD}):
            call_command("createsuperuser", interactive=False, email=SUPERUSER_EMAIL, verbosity=0)
    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    try:
        yield server.url
    finally:
        server._live_server_modified_settings.disable()
        server.stop()
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            if made is not None:
                teardown_databases(made, verbosity=0)


@pytest.fixture
def site(demo_site, django_db_blocker):
    # The server's threads reach the database while the test runs.
    with django_db_blocker.unblock():
        yield demo_site


def _sign_in(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Sign out").count() == 1, f"{email} did not sign in"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_each_person_can_reach_passes_the_checks(role, site, browser):
    context = browser.new_context()
    page = context.new_page()
    if role == "superuser":
        _sign_in(page, site, SUPERUSER_EMAIL, SUPERUSER_PASSWORD)
    elif role != "visitor":
        _sign_in(page, site, ACCOUNTS[role]["email"], DEMO_PASSWORD)

    report = SiteCrawler(page, site).crawl("/")
    context.close()

    assert report.visited, "the crawl opened no page"
    if report.problems:
        pytest.fail(f"The crawl as the {role} found problems.\n{report.describe()}", pytrace=False)
