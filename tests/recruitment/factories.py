"""Recruitment records for tests. Pledges are made through the services, so the derived
pledged-days-by-month rows are always what the services would write."""

import datetime
from decimal import Decimal

import factory

from heartbeat.recruitment.inputs import AdjustmentInput, PledgeInput
from heartbeat.recruitment.models import OrganisationCapacity, Participation, ParticipationStatus
from heartbeat.recruitment.services import pledge_create
from heartbeat.skills.models import SkillLevel
from tests.factories import OrganisationFactory
from tests.portfolio.factories import ProjectFactory


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    organisation = factory.SubFactory(OrganisationFactory)
    project = factory.SubFactory(ProjectFactory)
    status = ParticipationStatus.COMMITTED
    committed_on = datetime.date(2026, 4, 1)


class OrganisationCapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationCapacity

    organisation = factory.SubFactory(OrganisationFactory)
    days_per_month = Decimal("20")
    start_month = datetime.date(2026, 4, 1)
    end_month = datetime.date(2027, 3, 1)


def pledge_input(**overrides) -> PledgeInput:
    values = {
        "level": SkillLevel.PRACTITIONER,
        "days_per_month": Decimal("4"),
        "start_month": datetime.date(2026, 4, 1),
        "end_month": datetime.date(2026, 9, 1),
    }
    adjustments = overrides.pop("adjustments", ())
    values.update(overrides)
    return PledgeInput(
        **values,
        adjustments=[AdjustmentInput(month=m, days=Decimal(str(d))) for m, d in adjustments],
    )


def make_pledge(requirement, organisation, actor, **overrides):
    """A pledge made through ``pledge_create`` as ``actor`` (who must act for the organisation)."""
    return pledge_create(
        actor=actor,
        requirement=requirement,
        organisation=organisation,
        data=pledge_input(**overrides),
    )


def open_need(**overrides):
    """A need of a recruiting project: one councils may pledge to."""
    from heartbeat.portfolio.models import Stage
    from tests.portfolio.factories import ResourceRequirementFactory

    overrides.setdefault("project", ProjectFactory(stage=Stage.RECRUITING))
    return ResourceRequirementFactory(**overrides)
