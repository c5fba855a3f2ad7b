"""The demo's engagement: news since the launch of the delivery model, the November 2019
forum with questions, votes and its response, the forum to come; loaded twice, no
duplicates."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from heartbeat.demo.loader import load_demo
from heartbeat.engagement.models import (
    Article,
    ArticleStatus,
    Event,
    EventResponse,
    Follow,
    Notification,
    Question,
    QuestionStatus,
    Registration,
    Vote,
)

LOADERS = [
    "heartbeat.demo.partnership.load",
    "heartbeat.demo.skills.load",
    "heartbeat.demo.portfolio.load",
    "heartbeat.demo.engagement.load",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        context = load_demo(LOADERS)
        yield context
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Article,
            Event,
            Question,
            Vote,
            Registration,
            EventResponse,
            Follow,
            Notification,
        )
    }


def test_the_launch_of_the_delivery_model_is_in_the_news(demo, db):
    launch = Article.objects.get(slug="new-delivery-model-launches")
    assert timezone.localtime(launch.published_at).date() == datetime.date(2019, 10, 1)
    assert "Partnership Forum" in launch.body
    assert Article.objects.filter(status=ArticleStatus.SCHEDULED).count() == 1


def test_the_november_2019_forum_has_questions_votes_and_a_published_response(demo, db):
    forum = Event.objects.get(slug="partnership-forum-november-2019")
    assert timezone.localtime(forum.starts_at).date() == datetime.date(2019, 11, 12)
    statuses = set(forum.questions.values_list("status", flat=True))
    assert statuses == {QuestionStatus.APPROVED, QuestionStatus.MERGED, QuestionStatus.REJECTED}
    top = forum.questions.approved().by_votes().first()
    assert top.vote_count >= 10 and top.answer
    assert forum.response.is_published
    merged = forum.questions.get(status=QuestionStatus.MERGED)
    assert merged.merged_into.is_answered
    for question in forum.questions.all():
        assert question.vote_count == question.votes.count()


def test_a_forum_to_come_takes_registrations_and_questions(demo, db):
    forum = Event.objects.get(slug="partnership-forum-spring-2027")
    assert forum.accepts_registrations(now=timezone.make_aware(datetime.datetime(2026, 12, 3)))
    assert forum.registrations.active().count() == 4
    assert forum.questions.filter(status=QuestionStatus.PENDING).count() == 1


def test_the_demo_member_has_follows_and_unread_notifications(demo, db):
    assert Follow.objects.filter(person__email="member@highland.example").count() == 2
    assert Notification.objects.filter(recipient__email="member@highland.example").unread()


def test_loading_again_duplicates_nothing(demo, db):
    before = counts()
    load_demo(LOADERS)
    assert counts() == before
