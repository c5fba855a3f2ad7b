"""The demo's delivery records: a year of believable updates, one project overdue today,
milestones with baselines and slips, risks and issues, loaded again without duplicates."""

import datetime

import pytest
from django.db import transaction

from heartbeat.delivery.cadence import Cadence, period_starting
from heartbeat.delivery.models import (
    HeartbeatUpdate,
    Milestone,
    MilestoneChange,
    RaidItem,
    UpdateStatus,
)
from heartbeat.delivery.selectors.dashboard import DashboardFilters, programme_dashboard
from heartbeat.delivery.selectors.reporting import OWING_STAGES
from heartbeat.demo.data import delivery as demo_data
from heartbeat.demo.loader import load_demo
from heartbeat.portfolio.models import Project

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.recruitment.load",
    "heartbeat.demo.delivery.load",
]
TODAY = datetime.date(2026, 12, 3)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def counts():
    return (HeartbeatUpdate.objects.count(), Milestone.objects.count(), RaidItem.objects.count())


@pytest.mark.django_db
def test_every_active_project_has_its_year_of_updates(demo):
    active = Project.objects.filter(stage__in=OWING_STAGES)
    assert set(active.values_list("slug", flat=True)) == set(demo_data.STORIES)
    for project in active:
        updates = HeartbeatUpdate.objects.filter(project=project, status=UpdateStatus.SUBMITTED)
        assert updates.exists(), project.slug
        for update in updates:
            assert period_starting(Cadence.MONTHLY, update.period_start) is not None
            assert update.period_start <= datetime.date(2026, 11, 1)
            assert update.submitted_at.date() >= update.period_start
            assert 0 <= update.percent_complete <= 100
            assert "lorem" not in update.summary.lower()
    assert (
        HeartbeatUpdate.objects.filter(
            project__slug="digital-telecare", status=UpdateStatus.SUBMITTED
        ).count()
        == 12
    )


@pytest.mark.django_db
def test_exactly_one_project_is_overdue_today(demo):
    from heartbeat.accounts.models import User

    office = User.objects.filter(is_programme_office=True).first()
    dashboard = programme_dashboard(office, DashboardFilters(), today=TODAY)
    assert [line.slug for line in dashboard.overdue] == [demo_data.OVERDUE_PROJECT]
    assert dashboard.overdue[0].status.overdue_days == 6  # due Friday 27 November


@pytest.mark.django_db
def test_trends_improve_and_slip(demo):
    def confidences(slug):
        return list(
            HeartbeatUpdate.objects.filter(project__slug=slug, status=UpdateStatus.SUBMITTED)
            .order_by("period_start")
            .values_list("confidence", flat=True)
        )

    cyber = confidences("cyber-resilience")
    assert cyber[0] == "amber" and cyber[-1] == "green"
    admissions = confidences("school-admissions-online")
    assert admissions[0] == "green" and admissions[-1] == "amber_red"


@pytest.mark.django_db
def test_achievements_follow_from_last_months_next_steps(demo):
    updates = list(
        HeartbeatUpdate.objects.filter(
            project__slug="cyber-resilience", status=UpdateStatus.SUBMITTED
        ).order_by("period_start")
    )
    for before, after in zip(updates, updates[1:], strict=False):
        assert after.achievements == before.next_steps


@pytest.mark.django_db
def test_a_correction_keeps_both_versions(demo):
    corrected = HeartbeatUpdate.objects.get(project__slug="digital-telecare", correction_number=1)
    assert corrected.corrects.status == UpdateStatus.CORRECTED
    assert corrected.correction_reason


@pytest.mark.django_db
def test_milestones_have_baselines_slips_and_history(demo):
    slipped = [m for m in Milestone.objects.all() if m.slippage_days and m.slippage_days > 0]
    assert len(slipped) >= 5
    assert all(m.baseline_date for m in Milestone.objects.all())
    moves = MilestoneChange.objects.filter(field="forecast")
    assert moves.count() >= 10
    assert all(change.reason for change in moves)


@pytest.mark.django_db
def test_risks_and_issues_read_like_council_work(demo):
    risks = RaidItem.objects.filter(kind="risk")
    assert risks.count() >= 10
    assert all(1 <= r.likelihood <= 5 and 1 <= r.impact <= 5 for r in risks)
    assert RaidItem.objects.filter(kind="issue").exists()
    assert RaidItem.objects.filter(kind="dependency", depends_on_project__isnull=False).exists()
    assert RaidItem.objects.filter(status="closed").exists()
    assert RaidItem.objects.filter(escalated_at__isnull=False).count() >= 2
    for project in Project.objects.filter(raid_items__isnull=False).distinct():
        for kind in ("risk", "issue"):
            numbers = list(
                RaidItem.objects.filter(project=project, kind=kind)
                .order_by("number")
                .values_list("number", flat=True)
            )
            assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.django_db
def test_loading_again_adds_nothing(demo):
    before = counts()
    load_demo(LOADERS)
    assert counts() == before
