"""Events: registration with a waiting list, cancelling, capacity, attendees, feedback."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput, PermissionDenied
from heartbeat.engagement.inputs import EventInput
from heartbeat.engagement.models import (
    Event,
    EventFeedback,
    Notification,
    Registration,
    RegistrationStatus,
)
from heartbeat.engagement.selectors.events import attendees
from heartbeat.engagement.services import events as services
from tests.engagement.factories import EventFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def event_input(**changes) -> EventInput:
    values = {
        "title": "Partnership Forum, spring",
        "summary": "The partnership meets.",
        "starts_at": in_days(30),
        "ends_at": in_days(30, hour=15),
        "format": "hybrid",
        "capacity": 2,
        "place": "Dynamic Earth, Edinburgh",
        "online_link": "https://meet.example.org/forum",
    }
    return EventInput(**{**values, **changes})


def test_the_programme_office_sets_up_an_event(programme_office):
    event = services.event_create(
        actor=programme_office, data=event_input(agenda="1. Welcome\n2. <script>x</script>")
    )
    assert event.slug == "partnership-forum-spring"
    assert "<script" not in event.agenda_html


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": in_days(29)}, "ends_at"),
        ({"capacity": 0}, "capacity"),
        ({"format": "in_person", "place": ""}, "place"),
        ({"format": "online", "online_link": ""}, "online_link"),
        ({"online_link": "javascript:alert(1)"}, "online_link"),
        ({"title": "x" * 201}, "title"),
    ],
)
def test_bad_events_are_refused(programme_office, changes, field):
    with pytest.raises(InvalidInput) as error:
        services.event_create(actor=programme_office, data=event_input(**changes))
    assert error.value.field == field
    assert not Event.objects.exists()


def test_members_cannot_set_up_events(member):
    with pytest.raises(PermissionDenied):
        services.event_create(actor=member, data=event_input())


def test_registration_gives_places_then_a_waiting_list(council):
    event = EventFactory(capacity=2)
    people = [UserFactory(organisation=council) for _ in range(3)]
    statuses = [services.registration_create(actor=p, event=event).status for p in people]
    assert statuses == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    ]


def test_registering_twice_is_refused_with_a_clear_message(member):
    event = EventFactory()
    services.registration_create(actor=member, event=event)
    with pytest.raises(ApplicationError) as error:
        services.registration_create(actor=member, event=event)
    assert error.value.code == "already_registered"
    assert "already registered" in error.value.message
    assert Registration.objects.count() == 1


def test_registration_closes_when_the_event_starts(member):
    event = EventFactory(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(ApplicationError) as error:
        services.registration_create(actor=member, event=event)
    assert error.value.code == "registration_closed"


def test_a_visitor_or_a_person_without_an_organisation_cannot_register(db):
    from django.contrib.auth.models import AnonymousUser

    event = EventFactory()
    for person in (AnonymousUser(), UserFactory(organisation=None)):
        with pytest.raises(PermissionDenied):
            services.registration_create(actor=person, event=event)


def test_cancelling_a_place_promotes_the_next_person_and_tells_them(
    council, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1, title="Partnership Forum, autumn")
    first, second, third = (UserFactory(organisation=council) for _ in range(3))
    for person in (first, second, third):
        services.registration_create(actor=person, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=first, event=event)

    status = dict(Registration.objects.values_list("person_id", "status"))
    assert status[second.pk] == RegistrationStatus.CONFIRMED
    assert status[third.pk] == RegistrationStatus.WAITING
    (notification,) = Notification.objects.filter(recipient=second)
    assert notification.title == "You have a place at Partnership Forum, autumn"
    (email,) = mail.outbox
    assert email.to == [second.email]
    assert "unsubscribe" in email.body.lower()


def test_cancelling_a_waiting_place_promotes_no_one(council):
    event = EventFactory(capacity=1)
    first, second = UserFactory(organisation=council), UserFactory(organisation=council)
    services.registration_create(actor=first, event=event)
    services.registration_create(actor=second, event=event)
    services.registration_cancel(actor=second, event=event)
    assert Registration.objects.confirmed().get().person == first
    assert not Registration.objects.waiting().exists()


def test_cancelling_without_a_registration_is_refused(member):
    with pytest.raises(ApplicationError) as error:
        services.registration_cancel(actor=member, event=EventFactory())
    assert error.value.code == "not_registered"


def test_a_person_may_register_again_after_cancelling(member):
    event = EventFactory()
    services.registration_create(actor=member, event=event)
    services.registration_cancel(actor=member, event=event)
    again = services.registration_create(actor=member, event=event)
    assert again.status == RegistrationStatus.CONFIRMED


def test_more_places_move_people_up_and_fewer_than_taken_are_refused(
    programme_office, council, django_capture_on_commit_callbacks
):
    event = services.event_create(actor=programme_office, data=event_input(capacity=1))
    first, second = UserFactory(organisation=council), UserFactory(organisation=council)
    services.registration_create(actor=first, event=event)
    services.registration_create(actor=second, event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=programme_office, event=event, data=event_input(capacity=2), version=1
        )
    assert Registration.objects.confirmed().count() == 2
    assert Notification.objects.filter(recipient=second, kind="place").exists()

    with pytest.raises(InvalidInput) as error:
        services.event_update(
            actor=programme_office, event=event, data=event_input(capacity=1), version=2
        )
    assert "2 people already have a place" in error.value.message
    event.refresh_from_db()
    assert event.capacity == 2


def test_attendees_are_scoped_to_the_organisation_lead_own_council(
    programme_office, organisation_lead, council, other_council, member
):
    event = EventFactory()
    colleague = member
    outsider = UserFactory(organisation=other_council)
    for person in (colleague, outsider):
        services.registration_create(actor=person, event=event)
    assert {r.person for r in attendees(programme_office, event)} == {colleague, outsider}
    assert {r.person for r in attendees(organisation_lead, event)} == {colleague}
    assert list(attendees(member, event)) == []


def test_feedback_is_one_per_person_and_can_be_changed(member):
    event = EventFactory()
    services.feedback_submit(actor=member, event=event, rating=4, views="Useful.")
    services.feedback_submit(actor=member, event=event, rating=5, views="Very useful.")
    feedback = EventFeedback.objects.get()
    assert (feedback.rating, feedback.views) == (5, "Very useful.")


@pytest.mark.parametrize(("rating", "views"), [(0, ""), (6, ""), ("x", ""), (4, "x" * 2001)])
def test_bad_feedback_is_refused(member, rating, views):
    with pytest.raises(InvalidInput):
        services.feedback_submit(actor=member, event=EventFactory(), rating=rating, views=views)
    assert not EventFeedback.objects.exists()
