"""Synthetic work requests and scoring rounds: size, rules, and ranks by the method."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from heartbeat.bench.work_requests import request_page, what_if
from heartbeat.generator.runner import generate_partnership
from heartbeat.portfolio.models import Project
from heartbeat.prioritisation import scoring, services
from heartbeat.prioritisation.models import Round, RoundCriterion, RoundEntry, Score
from heartbeat.work_requests.models import State, Support, WorkRequest

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.recruitment.generate",
    "heartbeat.generator.work_requests.generate",
    "heartbeat.generator.prioritisation.generate",
]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=GENERATORS)


def test_two_hundred_requests_per_unit_of_scale_in_every_state(scale_one):
    assert scale_one["work requests"] == WorkRequest.objects.count() == 200
    states = set(WorkRequest.objects.values_list("state", flat=True))
    assert states == set(State.values)
    assert Support.objects.exists()
    assert not WorkRequest.objects.filter(
        state=State.DUPLICATE, duplicate_of__state__in=(State.DUPLICATE, State.DECLINED)
    ).exists()
    # Never does a council support its own request.
    for support in Support.objects.select_related("work_request")[:500]:
        assert support.organisation_id != support.work_request.organisation_id


def test_requests_were_raised_over_two_years_and_decided_after_they_were_raised(scale_one):
    now = timezone.now()
    raised = list(WorkRequest.objects.values_list("created_at", flat=True))
    assert min(raised) < now - datetime.timedelta(days=365)
    assert max(raised) <= now
    assert not WorkRequest.objects.filter(state_changed_at__lt=F("created_at")).exists()


def test_two_published_rounds_over_the_open_projects_ranked_by_the_method(scale_one):
    first, second = Round.objects.order_by("number")
    assert first.is_published and second.is_published
    open_projects = Project.objects.open().count()
    waiting = WorkRequest.objects.filter(state=State.ACCEPTED, project__isnull=True).count()
    assert second.ranked_count == open_projects + waiting
    assert Score.objects.filter(entry__round=second).count() == second.ranked_count * 6
    # Ranks are the method's.
    criteria = list(RoundCriterion.objects.filter(round=second))
    entries = list(RoundEntry.objects.filter(round=second))
    values = {e.pk: {} for e in entries}
    for entry_id, criterion_id, value in Score.objects.filter(entry__round=second).values_list(
        "entry_id", "criterion_id", "value"
    ):
        values[entry_id][criterion_id] = value
    ranked = scoring.rank(
        [scoring.Candidate(e.pk, e.title, e.since, values[e.pk]) for e in entries],
        services.specs(criteria),
    )
    by_id = {e.pk: e for e in entries}
    assert [by_id[r.candidate.key].rank for r in ranked] == list(range(1, len(entries) + 1))
    assert RoundEntry.objects.filter(round=second).exclude(movement="").count() == len(entries)
    # Frozen like any published round.
    score_id = Score.objects.filter(entry__round=second, value__gt=1).values_list("pk", flat=True)[
        0
    ]
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE prioritisation_score SET value = 1 WHERE id = %s", [score_id])


def test_flushing_deletes_what_was_generated(scale_one):
    generate_partnership(scale=1, flush=True, generators=GENERATORS)
    assert WorkRequest.objects.count() == 200
    assert Round.objects.count() == 2


def test_the_bench_finds_a_request_and_a_what_if(scale_one):
    assert request_page().startswith("/requests/")
    assert what_if().startswith("/priorities/what-if/?")
