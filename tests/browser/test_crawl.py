"""Every page, every role: a crawl of the demo partnership as each person meets it.

The demo data is loaded once for the module (and the server in front of it started), so the
roles' crawls, spread over the test workers, do not each load it again. Nothing here writes:
the crawl follows links and GET forms only. At the end the database is emptied, as every
test that commits leaves it.
"""

import pytest

from heartbeat.demo.data.partnership import DEMO_PEOPLE
from heartbeat.demo.loader import DEMO_PASSWORD
from tests.browser.crawl import SiteCrawler
from tests.demo_site import SUPERUSER_EMAIL, SUPERUSER_PASSWORD, demo_server

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
    with demo_server(django_db_blocker) as url:
        yield url


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
