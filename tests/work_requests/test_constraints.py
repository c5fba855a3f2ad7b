"""The database holds the rules too: for the admin, scripts, and two people at once."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from heartbeat.core.exceptions import ApplicationError
from heartbeat.work_requests import services
from heartbeat.work_requests.models import State, Support
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import ProjectFactory
from tests.work_requests.factories import SupportFactory, WorkRequestFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"state": State.DECLINED, "decline_reason": ""},
        {"state": State.DUPLICATE},
        {"state": State.UNDER_REVIEW, "project": "project"},
        {"problem": "x" * 4001},
        {"outcome": "x" * 3001},
        {"benefit_value": -1},
        {"title": ""},
    ],
)
def test_the_database_refuses_a_broken_request(fields):
    if fields.get("project") == "project":
        fields = {**fields, "project": ProjectFactory()}
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkRequestFactory(**fields)


@pytest.mark.django_db
def test_a_request_is_not_a_duplicate_of_itself():
    work_request = WorkRequestFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(work_request).objects.filter(pk=work_request.pk).update(
            state=State.DUPLICATE, duplicate_of=work_request
        )


@pytest.mark.django_db
def test_the_database_keeps_one_support_per_organisation():
    work_request = WorkRequestFactory()
    organisation = OrganisationFactory()
    SupportFactory(work_request=work_request, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportFactory(work_request=work_request, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportFactory(work_request=work_request, need="x" * 1001)


@pytest.mark.django_db(transaction=True)
def test_two_people_of_one_council_support_at_the_same_moment():
    """Two real connections press "Support" together: one support is kept, and the other
    person is told plainly that their council already supports the request."""
    work_request = WorkRequestFactory()
    angus = OrganisationFactory(name="Angus")
    people = [UserFactory(organisation=angus, is_organisation_lead=True) for _ in range(2)]
    ready = threading.Barrier(2)
    results: list = []

    def press(person):
        try:
            ready.wait(timeout=10)
            services.support_add(actor=person, work_request=work_request, need="Angus too.")
            results.append("supported")
        except ApplicationError as error:
            results.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["already_supported", "supported"]
    assert Support.objects.filter(work_request=work_request).count() == 1
