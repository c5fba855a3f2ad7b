"""The demo's benefits register: believable council benefits with profiles and realisation,
costs and in-kind time, loaded again without duplicates."""

from decimal import Decimal

import pytest
from django.db import transaction

from heartbeat.benefits import appraisal, selectors
from heartbeat.benefits.models import Benefit, Cost, InKindYear, Measurement, Nature
from heartbeat.demo.loader import load_demo
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio.models import ExpectedBenefit

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
    "heartbeat.demo.benefits.load",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def counts():
    return (
        Benefit.objects.count(),
        Measurement.objects.count(),
        Cost.objects.count(),
        InKindYear.objects.count(),
    )


def test_every_expected_benefit_is_in_the_register(demo, django_db_blocker):
    with django_db_blocker.unblock():
        missing = ExpectedBenefit.objects.filter(register_entry__isnull=True).count()
        assert missing == 0
        licence = Benefit.objects.get(
            title="Licence consolidation savings from the shared Microsoft 365 model"
        )
        # It refines the definition's line rather than adding a second entry.
        assert licence.source is not None
        assert licence.profile.count() == 4
        assert licence.measurements.filter(organisation__name="Fife").count() == 2


def test_the_register_has_each_kind_the_issue_names(demo, django_db_blocker):
    with django_db_blocker.unblock():
        assert Benefit.objects.filter(classification="cash_releasing", monetised=True).exists()
        assert Benefit.objects.filter(
            classification="non_cash_releasing", monetised=True, title__icontains="automating"
        ).exists()
        satisfaction = Benefit.objects.get(title__icontains="satisfaction")
        assert satisfaction.nature == Nature.QUALITATIVE
        assert satisfaction.measurements.get().narrative
        assert Benefit.objects.filter(is_disbenefit=True).exists()


def test_the_programme_and_fife_have_a_return(demo, django_db_blocker):
    with django_db_blocker.unblock():
        settings = appraisal.load_settings()
        data = selectors.programme_economics(settings)
        assert data.programme.total_cost > 0
        assert data.programme.realised > Decimal("500000")
        assert data.programme.in_kind_days > 0
        fife = Organisation.objects.get(name="Fife")
        statement = selectors.value_statement(None, fife.slug, settings)
        assert statement.total.in_kind_days > 0
        assert statement.total.realised == Decimal("47300.00")


def test_loading_again_adds_nothing(demo, django_db_blocker):
    with django_db_blocker.unblock():
        before = counts()
        load_demo(LOADERS[-1:])
        assert counts() == before
