"""Every engagement list costs the same number of queries at 3 rows as at 30."""

import datetime

import pytest
from django.utils import timezone

from heartbeat.engagement.models import (
    EventResponse,
    Follow,
    Notification,
    QuestionStatus,
    Registration,
    RegistrationStatus,
    Vote,
)
from tests.engagement.factories import ArticleFactory, EventFactory, QuestionFactory
from tests.factories import UserFactory
from tests.portfolio.factories import ProjectFactory, ThemeFactory
from tests.querybudget import assert_same_queries

pytestmark = pytest.mark.django_db


class Rows:
    """Adds rows up to a total, for assert_same_queries."""

    def __init__(self, make):
        self.make, self.count = make, 0

    def __call__(self, total):
        while self.count < total:
            self.make(self.count)
            self.count += 1


@pytest.fixture
def signed_in(client_for, programme_office):
    return client_for(programme_office)


def test_news_list(signed_in):
    theme = ThemeFactory()

    def make(i):
        article = ArticleFactory(themes=[theme])
        article.tags.create(name=f"tag {i}", slug=f"tag-{i}")

    assert_same_queries(Rows(make), lambda: signed_in.get("/news/"), budget=12)


def test_news_feed(client):
    assert_same_queries(
        Rows(lambda i: ArticleFactory()), lambda: client.get("/news/feed/"), budget=3
    )


def test_article_page(signed_in):
    article = ArticleFactory(slug="the-article")

    def make(i):
        article.projects.add(ProjectFactory())
        article.tags.create(name=f"t{i}", slug=f"t{i}")

    assert_same_queries(Rows(make), lambda: signed_in.get("/news/the-article/"), budget=12)


def test_event_list(signed_in, council):
    def make(i):
        event = EventFactory()
        Registration.objects.create(
            event=event,
            person=UserFactory(organisation=council),
            status=RegistrationStatus.CONFIRMED,
        )

    assert_same_queries(Rows(make), lambda: signed_in.get("/events/"), budget=8)


def test_event_page_with_many_questions_and_votes(client_for, member, council):
    event = EventFactory(slug="forum")
    client = client_for(member)

    def make(i):
        question = QuestionFactory(event=event, anonymous=i % 2 == 0)
        Vote.objects.create(question=question, voter=member)
        QuestionFactory(event=event, asker=member, status=QuestionStatus.PENDING)
        Registration.objects.create(
            event=event,
            person=UserFactory(organisation=council),
            status=RegistrationStatus.CONFIRMED,
        )

    assert_same_queries(Rows(make), lambda: client.get("/events/forum/"), budget=16)


def test_live_view_and_its_htmx_refresh(client_for, member):
    event = EventFactory(slug="forum")
    client = client_for(member)
    rows = Rows(lambda i: QuestionFactory(event=event))
    assert_same_queries(rows, lambda: client.get("/events/forum/questions/"), budget=10)
    assert_same_queries(
        Rows(lambda i: QuestionFactory(event=event)),
        lambda: client.get("/events/forum/questions/", HTTP_HX_REQUEST="true"),
        sizes=(31, 60),
        budget=6,
    )


def test_moderation_page(signed_in):
    event = EventFactory(slug="forum")

    def make(i):
        QuestionFactory(event=event, status=QuestionStatus.PENDING)
        QuestionFactory(event=event, status=QuestionStatus.REJECTED, rejection_reason="No")

    assert_same_queries(
        Rows(make), lambda: signed_in.get("/events/forum/questions/moderate/"), budget=12
    )


def test_attendees_page(signed_in, council):
    event = EventFactory(slug="forum")
    rows = Rows(
        lambda i: Registration.objects.create(
            event=event,
            person=UserFactory(organisation=council),
            status=RegistrationStatus.CONFIRMED,
        )
    )
    assert_same_queries(rows, lambda: signed_in.get("/events/forum/attendees/"), budget=8)


def test_response_page_and_pdf_html(client):
    event = EventFactory(
        slug="forum",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    EventResponse.objects.create(
        event=event, body="x", body_html="<p>x</p>", published_at=timezone.now()
    )

    def make(i):
        question = QuestionFactory(event=event, answer="Yes", answered_at=timezone.now())
        QuestionFactory(event=event, status=QuestionStatus.MERGED, merged_into=question)

    assert_same_queries(Rows(make), lambda: client.get("/events/forum/response/"), budget=6)


def test_notifications_page(client_for, member):
    client = client_for(member)
    rows = Rows(
        lambda i: Notification.objects.create(
            recipient=member,
            kind="news",
            key=f"k{i}",
            title=f"N{i}",
            link="/news/",
            created_at=timezone.now(),
        )
    )
    assert_same_queries(rows, lambda: client.get("/notifications/"), budget=8)


def test_following_page(client_for, member):
    client = client_for(member)

    def make(i):
        Follow.objects.create(person=member, project=ProjectFactory())
        Follow.objects.create(person=member, event=EventFactory())

    assert_same_queries(Rows(make), lambda: client.get("/notifications/following/"), budget=6)


def test_api_lists(client_for, member):
    client = client_for(member)
    event = EventFactory(slug="forum")

    def make(i):
        ArticleFactory().tags.create(name=f"t{i}", slug=f"t{i}")
        QuestionFactory(event=event)
        Notification.objects.create(
            recipient=member,
            kind="news",
            key=f"k{i}",
            title="N",
            link="/",
            created_at=timezone.now(),
        )
        EventFactory()

    rows = Rows(make)
    for url, budget in [
        ("/api/v1/articles", 6),
        ("/api/v1/events", 4),
        ("/api/v1/events/forum/questions", 5),
        ("/api/v1/notifications", 5),
    ]:
        assert_same_queries(
            rows,
            lambda url=url: client.get(url),
            sizes=(rows.count + 3, rows.count + 30),
            budget=budget,
        )
