"""When a person was last here: written at most once an hour, and "new since your last visit"
starts where their previous visit ended. The clock is the outside world: tests set it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from heartbeat.accounts import visits
from heartbeat.accounts.models import User
from tests.factories import DEFAULT_PASSWORD
from tests.querybudget import count_queries

pytestmark = pytest.mark.django_db

MONDAY_9AM = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=datetime.UTC)


def at(hours: float) -> datetime.datetime:
    return MONDAY_9AM + datetime.timedelta(hours=hours)


def test_a_first_visit_is_recorded_and_counts_the_last_two_weeks_as_new(member):
    assert visits.record_visit(member, now=at(0)) is True
    member.refresh_from_db()
    assert member.last_seen_at == at(0)
    assert member.previous_visit_at is None
    since, returning = visits.new_since(member, now=at(0))
    assert since == at(0) - datetime.timedelta(days=14)
    assert returning is False


def test_nothing_is_written_within_the_hour(member):
    visits.record_visit(member, now=at(0))
    with count_queries() as queries:
        assert visits.record_visit(member, now=at(0.9)) is False
    assert len(queries.captured_queries) == 0
    member.refresh_from_db()
    assert member.last_seen_at == at(0)


def test_a_working_day_is_one_visit(member):
    """Seen every hour or so: last_seen moves on, and what counts as new does not."""
    visits.record_visit(member, now=at(-20))  # Sunday afternoon
    visits.record_visit(member, now=at(0))  # Monday morning: a new visit
    for hour in (1, 2.5, 4, 6, 8):
        visits.record_visit(member, now=at(hour))
    member.refresh_from_db()
    assert member.last_seen_at == at(8)
    assert member.previous_visit_at == at(-20)
    assert visits.new_since(member) == (at(-20), True)


def test_coming_back_after_four_hours_starts_a_new_visit(member):
    visits.record_visit(member, now=at(0))
    visits.record_visit(member, now=at(3))
    visits.record_visit(member, now=at(7.5))
    member.refresh_from_db()
    assert member.previous_visit_at == at(3)
    assert member.last_seen_at == at(7.5)


def test_two_requests_at_once_write_once(member):
    visits.record_visit(member, now=at(0))
    stale = User.objects.get(pk=member.pk)
    assert visits.record_visit(member, now=at(5)) is True
    # The second request read the row before the first wrote it: its write finds nothing.
    assert visits.record_visit(stale, now=at(5.1)) is False
    member.refresh_from_db()
    assert member.last_seen_at == at(5)


def test_visits_leave_the_persons_history_alone(member):
    before = member.history.count()
    visits.record_visit(member, now=at(0))
    visits.record_visit(member, now=at(10))
    assert member.history.count() == before


def test_signing_in_is_a_visit(client, member, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(0))
    response = client.post(
        reverse("accounts:login"), {"username": member.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_seen_at == at(0)


def test_pages_record_the_visit_before_the_view_runs(client_for, member, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(0))
    client = client_for(member)  # signing in: seen at 9am
    monkeypatch.setattr(timezone, "now", lambda: at(26))  # Tuesday 11am: a new visit
    html = client.get("/").content.decode()
    member.refresh_from_db()
    assert member.previous_visit_at == at(0)
    assert member.last_seen_at == at(26)
    # The home page already counts from the end of Monday's visit.
    assert "New since your last visit" in html
    assert "30 November 2026 at 9:00am" in html


def test_the_api_is_not_a_visit(client_for, member, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(0))
    client = client_for(member)
    monkeypatch.setattr(timezone, "now", lambda: at(30))
    assert client.get("/api/v1/me").status_code == 200
    member.refresh_from_db()
    assert member.last_seen_at == at(0)
