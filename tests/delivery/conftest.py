"""A project in delivery with a year of updates, milestones and risks, for the page tests."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.delivery.models import HeartbeatUpdate
from tests.delivery.factories import MilestoneFactory, active_project, make_risk, make_update
from tests.portfolio.factories import ResourceRequirementFactory

D = datetime.date


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def telecare(project_lead, today):
    """Digital telecare: in delivery since April 2025, reporting monthly, last update for
    the month before the latest due one (so one update is overdue)."""
    from heartbeat.delivery.cadence import latest_due_period

    project = active_project(
        project_lead=project_lead,
        title="Digital telecare",
        slug="digital-telecare",
        since=D(2025, 4, 1),
    )
    latest_due = latest_due_period("monthly", 0, today)
    period = latest_due.previous()
    for index, confidence in enumerate(["green", "amber_green", "amber"]):
        start = period
        for _ in range(2 - index):
            start = start.previous()
        make_update(
            project,
            start.start,
            today=today,
            confidence=confidence,
            summary=f"Summary for {start.label}.",
            next_steps=f"Next steps after {start.label}.",
            percent_complete=30 + index * 10,
        )
    MilestoneFactory(
        project=project,
        name="Framework awarded",
        baseline_date=today + datetime.timedelta(days=10),
        forecast_date=today + datetime.timedelta(days=40),
    )
    MilestoneFactory(
        project=project,
        name="Last alarm migrated",
        baseline_date=today + datetime.timedelta(days=200),
        forecast_date=today + datetime.timedelta(days=200),
    )
    make_risk(project, title="Analogue lines switched off early", likelihood=4, impact=5)
    make_risk(project, title="Alarm receiving centre capacity", likelihood=2, impact=3)
    ResourceRequirementFactory(project=project)
    assert HeartbeatUpdate.objects.filter(project=project).count() == 3
    return project
