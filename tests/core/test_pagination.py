"""Lists paged on their ids (core.pagination.RowsById), kept or not, and the API's pages."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from heartbeat.accounts.models import User
from heartbeat.core.api.paging import page_of
from heartbeat.core.pagination import RowsById, paginate
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    councils = [OrganisationFactory(name=name) for name in ("Angus Council", "Fife Council")]
    return [
        UserFactory(full_name=f"Person {i:02d}", organisation=councils[i % 2]) for i in range(12)
    ]


def listed():
    return User.objects.select_related("organisation").order_by("-full_name")


def test_a_page_is_cut_from_the_ids_and_read_whole_in_the_lists_order(people):
    rows = RowsById(listed())
    with CaptureQueriesContext(connection) as queries:
        page = rows[2:5]
        assert rows.count() == 12
    assert [p.full_name for p in page] == ["Person 09", "Person 08", "Person 07"]
    ids_query, rows_query = (q["sql"] for q in queries.captured_queries)
    # The ids are read without the related rows; the page's rows with them, by id.
    assert "partnership_organisation" not in ids_query
    assert "partnership_organisation" in rows_query
    with CaptureQueriesContext(connection) as queries:
        assert [p.organisation.name for p in page] == [
            "Fife Council",
            "Angus Council",
            "Fife Council",
        ]
    assert queries.captured_queries == []


def test_past_the_end_is_an_empty_page_and_a_single_row_is_refused(people):
    rows = RowsById(listed())
    assert rows[20:25] == []
    with pytest.raises(TypeError):
        rows[0]


def test_a_row_gone_between_reading_the_ids_and_the_rows_is_left_out(people):
    rows = RowsById(listed())
    rows.ids()
    User.objects.filter(full_name="Person 10").delete()
    assert [p.full_name for p in rows[0:3]] == ["Person 11", "Person 09"]


@pytest.mark.django_db(transaction=True)
def test_kept_ids_are_read_once_until_the_data_changes(people):
    # Committed data, as a request sees it (a transaction that wrote reads around the cache).
    def read():
        with CaptureQueriesContext(connection) as queries:
            names = [p.full_name for p in RowsById(listed(), keep="test.people")[0:3]]
        return names, len(queries.captured_queries)

    assert read() == (["Person 11", "Person 10", "Person 09"], 2)
    assert read() == (["Person 11", "Person 10", "Person 09"], 1)
    UserFactory(full_name="Person 99", organisation=people[0].organisation)
    assert read() == (["Person 99", "Person 11", "Person 10"], 2)


def test_kept_ids_follow_the_query_not_only_the_name(people):
    angus = people[0].organisation
    everyone = RowsById(listed(), keep="test.people")
    only_angus = RowsById(listed().filter(organisation=angus), keep="test.people")
    assert everyone.count() == 12
    assert only_angus.count() == 6
    assert RowsById(listed().order_by("full_name"), keep="test.people")[0:1][0].full_name == (
        "Person 00"
    )


def test_a_list_that_can_match_nothing_is_empty_without_asking_the_database(people):
    nobody = RowsById(listed().filter(pk__in=[]), keep="test.people")
    with CaptureQueriesContext(connection) as queries:
        assert (nobody.count(), nobody[0:25]) == (0, [])
    assert queries.captured_queries == []


def test_the_paginator_reads_them_as_a_list(people):
    request = RequestFactory().get("/", {"page": "3"})
    page = paginate(RowsById(listed(), keep="test.people"), request, per_page=5)
    assert page.paginator.count == 12
    assert page.number == 3
    assert [p.full_name for p in page.object_list] == ["Person 01", "Person 00"]


def test_an_api_page_counts_and_slices_the_same_rows(people):
    with CaptureQueriesContext(connection) as queries:
        body = page_of(listed(), limit=4, offset=8, item=lambda p: p.full_name)
    assert body == {
        "count": 12,
        "limit": 4,
        "offset": 8,
        "items": ["Person 03", "Person 02", "Person 01", "Person 00"],
    }
    assert len(queries.captured_queries) == 2


def test_an_api_page_of_values_is_sliced_as_it_is(people):
    rows = listed().values("full_name")
    body = page_of(rows, limit=2, offset=0, item=lambda row: row["full_name"])
    assert body["items"] == ["Person 11", "Person 10"]
    assert body["count"] == 12
