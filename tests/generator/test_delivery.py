"""Synthetic delivery records for benchmarks: their volume, and every rule they keep."""

from collections import Counter

import pytest
from django.db.models import Count, F

from heartbeat.delivery.cadence import period_starting
from heartbeat.delivery.models import HeartbeatUpdate, Milestone, RaidItem, UpdateStatus
from heartbeat.generator.runner import generate_partnership
from heartbeat.portfolio.models import Project

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.recruitment.generate",
    "heartbeat.generator.delivery.generate",
]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=GENERATORS)


def test_about_five_thousand_updates_and_two_thousand_raid_items_per_unit(scale_one):
    assert 4_000 <= scale_one["heartbeat updates"] <= 6_000
    assert scale_one["heartbeat updates"] == HeartbeatUpdate.objects.count()
    assert 1_600 <= scale_one["RAID items"] <= 2_500
    assert scale_one["RAID items"] == RaidItem.objects.count()
    assert scale_one["milestones"] == Milestone.objects.count() > 0


def test_updates_keep_the_rules(scale_one):
    submitted = HeartbeatUpdate.objects.filter(status=UpdateStatus.SUBMITTED)
    duplicates = submitted.values("project", "period_start").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicates.exists()
    for update in HeartbeatUpdate.objects.all()[:2000]:
        period = period_starting(update.cadence, update.period_start)
        assert period is not None and period.end == update.period_end
    corrections = HeartbeatUpdate.objects.filter(correction_number__gt=0)
    assert corrections.exists()
    assert not corrections.filter(corrects__status=UpdateStatus.SUBMITTED).exists()
    # Some active projects are late with their latest update.
    from django.utils import timezone

    from heartbeat.accounts.models import User
    from heartbeat.delivery.selectors.dashboard import DashboardFilters, programme_dashboard

    office = User.objects.filter(is_programme_office=True).first()
    dashboard = programme_dashboard(office, DashboardFilters(), today=timezone.localdate())
    assert 0 < dashboard.overdue_count < dashboard.total / 3
    assert len({line.latest_confidence for line in dashboard.lines}) >= 4


def test_raid_items_keep_the_rules(scale_one):
    risks = RaidItem.objects.filter(kind="risk")
    assert not risks.filter(likelihood__isnull=True).exists()
    assert not RaidItem.objects.filter(depends_on_project=F("project")).exists()
    numbers = RaidItem.objects.values("project", "kind", "number").annotate(n=Count("pk"))
    assert not numbers.filter(n__gt=1).exists()
    kinds = Counter(RaidItem.objects.values_list("kind", flat=True))
    assert set(kinds) == {"risk", "issue", "assumption", "dependency"}
    assert RaidItem.objects.filter(status="closed").exists()
    assert risks.filter(escalated_at__isnull=False).exists()


def test_milestones_have_baselines_and_some_slip(scale_one):
    assert not Milestone.objects.filter(baseline_date__isnull=True).exists()
    assert Milestone.objects.filter(forecast_date__gt=F("baseline_date")).exists()
    assert not Milestone.objects.filter(status="complete", actual_date__isnull=True).exists()


def test_flush_deletes_everything_it_made(db):
    generate_partnership(scale=1, generators=GENERATORS)
    generate_partnership(scale=1, generators=GENERATORS, flush=True)
    assert Project.objects.count() > 0
    assert HeartbeatUpdate.objects.filter(project__isnull=True).count() == 0
