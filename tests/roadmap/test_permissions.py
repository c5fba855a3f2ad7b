"""Who may do what with the roadmap: each role against each action, own organisation against
another, through the predicates and through the pages."""

import datetime

import pytest
from django.urls import reverse

from heartbeat.portfolio.models import Visibility
from heartbeat.roadmap import permissions
from heartbeat.roadmap.models import Adoption, Product
from tests.conftest import ROLE_FIXTURES
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def led_project(project_lead):
    """A project led by the project_lead fixture (of Aberdeen City)."""
    return ProjectFactory(project_lead=project_lead, lead_organisation=project_lead.organisation)


VIEW_PARTNERSHIP_PRODUCT = {
    "anonymous": False,
    "member": True,
    "organisation_lead": True,
    "project_lead": True,
    "board_member": True,
    "programme_office": True,
}
GROW_OR_EDIT = {
    "anonymous": False,
    "member": False,
    "organisation_lead": False,
    "project_lead": True,  # their own project
    "board_member": False,
    "programme_office": True,
}
ADOPT_FOR_ABERDEEN = {
    "anonymous": False,
    "member": False,
    "organisation_lead": True,
    "project_lead": False,
    "board_member": False,  # of Angus
    "programme_office": True,
}


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_viewing_products(user_for_role, role):
    public = ProductFactory(project=ProjectFactory(visibility=Visibility.PUBLIC))
    private = ProductFactory(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    user = user_for_role(role)
    assert permissions.can_view_product(user, public)
    assert permissions.can_view_product(user, private) is VIEW_PARTNERSHIP_PRODUCT[role]
    visible = set(Product.objects.visible_to(user).values_list("pk", flat=True))
    assert (private.pk in visible) is VIEW_PARTNERSHIP_PRODUCT[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_growing_and_editing_products(user_for_role, role, led_project):
    product = ProductFactory(project=led_project)
    user = user_for_role(role)
    assert permissions.can_grow_products(user, led_project) is GROW_OR_EDIT[role]
    assert permissions.can_edit_product(user, product) is GROW_OR_EDIT[role]


def test_a_project_lead_does_not_edit_another_projects_products(project_lead):
    assert not permissions.can_edit_product(project_lead, ProductFactory())
    assert not permissions.can_grow_products(project_lead, ProjectFactory())


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_recording_adoption(user_for_role, role, council, other_council):
    user = user_for_role(role)
    assert permissions.can_record_adoption(user, council) is ADOPT_FOR_ABERDEEN[role]
    office = role == "programme_office"
    assert permissions.can_record_adoption(user, other_council) is office


# Through the pages -------------------------------------------------------------------------


def _status(client, method, url, data=None):
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_the_edit_page_answers_each_role(client_for, user_for_role, role, led_project):
    product = ProductFactory(project=led_project)
    client = client_for(user_for_role(role))
    status = _status(client, "get", reverse("roadmap:product_edit", args=[product.slug]))
    expected = 200 if GROW_OR_EDIT[role] else (302 if role == "anonymous" else 403)
    assert status == expected


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_growing_from_the_project_page_answers_each_role(
    client_for, user_for_role, role, led_project
):
    AnticipatedProductFactory(project=led_project)
    client = client_for(user_for_role(role))
    status = _status(client, "post", reverse("roadmap:grow", args=[led_project.slug]))
    expected = 302 if GROW_OR_EDIT[role] or role == "anonymous" else 403
    assert status == expected
    assert Product.objects.filter(project=led_project).exists() is GROW_OR_EDIT[role]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_marking_adopted_answers_each_role(client_for, user_for_role, role, council):
    make_member(council)
    product = live_product()
    user = user_for_role(role)
    client = client_for(user)
    data = {"organisation": council.slug, "adopted_on": "2026-11-02"}
    status = _status(client, "post", reverse("roadmap:product_adopt", args=[product.slug]), data)
    may = role in ("organisation_lead", "programme_office")
    expected = 302 if may or role == "anonymous" else 403
    assert status == expected
    assert Adoption.objects.filter(product=product, organisation=council).exists() is may


def test_a_council_lead_records_adoption_for_their_own_council_whatever_the_form_says(
    client_for, organisation_lead, council, other_council
):
    make_member(council)
    make_member(other_council)
    product = live_product()
    client = client_for(organisation_lead)
    client.post(
        reverse("roadmap:product_adopt", args=[product.slug]),
        {"organisation": other_council.slug, "adopted_on": "2026-11-02"},
    )
    assert list(Adoption.objects.values_list("organisation__slug", flat=True)) == [council.slug]


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_changing_and_removing_an_adoption_answers_each_role(
    client_for, user_for_role, role, council
):
    adoption = AdoptionFactory(
        organisation=make_member(council), adopted_on=datetime.date(2026, 10, 1)
    )
    client = client_for(user_for_role(role))
    edit = _status(client, "get", reverse("roadmap:adoption_edit", args=[adoption.pk]))
    remove = _status(client, "post", reverse("roadmap:adoption_remove", args=[adoption.pk]))
    may = ADOPT_FOR_ABERDEEN[role]
    expected = 200 if may else (302 if role == "anonymous" else 403)
    assert edit == expected
    assert remove == (302 if may or role == "anonymous" else 403)
    assert Adoption.objects.filter(pk=adoption.pk).exists() is not may


def test_another_councils_lead_cannot_change_an_adoption(
    client_for, other_organisation_lead, council
):
    adoption = AdoptionFactory(organisation=make_member(council))
    client = client_for(other_organisation_lead)
    assert client.get(reverse("roadmap:adoption_edit", args=[adoption.pk])).status_code == 403
    assert client.post(reverse("roadmap:adoption_remove", args=[adoption.pk])).status_code == 403
    assert Adoption.objects.filter(pk=adoption.pk).exists()


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_public_pages_answer_everyone(client_for, user_for_role, role):
    product = live_product(project=ProjectFactory(visibility=Visibility.PUBLIC))
    private = live_product(project=ProjectFactory(visibility=Visibility.PARTNERSHIP))
    client = client_for(user_for_role(role))
    for url in (
        reverse("roadmap:roadmap"),
        reverse("roadmap:changes"),
        reverse("roadmap:adoption"),
        reverse("roadmap:calendar"),
        reverse("roadmap:product_detail", args=[product.slug]),
    ):
        assert client.get(url).status_code == 200, url
    private_status = client.get(reverse("roadmap:product_detail", args=[private.slug])).status_code
    assert private_status == (200 if VIEW_PARTNERSHIP_PRODUCT[role] else 404)


def test_buttons_show_only_to_those_who_may_press_them(
    client_for, member, organisation_lead, council
):
    make_member(council)
    product = live_product()
    page = client_for(member).get(product.get_absolute_url()).content.decode()
    assert "Mark as adopted" not in page
    assert "Edit the product" not in page
    page = client_for(organisation_lead).get(product.get_absolute_url()).content.decode()
    assert "Mark as adopted by Aberdeen City" in page
    assert "Edit the product" not in page
