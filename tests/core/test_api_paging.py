import pytest

from heartbeat.core.api.paging import MAX_OFFSET, page_of
from heartbeat.core.exceptions import InvalidInput
from heartbeat.partnership.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_page_of_counts_everything_and_serialises_only_the_slice():
    for n in range(5):
        OrganisationFactory(name=f"Council {n}")
    page = page_of(Organisation.objects.order_by("name"), limit=2, offset=3, item=lambda o: o.name)
    assert page == {"count": 5, "limit": 2, "offset": 3, "items": ["Council 3", "Council 4"]}


def test_page_of_beyond_the_end_is_empty_but_still_counted():
    OrganisationFactory(name="Council 0")
    page = page_of(Organisation.objects.all(), limit=10, offset=10, item=str)
    assert page["count"] == 1
    assert page["items"] == []


def test_page_of_refuses_an_offset_past_what_the_database_can_count():
    with pytest.raises(InvalidInput) as error:
        page_of(Organisation.objects.all(), limit=10, offset=MAX_OFFSET + 1, item=str)
    assert error.value.field == "offset"


def test_every_paged_endpoint_states_the_bounds_of_limit_and_offset(client):
    schema = client.get("/api/v1/openapi.json").json()
    unbounded = [
        f"{method.upper()} {path} {parameter['name']}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if parameter["name"] in ("limit", "offset") and "maximum" not in parameter["schema"]
    ]
    assert unbounded == []


@pytest.mark.parametrize("path", ["/api/v1/projects", "/api/v1/pledges", "/api/v1/organisations"])
def test_an_offset_beyond_a_64_bit_integer_is_a_json_422(client_for, programme_office, path):
    response = client_for(programme_office).get(path, {"offset": 2**63, "limit": 10})
    assert response.status_code == 422
    assert response.json()["code"]
