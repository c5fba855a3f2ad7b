"""Removing and changing a capacity declaration, and withdrawing a pledge, as a user meets
them: a confirmation page of its own, a POST that acts, a GET that does not."""

import pytest
from django.urls import reverse
from django.utils import timezone

from heartbeat.core.months import add_months, first_of_month
from heartbeat.recruitment import services
from heartbeat.recruitment.models import OrganisationCapacity, Pledge, PledgeStatus
from tests.conftest import ROLE_FIXTURES
from tests.portfolio.factories import ProjectFactory, ResourceRequirementFactory
from tests.recruitment.factories import make_pledge

pytestmark = pytest.mark.django_db

START = first_of_month(timezone.localdate())
END = add_months(START, 5)


@pytest.fixture
def capacity(council, organisation_lead):
    return services.capacity_declare(
        actor=organisation_lead,
        organisation=council,
        days_per_month=5,
        start_month=START,
        end_month=END,
        note="Digital team",
    )


def _remove(council, capacity):
    return reverse("recruitment:capacity_remove", args=[council.slug, capacity.pk])


def _edit(council, capacity):
    return reverse("recruitment:capacity_edit", args=[council.slug, capacity.pk])


def test_the_capacity_page_links_to_change_and_remove(
    client_for, organisation_lead, council, capacity
):
    html = (
        client_for(organisation_lead)
        .get(reverse("recruitment:capacity_for", args=[council.slug]))
        .content.decode()
    )
    assert f'href="{_remove(council, capacity)}"' in html
    assert f'href="{_edit(council, capacity)}"' in html


def test_removing_a_declaration_asks_first(client_for, organisation_lead, council, capacity):
    client = client_for(organisation_lead)
    page = client.get(_remove(council, capacity))
    assert page.status_code == 200
    html = page.content.decode()
    assert ">Yes, remove the declaration</button>" in html
    assert "No, go back" in html
    assert "Digital team" in html
    assert OrganisationCapacity.objects.filter(pk=capacity.pk).exists()

    done = client.post(_remove(council, capacity), {"version": capacity.version})
    assert done.status_code == 302
    assert not OrganisationCapacity.objects.filter(pk=capacity.pk).exists()


def test_removing_a_declaration_changed_meanwhile_is_refused(
    client_for, organisation_lead, council, capacity
):
    client = client_for(organisation_lead)
    opened = capacity.version
    services.capacity_update(
        actor=organisation_lead,
        capacity=capacity,
        days_per_month=6,
        start_month=START,
        end_month=END,
        expected_version=opened,
    )
    response = client.post(_remove(council, capacity), {"version": opened})
    assert response.status_code == 409
    assert "after you opened it" in response.content.decode()
    assert OrganisationCapacity.objects.filter(pk=capacity.pk).exists()


def test_changing_a_declaration(client_for, organisation_lead, council, capacity):
    client = client_for(organisation_lead)
    page = client.get(_edit(council, capacity))
    assert page.status_code == 200
    assert 'value="5' in page.content.decode()
    response = client.post(
        _edit(council, capacity),
        {
            "days_per_month": "7.5",
            "start_month": START.strftime("%Y-%m"),
            "end_month": END.strftime("%Y-%m"),
            "note": "Two designers",
            "version": capacity.version,
        },
    )
    assert response.status_code == 302
    capacity.refresh_from_db()
    assert (str(capacity.days_per_month), capacity.note, capacity.version) == (
        "7.5",
        "Two designers",
        2,
    )


def test_two_people_changing_one_declaration_do_not_overwrite_each_other(
    client_for, organisation_lead, council, capacity
):
    opened = capacity.version
    services.capacity_update(
        actor=organisation_lead,
        capacity=capacity,
        days_per_month=3,
        start_month=START,
        end_month=END,
        expected_version=opened,
    )
    response = client_for(organisation_lead).post(
        _edit(council, capacity),
        {
            "days_per_month": "9",
            "start_month": START.strftime("%Y-%m"),
            "end_month": END.strftime("%Y-%m"),
            "note": "Mine",
            "version": opened,
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert 'value="9"' in html  # what they typed is kept
    assert 'name="version" value="2"' in html
    capacity.refresh_from_db()
    assert capacity.days_per_month == 3


def test_a_change_may_not_overlap_another_declaration(
    client_for, organisation_lead, council, capacity
):
    later = services.capacity_declare(
        actor=organisation_lead,
        organisation=council,
        days_per_month=2,
        start_month=add_months(END, 1),
        end_month=add_months(END, 3),
    )
    response = client_for(organisation_lead).post(
        _edit(council, later),
        {
            "days_per_month": "2",
            "start_month": END.strftime("%Y-%m"),
            "end_month": add_months(END, 3).strftime("%Y-%m"),
            "version": later.version,
        },
    )
    assert response.status_code == 422
    assert "already declared" in response.content.decode()


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_only_those_who_declare_see_the_remove_and_change_pages(
    client_for, user_for_role, council, capacity, role
):
    client = client_for(user_for_role(role))
    for url in (_remove(council, capacity), _edit(council, capacity)):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302
        elif role in ("organisation_lead", "programme_office"):
            assert response.status_code == 200
        else:
            assert response.status_code == 403
    assert OrganisationCapacity.objects.filter(pk=capacity.pk).exists()


def test_withdrawing_a_pledge_asks_first_and_a_get_withdraws_nothing(
    client_for, organisation_lead, council, programme_office
):
    project = ProjectFactory(stage="recruiting")
    need = ResourceRequirementFactory(project=project, start_month=START, end_month=END)
    pledge = make_pledge(need, council, programme_office, start_month=START, end_month=END)
    client = client_for(organisation_lead)
    url = reverse("recruitment:pledge_withdraw", args=[pledge.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert ">Yes, withdraw the pledge</button>" in html
    assert f'href="{reverse("recruitment:pledge_detail", args=[pledge.pk])}"' in html
    assert "No, go back" in html
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.ACTIVE

    done = client.post(url, {"reason": "Budget setting", "version": pledge.version})
    assert done.status_code == 302
    assert Pledge.objects.get(pk=pledge.pk).status == PledgeStatus.WITHDRAWN
