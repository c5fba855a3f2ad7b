"""Benefits records for tests: made through the services where a rule applies, directly
where a test needs a state the services would refuse (such as a past report)."""

import datetime
from decimal import Decimal

import factory

from heartbeat.benefits.inputs import BenefitInput, ProfileInput
from heartbeat.benefits.models import (
    Benefit,
    BenefitStatus,
    Classification,
    Cost,
    CostCategory,
    Measurement,
    Nature,
    ProfileEntry,
)
from heartbeat.benefits.periods import financial_year_of
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Licence savings {n}")
    classification = Classification.CASH_RELEASING
    nature = Nature.QUANTITATIVE
    monetised = True
    measure = "Annual licence spend"
    status = BenefitStatus.PLANNED


def profile(benefit, values: dict):
    """values: {financial year: amount}."""
    for year, value in values.items():
        ProfileEntry.objects.create(
            benefit=benefit,
            period_start=datetime.date(year, 4, 1),
            financial_year=year,
            value=Decimal(str(value)),
        )
    return benefit


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    benefit = factory.SubFactory(BenefitFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    period_start = datetime.date(2026, 4, 1)
    financial_year = factory.LazyAttribute(lambda o: financial_year_of(o.period_start))
    value = Decimal("1000")
    evidence = "Invoice from the supplier"


class CostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cost

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    category = CostCategory.SUPPLIER
    description = factory.Sequence(lambda n: f"Supplier work {n}")
    amount = Decimal("10000")
    financial_year = 2026


def benefit_input(**overrides) -> BenefitInput:
    values = {
        "title": "Licence consolidation savings",
        "classification": Classification.CASH_RELEASING,
        "nature": Nature.QUANTITATIVE,
        "monetised": True,
        "measure": "Annual licence spend",
        "status": BenefitStatus.PLANNED,
        "profile": [ProfileInput("2026-27", "20000"), ProfileInput("2027-28", "40000")],
    }
    values.update(overrides)
    return BenefitInput(**values)
