"""Synthetic engagement for benchmarks: the benchmark's forum with 50 questions per unit of
scale, news, votes that match their counts, and a clean flush."""

import pytest

from heartbeat.engagement.models import (
    Article,
    Event,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
    Vote,
)
from heartbeat.generator.engagement import BENCH_EVENT
from heartbeat.generator.runner import BENCH_USERS, generate_partnership

GENERATORS = [
    "heartbeat.generator.partnership.generate",
    "heartbeat.generator.portfolio.generate",
    "heartbeat.generator.engagement.generate",
]


@pytest.fixture
def scale_one(db):
    return generate_partnership(scale=1, generators=GENERATORS)


def test_sizes_at_scale_one(scale_one):
    assert scale_one["articles"] == Article.objects.count() == 50
    assert Event.objects.get(slug=BENCH_EVENT).questions.count() == 50
    assert scale_one["questions"] == Question.objects.count()
    assert (
        Notification.objects.filter(recipient__email=BENCH_USERS["programme_office"]).count() == 100
    )


def test_generated_records_keep_the_rules(scale_one):
    for question in Question.objects.filter(status=QuestionStatus.APPROVED)[:200]:
        assert question.vote_count == question.votes.count()
        assert not question.votes.filter(voter=question.asker).exists()
    for event in Event.objects.all():
        assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() <= (
            event.capacity
        )
    assert Vote.objects.exists()
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).exists()
    # Anything asked of an event still to come is not answered yet.
    assert not Event.objects.get(slug=BENCH_EVENT).questions.answered().exists()


def test_flush_deletes_everything_and_generating_again_works(scale_one):
    again = generate_partnership(scale=1, flush=True, generators=GENERATORS)
    assert again["articles"] == Article.objects.count() == 50
    assert Question.objects.count() == again["questions"]
