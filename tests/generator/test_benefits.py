"""Synthetic benefits for benchmarks: the register linked to the definitions, profiles,
reports and costs within the rules, and in-kind years from every pledge."""

import pytest
from django.db.models import F

from heartbeat.benefits import inkind
from heartbeat.benefits.models import Benefit, Cost, InKindYear, Measurement, ProfileEntry
from heartbeat.generator.runner import generate_partnership
from heartbeat.portfolio.models import ExpectedBenefit

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.recruitment.generate",
    "heartbeat.generator.benefits.generate",
]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=GENERATORS)


def test_sizes(scale_one):
    assert scale_one["benefits"] == Benefit.objects.count() >= ExpectedBenefit.objects.count()
    assert scale_one["profile entries"] == ProfileEntry.objects.count() > 100
    assert scale_one["benefit reports"] == Measurement.objects.count() > 10
    assert scale_one["direct costs"] == Cost.objects.count() > 50
    assert scale_one["in-kind years"] == InKindYear.objects.count() > 500


def test_the_register_is_linked_and_keeps_the_rules(scale_one):
    assert not ExpectedBenefit.objects.filter(register_entry__isnull=True).exists()
    assert not Benefit.objects.filter(nature="qualitative", monetised=True).exists()
    assert not Cost.objects.filter(amount__lt=0).exists()
    assert not ProfileEntry.objects.exclude(financial_year=F("period_start__year")).exists()
    for report in Measurement.objects.select_related("benefit")[:200]:
        assert report.benefit.profile.filter(period_start=report.period_start).exists()


def test_in_kind_years_are_what_a_rebuild_gives(scale_one):
    before = sorted(InKindYear.objects.values_list("pledge_id", "financial_year", "days"))
    inkind.rebuild_all()
    assert sorted(InKindYear.objects.values_list("pledge_id", "financial_year", "days")) == before


def test_flush_removes_everything(scale_one):
    generate_partnership(scale=1, flush=True, generators=GENERATORS)
    assert Benefit.objects.count() >= ExpectedBenefit.objects.count()
