import pytest

from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _email_backend(settings):
    # Email is the outside world: tests read django.core.mail.outbox instead.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _tasks_immediate(settings):
    # Background tasks run in-process in tests, after the transaction commits.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _data_cache(settings):
    # Figures are kept between requests as in production (core.datacache), in this
    # process's cache, emptied before each test.
    from django.core.cache import cache

    settings.DATA_CACHE = True
    cache.clear()


@pytest.fixture
def council(db):
    return OrganisationFactory(
        name="Aberdeen City",
        official_name="Aberdeen City Council",
        gss_code="S12000033",
        slug="aberdeen-city",
    )


@pytest.fixture
def other_council(db):
    return OrganisationFactory(
        name="Angus", official_name="Angus Council", gss_code="S12000041", slug="angus"
    )


@pytest.fixture
def member(council):
    return UserFactory(organisation=council, email="member@aberdeencity.gov.uk")


@pytest.fixture
def programme_office(db):
    office = OrganisationFactory(
        name="Digital Office",
        official_name="Digital Office for Scottish Local Government",
        kind="digital_office",
        gss_code="",
        slug="digital-office",
    )
    return UserFactory(
        organisation=office, email="office@digitaloffice.scot", is_programme_office=True
    )


@pytest.fixture
def organisation_lead(council):
    return UserFactory(
        organisation=council, email="lead@aberdeencity.gov.uk", is_organisation_lead=True
    )


@pytest.fixture
def other_organisation_lead(other_council):
    return UserFactory(
        organisation=other_council, email="lead@angus.gov.uk", is_organisation_lead=True
    )


@pytest.fixture
def project_lead(council):
    return UserFactory(
        organisation=council, email="projects@aberdeencity.gov.uk", is_project_lead=True
    )


@pytest.fixture
def board_member(other_council):
    return UserFactory(organisation=other_council, email="board@angus.gov.uk", is_board_member=True)


ROLE_FIXTURES = [
    "anonymous",
    "member",
    "organisation_lead",
    "project_lead",
    "board_member",
    "programme_office",
]


@pytest.fixture
def user_for_role(request, db):
    """Return a user (or None for a visitor) for a role name, for permission matrices."""

    def _get(role: str):
        if role == "anonymous":
            return None
        return request.getfixturevalue(role)

    return _get


@pytest.fixture
def client_for(client):
    """A test client signed in as ``user`` (or anonymous for None)."""

    def _client(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="heartbeat.accounts.backends.AccountsBackend")
        return client

    return _client


@pytest.fixture(scope="session", autouse=True)
def _end_stray_database_sessions(django_db_setup, django_db_blocker):
    """Close sessions that threads left open before PostgreSQL drops the test database.

    The browser tests' live server and the task worker tests use connections from their
    own threads; one still idle at the end would stop the test database being dropped.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
