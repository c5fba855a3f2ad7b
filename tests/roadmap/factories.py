"""Factories for products and adoption, and member organisations to adopt them."""

import datetime

import factory

from heartbeat.partnership.models import Membership, MembershipStatus, ProgrammeTerm
from heartbeat.roadmap.models import Adoption, Product, ProductKind, ProductStatus
from tests.factories import OrganisationFactory
from tests.portfolio.factories import AnticipatedProductFactory, ProjectFactory


def current_term() -> ProgrammeTerm:
    term = ProgrammeTerm.objects.order_by("-start").first()
    if term is None:
        term = ProgrammeTerm.objects.create(
            name="Extension 2019 to 2021",
            slug="extension-2019-to-2021",
            start=datetime.date(2019, 10, 1),
            end=datetime.date(2021, 9, 30),
        )
    return term


def make_member(organisation, status=MembershipStatus.SIGNED_UP):
    """Record the organisation's decision about the latest term (a member when signed up)."""
    Membership.objects.update_or_create(
        organisation=organisation,
        term=current_term(),
        defaults={"status": status, "date": datetime.date(2019, 10, 1)},
    )
    return organisation


def make_members(count: int) -> list:
    return [make_member(OrganisationFactory()) for _ in range(count)]


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    project = factory.SubFactory(ProjectFactory)
    anticipated = factory.SubFactory(
        AnticipatedProductFactory, project=factory.SelfAttribute("..project")
    )
    name = factory.Sequence(lambda n: f"Roadmap product {n}")
    slug = factory.Sequence(lambda n: f"roadmap-product-{n}")
    kind = ProductKind.GUIDANCE
    status = ProductStatus.PLANNED
    planned_quarter = datetime.date(2026, 7, 1)


def live_product(**kwargs) -> Product:
    kwargs.setdefault("delivered_on", datetime.date(2026, 9, 15))
    return ProductFactory(status=ProductStatus.LIVE, **kwargs)


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption

    product = factory.LazyFunction(live_product)
    organisation = factory.LazyFunction(lambda: make_member(OrganisationFactory()))
    adopted_on = datetime.date(2026, 10, 1)
