"""A property-based fuzz of the whole API with schemathesis, against a live server.

Every operation in /api/v1/openapi.json gets generated requests, valid and not, anonymous
and with a programme office token, over the demo partnership. No answer may be a server
error, and every answer must conform to the schema: its status declared, its body of the
declared shape, a 401 without credentials where a token is needed. Bounded by
``FUZZ_EXAMPLES`` examples per operation (the environment may raise it for a longer run).
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance
from schemathesis.core.parameters import ParameterLocation

from heartbeat.accounts import services as account_services
from heartbeat.accounts.models import User
from heartbeat.api.api import api
from tests.demo_site import demo_server

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
PROGRAMME_OFFICE = "programme.office@digital-office.example"


@pytest.fixture(scope="module")
def demo_api(django_db_setup, django_db_blocker):
    with demo_server(django_db_blocker) as url, django_db_blocker.unblock():
        user = User.objects.get(email=PROGRAMME_OFFICE)
        _token, raw = account_services.api_token_create(actor=user, name="API fuzz")
        yield url, raw


@pytest.fixture
def server(demo_api, django_db_blocker):
    # The server's threads reach the database while the test runs.
    with django_db_blocker.unblock():
        yield demo_api


# The schema the server publishes at /api/v1/openapi.json, read from the API object itself
# so each operation becomes a test of its own when the tests are collected.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))


# Schema-valid requests may still break a rule the schema cannot state (a theme that must
# exist, a reason a withdrawal needs), which is a 422 with a message, not a fault: every
# other check stays on, the 422 among them only where the schema declares it.
EXCLUDED = [positive_data_acceptance]

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FUZZ
def test_anonymous_callers_get_no_server_error_and_answers_that_fit_the_schema(case, server):
    url, _token = server
    case.call_and_validate(base_url=url, excluded_checks=EXCLUDED)


def _drops_the_token(case) -> bool:
    """Whether a negative case left out the Authorization header on purpose: sending the
    token anyway would turn it into a valid request it then says should be refused."""
    meta = case.meta
    headers = {name.lower() for name in (case.headers or {})}
    return (
        meta is not None
        and meta.is_negative_at(ParameterLocation.HEADER)
        and "authorization" not in headers
    )


@schema.parametrize()
@FUZZ
def test_token_holders_get_no_server_error_and_answers_that_fit_the_schema(case, server):
    url, token = server
    headers = {} if _drops_the_token(case) else {"Authorization": f"Bearer {token}"}
    case.call_and_validate(base_url=url, headers=headers, excluded_checks=EXCLUDED)
