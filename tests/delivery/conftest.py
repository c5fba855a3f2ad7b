"""A project in delivery with a year of updates, milestones and risks, for the page tests."""

import pytest
from django.utils import timezone

from tests.delivery.factories import build_telecare


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def telecare(project_lead, today):
    """Digital telecare: in delivery since April 2025, reporting monthly, last update for
    the month before the latest due one (so one update is overdue)."""
    return build_telecare(project_lead, today)
