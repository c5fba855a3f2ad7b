"""Pages of a list: ``paginate`` and ``paginate_counted`` agree on every page number."""

import pytest
from django.test import RequestFactory

from heartbeat.core.pagination import paginate, paginate_counted
from heartbeat.partnership.models import Organisation
from tests.factories import OrganisationFactory
from tests.querybudget import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    for n in range(7):
        OrganisationFactory(name=f"Council {n:02d}")
    return Organisation.objects.order_by("name")


def _page(function, queryset, page=None):
    params = {} if page is None else {"page": page}
    return function(queryset, RequestFactory().get("/", params), 3)


@pytest.mark.parametrize("page", [None, "1", "2", "3", "4", "99", "0", "-1", "two", "2.0", ""])
def test_the_same_page_as_paginate_whatever_the_number(organisations, page):
    expected = _page(paginate, organisations, page)
    counted = _page(paginate_counted, organisations, page)

    assert counted.number == expected.number
    assert [o.name for o in counted.object_list] == [o.name for o in expected.object_list]
    assert counted.paginator.count == expected.paginator.count == 7
    assert counted.paginator.num_pages == 3
    assert counted.has_next() == expected.has_next()


def test_a_page_in_range_and_its_total_cost_one_query(organisations):
    seen = {}

    def read_page():
        page = _page(paginate_counted, organisations, "2")
        seen["names"] = [o.name for o in page.object_list]
        seen["total"] = page.paginator.count
        seen["pages"] = page.paginator.num_pages

    assert queries_for(read_page) == 1
    assert seen == {"names": ["Council 03", "Council 04", "Council 05"], "total": 7, "pages": 3}


def test_nothing_to_show_is_one_empty_first_page(db):
    page = _page(paginate_counted, Organisation.objects.filter(name="Nowhere"))

    assert page.number == 1
    assert list(page.object_list) == []
    assert page.paginator.count == 0
    assert page.paginator.num_pages == 1
