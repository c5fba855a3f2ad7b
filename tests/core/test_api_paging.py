import pytest

from heartbeat.core.api.paging import page_of
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
