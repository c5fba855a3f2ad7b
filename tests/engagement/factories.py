"""Factories for engagement records. Records with rules (registrations, votes, moderation)
are made through the services in tests that check those rules."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Article,
    ArticleStatus,
    Event,
    EventFormat,
    Question,
    QuestionStatus,
)
from tests.factories import UserFactory


def in_days(days: float, hour: int = 10) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = factory.LazyAttribute(lambda o: f"What {o.title.lower()} is about.")
    body = "The partnership **agreed** the plan.\n\n* First step\n* Second step"
    body_html = factory.LazyAttribute(lambda o: render_markdown(o.body))
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    publish_at = factory.LazyAttribute(lambda o: o.published_at)
    visibility = "public"

    @factory.post_generation
    def projects(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.projects.set(extracted)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Partnership Forum {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "The partnership meets to hear what is happening and ask questions."
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    format = EventFormat.HYBRID
    place = "Dynamic Earth, Holyrood Road, Edinburgh"
    online_link = "https://meet.example.org/forum"
    agenda = "1. Welcome\n2. Progress of the programme\n3. Questions"
    agenda_html = factory.LazyAttribute(lambda o: render_markdown(o.agenda))
    capacity = 100


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    asker = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"How will the partnership fund project {n}?")
    status = QuestionStatus.APPROVED
