"""Factories for the records tests need. Per-app factories join this module as apps grow."""

import datetime

import factory
from django.utils.text import slugify

from heartbeat.accounts.models import User
from heartbeat.partnership.models import (
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    ProgrammeTerm,
)

DEFAULT_PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test Council {n}")
    official_name = factory.LazyAttribute(lambda o: f"{o.name} Council")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    short_code = factory.Sequence(lambda n: f"T{n:03d}")
    gss_code = factory.Sequence(lambda n: f"S129{n:05d}")
    kind = OrganisationKind.LOCAL_AUTHORITY
    website = factory.LazyAttribute(lambda o: f"https://www.{o.slug}.gov.uk")


class ProgrammeTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeTerm

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    start = datetime.date(2016, 10, 1)
    end = datetime.date(2019, 9, 30)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    term = factory.SubFactory(ProgrammeTermFactory)
    status = MembershipStatus.SIGNED_UP
    date = datetime.date(2016, 10, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.gov.uk")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()
