"""Factories for boards, seats, meetings, agenda items, actions and decisions."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.governance.models import (
    Action,
    AgendaItem,
    Board,
    BoardMembership,
    BoardRole,
    Decision,
    Meeting,
    MeetingStatus,
    Outcome,
    StageGate,
)
from tests.factories import UserFactory


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Board {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    remit = factory.LazyAttribute(lambda o: f"What the {o.name} decides.")
    cadence = "monthly"


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMembership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(UserFactory, is_board_member=True)
    role = BoardRole.MEMBER
    started_on = datetime.date(2025, 1, 6)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    place = "Verity House, Edinburgh"
    status = MeetingStatus.HELD


def upcoming(**kwargs) -> Meeting:
    kwargs.setdefault("status", MeetingStatus.SCHEDULED)
    return MeetingFactory(starts_at=timezone.now() + datetime.timedelta(days=14), **kwargs)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    order = factory.Sequence(int)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    meeting = factory.SubFactory(MeetingFactory)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Decision {n}")
    outcome = Outcome.APPROVED


def approval_gate(board=None) -> StageGate:
    board = board or BoardFactory(name="Programme Board")
    gate, _ = StageGate.objects.update_or_create(stage="approved", defaults={"board": board})
    return gate
