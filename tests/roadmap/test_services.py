"""The roadmap's writes: growing products from a definition, changing them, adoption."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, PermissionDenied
from heartbeat.partnership.models import MembershipStatus
from heartbeat.roadmap import services
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import Adoption, Product, ProductKind, ProductStatus
from tests.factories import OrganisationFactory, UserFactory
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory
from tests.roadmap.factories import AdoptionFactory, ProductFactory, live_product, make_member

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()


def _input(product, **changes) -> ProductInput:
    values = {
        "name": product.name,
        "kind": product.kind,
        "status": product.status,
        "summary": product.summary,
        "planned_quarter": product.planned_quarter,
        "delivered_on": product.delivered_on,
        "owner_id": product.owner_id,
        "link": product.link,
    }
    values.update(changes)
    return ProductInput(**values)


# Growing products --------------------------------------------------------------------------


def test_an_anticipated_product_grows_into_a_planned_product_once(programme_office):
    project = ProjectFactory(planned_start=D(2026, 4, 1), planned_end=D(2027, 3, 31))
    row = AnticipatedProductFactory(
        project=project,
        name="Digital telecare playbook",
        product_type="report",
        description="How to move alarms to digital.",
        planned_date=D(2026, 11, 20),
    )
    product, created = services.product_grow(actor=programme_office, anticipated=row)
    assert created
    assert product.name == "Digital telecare playbook"
    assert product.slug == "digital-telecare-playbook"
    assert product.kind == ProductKind.GUIDANCE  # a report is guidance on the roadmap
    assert product.status == ProductStatus.PLANNED
    assert product.planned_quarter == D(2026, 10, 1)
    assert product.summary == "How to move alarms to digital."
    assert product.owner == project.project_lead
    assert product.history.first().history_user == programme_office

    again, created_again = services.product_grow(actor=programme_office, anticipated=row)
    assert (again.pk, created_again) == (product.pk, False)
    assert Product.objects.filter(project=project).count() == 1


def test_a_planned_date_outside_the_project_leaves_the_product_unscheduled(programme_office):
    project = ProjectFactory(planned_start=D(2027, 2, 1), planned_end=D(2027, 12, 17))
    row = AnticipatedProductFactory(project=project, planned_date=D(2028, 6, 30))
    product, _ = services.product_grow(actor=programme_office, anticipated=row)
    assert product.planned_quarter is None


def test_growing_every_product_of_a_project_keeps_those_already_grown(project_lead):
    project = ProjectFactory(project_lead=project_lead)
    first = AnticipatedProductFactory(project=project, name="Playbook")
    AnticipatedProductFactory(project=project, name="Toolkit")
    existing, _ = services.product_grow(actor=project_lead, anticipated=first)
    results = services.product_grow_all(actor=project_lead, project=project)
    assert [(p.name, created) for p, created in results] == [
        ("Playbook", False),
        ("Toolkit", True),
    ]
    assert results[0][0].pk == existing.pk


def test_a_project_without_anticipated_products_has_nothing_to_grow(programme_office):
    with pytest.raises(ApplicationError) as error:
        services.product_grow_all(actor=programme_office, project=ProjectFactory())
    assert error.value.code == "no_anticipated_products"


def test_products_with_the_same_name_get_their_own_addresses(programme_office):
    one = AnticipatedProductFactory(name="Data standard")
    two = AnticipatedProductFactory(name="Data standard")
    first, _ = services.product_grow(actor=programme_office, anticipated=one)
    second, _ = services.product_grow(actor=programme_office, anticipated=two)
    assert (first.slug, second.slug) == ("data-standard", "data-standard-2")


def test_editing_the_definition_later_leaves_the_product_on_the_roadmap(programme_office):
    product = ProductFactory()
    product.anticipated.delete()
    product.refresh_from_db()
    assert product.anticipated is None


def test_only_the_projects_lead_or_the_office_grow_products(member, project_lead):
    row = AnticipatedProductFactory()
    with pytest.raises(PermissionDenied):
        services.product_grow(actor=member, anticipated=row)
    with pytest.raises(PermissionDenied):
        services.product_grow(actor=project_lead, anticipated=row)  # not their project


# Changing a product ------------------------------------------------------------------------


def test_a_product_goes_live_with_a_delivered_date(programme_office):
    product = ProductFactory()
    saved = services.product_update(
        actor=programme_office,
        product=product,
        data=_input(
            product,
            name="Telecare playbook",
            kind=ProductKind.TOOLKIT,
            status=ProductStatus.LIVE,
            delivered_on=D(2026, 9, 1),
            link="https://www.example.gov.uk/playbook",
        ),
        expected_version=product.version,
    )
    assert (saved.name, saved.status, saved.delivered_on) == (
        "Telecare playbook",
        ProductStatus.LIVE,
        D(2026, 9, 1),
    )
    assert saved.version == product.version + 1


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        (
            {"status": ProductStatus.LIVE, "delivered_on": None},
            "delivered_date_missing",
            "delivered_on",
        ),
        (
            {"status": ProductStatus.LIVE, "delivered_on": TODAY + datetime.timedelta(days=1)},
            "delivered_in_future",
            "delivered_on",
        ),
        (
            {"status": ProductStatus.PLANNED, "delivered_on": D(2026, 5, 1)},
            "delivered_date_too_soon",
            "delivered_on",
        ),
        ({"planned_quarter": D(2028, 1, 1)}, "quarter_outside_project", "planned_quarter"),
        ({"planned_quarter": D(2025, 10, 1)}, "quarter_outside_project", "planned_quarter"),
        ({"name": "  "}, "invalid_input", "name"),
        ({"name": "x" * 201}, "invalid_input", "name"),
        ({"name": "Nul\x00byte"}, "invalid_input", "name"),
        ({"kind": "brochure"}, "invalid_input", "kind"),
        ({"status": "launched"}, "invalid_input", "status"),
        ({"link": "javascript:alert(1)"}, "invalid_input", "link"),
        ({"owner_id": 987654}, "invalid_input", "owner"),
    ],
)
def test_bad_product_input_is_refused_and_nothing_changes(programme_office, changes, code, field):
    product = ProductFactory(name="Telecare playbook")
    with pytest.raises(InvalidInput) as error:
        services.product_update(
            actor=programme_office,
            product=product,
            data=_input(product, **changes),
            expected_version=product.version,
        )
    assert (error.value.code, error.value.field) == (code, field)
    assert error.value.message
    product.refresh_from_db()
    assert (product.name, product.status, product.version) == (
        "Telecare playbook",
        ProductStatus.PLANNED,
        1,
    )


def test_any_day_of_a_quarter_is_kept_as_the_quarter(programme_office):
    product = ProductFactory()
    saved = services.product_update(
        actor=programme_office,
        product=product,
        data=_input(product, planned_quarter=D(2026, 11, 17)),
        expected_version=product.version,
    )
    assert saved.planned_quarter == D(2026, 10, 1)


def test_a_second_save_from_an_old_form_conflicts(programme_office, project_lead):
    product = ProductFactory(project=ProjectFactory(project_lead=project_lead))
    services.product_update(
        actor=programme_office,
        product=product,
        data=_input(product, name="Saved first"),
        expected_version=1,
    )
    with pytest.raises(Conflict) as error:
        services.product_update(
            actor=project_lead,
            product=product,
            data=_input(product, name="Saved second"),
            expected_version=1,
        )
    assert error.value.extra["current_version"] == 2
    assert "after you opened it" in error.value.message
    product.refresh_from_db()
    assert product.name == "Saved first"


def test_an_adopted_product_stays_live_or_retired(programme_office):
    adoption = AdoptionFactory()
    product = adoption.product
    with pytest.raises(ApplicationError) as error:
        services.product_update(
            actor=programme_office,
            product=product,
            data=_input(product, status=ProductStatus.IN_DEVELOPMENT, delivered_on=None),
            expected_version=product.version,
        )
    assert error.value.code == "product_adopted"
    with pytest.raises(InvalidInput) as error:
        services.product_update(
            actor=programme_office,
            product=product,
            data=_input(product, delivered_on=adoption.adopted_on + datetime.timedelta(days=1)),
            expected_version=product.version,
        )
    assert error.value.code == "delivered_after_adoption"
    retired = services.product_update(
        actor=programme_office,
        product=product,
        data=_input(product, status=ProductStatus.RETIRED),
        expected_version=product.version,
    )
    assert retired.status == ProductStatus.RETIRED


def test_the_database_refuses_a_delivered_date_on_a_planned_product():
    product = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.filter(pk=product.pk).update(delivered_on=D(2026, 1, 1))


def test_the_database_refuses_a_quarter_that_is_not_a_quarter():
    product = ProductFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.filter(pk=product.pk).update(planned_quarter=D(2026, 8, 1))


def test_a_products_owner_may_change_it_but_not_someone_else(member):
    product = ProductFactory(owner=member)
    saved = services.product_update(
        actor=member, product=product, data=_input(product, name="Mine"), expected_version=1
    )
    assert saved.name == "Mine"
    with pytest.raises(PermissionDenied):
        services.product_update(
            actor=UserFactory(), product=product, data=_input(product), expected_version=2
        )


# Adoption ----------------------------------------------------------------------------------


def test_a_council_lead_records_their_council_adopting_a_live_product(organisation_lead, council):
    make_member(council)
    product = live_product()
    adoption = services.adoption_record(
        actor=organisation_lead,
        product=product,
        organisation=council,
        adopted_on=D(2026, 11, 2),
        note="Used for our alarm migration.",
    )
    assert (adoption.organisation, adoption.adopted_on, adoption.recorded_by) == (
        council,
        D(2026, 11, 2),
        organisation_lead,
    )
    assert adoption.history.first().history_user == organisation_lead


@pytest.mark.parametrize(
    "status", [MembershipStatus.DECLINED, MembershipStatus.LEFT, None], ids=str
)
def test_a_body_that_is_not_a_member_cannot_adopt(programme_office, status):
    body = OrganisationFactory(kind="national_body")
    if status is not None:
        make_member(body, status=status)
    with pytest.raises(InvalidInput) as error:
        services.adoption_record(
            actor=programme_office,
            product=live_product(),
            organisation=body,
            adopted_on=D(2026, 11, 2),
        )
    assert error.value.code == "not_a_member"
    assert "not a member of the partnership" in error.value.message
    assert not Adoption.objects.exists()


def test_an_inactive_member_cannot_adopt(programme_office):
    body = make_member(OrganisationFactory(active=False))
    with pytest.raises(InvalidInput):
        services.adoption_record(
            actor=programme_office,
            product=live_product(),
            organisation=body,
            adopted_on=D(2026, 11, 2),
        )


@pytest.mark.parametrize(
    ("adopted_on", "code"),
    [
        (TODAY + datetime.timedelta(days=1), "adopted_in_future"),
        (D(2026, 9, 14), "adopted_before_delivery"),  # delivered 15 September 2026
        (None, "invalid_input"),
    ],
)
def test_adoption_dates_are_checked(programme_office, council, adopted_on, code):
    make_member(council)
    with pytest.raises(InvalidInput) as error:
        services.adoption_record(
            actor=programme_office,
            product=live_product(),
            organisation=council,
            adopted_on=adopted_on,
        )
    assert error.value.code == code
    assert error.value.field == "adopted_on"


@pytest.mark.parametrize("status", [ProductStatus.PLANNED, ProductStatus.IN_DEVELOPMENT])
def test_only_a_live_product_can_be_adopted(programme_office, council, status):
    make_member(council)
    with pytest.raises(ApplicationError) as error:
        services.adoption_record(
            actor=programme_office,
            product=ProductFactory(status=status),
            organisation=council,
            adopted_on=D(2026, 11, 2),
        )
    assert error.value.code == "product_not_live"


def test_an_organisation_adopts_a_product_once(organisation_lead, council):
    make_member(council)
    product = live_product()
    services.adoption_record(
        actor=organisation_lead, product=product, organisation=council, adopted_on=D(2026, 10, 1)
    )
    with pytest.raises(ApplicationError) as error:
        services.adoption_record(
            actor=organisation_lead,
            product=product,
            organisation=council,
            adopted_on=D(2026, 11, 1),
        )
    assert error.value.code == "already_adopted"
    assert Adoption.objects.get().adopted_on == D(2026, 10, 1)


def test_a_council_lead_cannot_record_adoption_for_another_council(
    organisation_lead, other_council
):
    make_member(other_council)
    with pytest.raises(PermissionDenied) as error:
        services.adoption_record(
            actor=organisation_lead,
            product=live_product(),
            organisation=other_council,
            adopted_on=D(2026, 11, 2),
        )
    assert error.value.code == "not_your_organisation"


def test_changing_and_removing_an_adoption(organisation_lead, council):
    make_member(council)
    adoption = AdoptionFactory(organisation=council)
    changed = services.adoption_update(
        actor=organisation_lead,
        adoption=adoption,
        adopted_on=D(2026, 10, 20),
        note="Rolled out to every team",
        expected_version=1,
    )
    assert (changed.adopted_on, changed.note, changed.version) == (
        D(2026, 10, 20),
        "Rolled out to every team",
        2,
    )
    with pytest.raises(Conflict):
        services.adoption_update(
            actor=organisation_lead,
            adoption=adoption,
            adopted_on=D(2026, 10, 21),
            expected_version=1,
        )
    with pytest.raises(Conflict):
        services.adoption_remove(actor=organisation_lead, adoption=adoption, expected_version=1)
    services.adoption_remove(actor=organisation_lead, adoption=adoption, expected_version=2)
    assert not Adoption.objects.exists()
    assert Adoption.history.filter(history_type="-").get().history_user == organisation_lead
