"""Events: create and change them, register and cancel (with a waiting list), feedback."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.engagement import permissions
from heartbeat.engagement.inputs import EventInput
from heartbeat.engagement.markdown import render_markdown
from heartbeat.engagement.models import (
    Event,
    EventFeedback,
    EventFormat,
    Registration,
    RegistrationStatus,
    limits,
)
from heartbeat.engagement.services._common import check_version, require, save, text, unique_slug


def _apply(event: Event, data: EventInput) -> None:
    event.title = text(
        data.title, field="title", label="The title", limit=limits.TITLE, required=True
    )
    event.summary = text(
        data.summary, field="summary", label="The summary", limit=limits.SUMMARY, required=True
    )
    if data.format not in EventFormat.values:
        raise InvalidInput("Choose in person, online or hybrid.", field="format")
    event.format = data.format
    event.place = text(data.place, field="place", label="The place", limit=limits.PLACE)
    event.online_link = text(
        data.online_link, field="online_link", label="The online link", limit=limits.LINK
    )
    if event.online_link and not event.online_link.startswith(("https://", "http://")):
        raise InvalidInput(
            "Give the online link as a web address starting https://", field="online_link"
        )
    if data.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not event.place:
        raise InvalidInput("Enter where the event takes place.", field="place")
    if data.format in (EventFormat.ONLINE, EventFormat.HYBRID) and not event.online_link:
        raise InvalidInput("Enter the link people join online with.", field="online_link")
    event.agenda = text(data.agenda, field="agenda", label="The agenda", limit=limits.AGENDA)
    event.agenda_html = render_markdown(event.agenda)
    if data.starts_at is None or data.ends_at is None:
        raise InvalidInput("Enter when the event starts and ends.", field="starts_at")
    if data.ends_at <= data.starts_at:
        raise InvalidInput("The event must end after it starts.", field="ends_at")
    event.starts_at, event.ends_at = data.starts_at, data.ends_at
    try:
        capacity = int(data.capacity)
    except (TypeError, ValueError):
        raise InvalidInput(
            "Enter the number of places as a whole number.", field="capacity"
        ) from None
    if not 1 <= capacity <= limits.MAX_CAPACITY:
        raise InvalidInput(f"Give between 1 and {limits.MAX_CAPACITY:,} places.", field="capacity")
    event.capacity = capacity


@transaction.atomic
def event_create(*, actor, data: EventInput) -> Event:
    """Set up an event."""
    require(permissions.can_manage_events(actor), "Only the programme office sets up events.")
    event = Event(created_by=actor if actor is not None and actor.is_authenticated else None)
    _apply(event, data)
    event.slug = unique_slug(
        Event,
        text(data.slug, field="slug", label="The web address", limit=limits.SLUG),
        event.title,
    )
    save(event, actor)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, data: EventInput, version: int | None) -> Event:
    """Change an event. More places move people up from the waiting list; fewer places than
    people already confirmed are refused."""
    require(permissions.can_manage_events(actor), "Only the programme office changes events.")
    current = Event.objects.select_for_update().get(pk=event.pk)
    check_version(current, version, "event")
    _apply(current, data)
    confirmed = current.registrations.confirmed().count()
    if current.capacity < confirmed:
        raise InvalidInput(
            f"{confirmed} people already have a place: give at least {confirmed} places, or "
            "ask people to cancel first.",
            field="capacity",
        )
    current.version += 1
    save(current, actor)
    _fill_places(current)
    return current


@transaction.atomic
def event_close_questions(*, actor, event: Event) -> Event:
    require(permissions.can_moderate(actor), "Only the programme office closes questions.")
    current = Event.objects.select_for_update().get(pk=event.pk)
    if current.questions_closed_at is None:
        current.questions_closed_at = timezone.now()
        current.version += 1
        save(current, actor)
    return current


# Registration ------------------------------------------------------------------------------


def _fill_places(event: Event) -> list[Registration]:
    """Give free places to the waiting list, first come first served, and tell each person.
    The caller holds the event's row lock."""
    free = event.capacity - event.registrations.confirmed().count()
    if free <= 0:
        return []
    promoted = list(event.registrations.waiting().select_for_update()[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        save(registration, None)
    if promoted:
        from heartbeat.engagement import tasks

        ids = [r.pk for r in promoted]
        transaction.on_commit(lambda: tasks.notify_places_confirmed.enqueue(registration_ids=ids))
    return promoted


def registration_create(*, actor, event: Event) -> Registration:
    """Register for an event: a place while there are places, else the waiting list."""
    require(
        permissions.can_register(actor),
        "Sign in with an account of a member organisation to register.",
    )
    with transaction.atomic():
        # The event's row lock makes registrations for one event take turns, so two people
        # registering at the same moment cannot both take the last place.
        current = Event.objects.select_for_update().get(pk=event.pk)
        if not current.accepts_registrations():
            raise ApplicationError(
                f"Registration for {current.title} has closed: the event has started.",
                code="registration_closed",
                status=409,
            )
        existing = current.registrations.active().filter(person=actor).first()
        if existing is not None:
            raise ApplicationError(
                f"You are already registered for {current.title}: "
                f"{existing.get_status_display().lower()}.",
                code="already_registered",
                status=409,
            )
        full = current.registrations.confirmed().count() >= current.capacity
        registration = Registration(
            event=current,
            person=actor,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
        try:
            with transaction.atomic():
                save(registration, actor)
        except IntegrityError:
            raise ApplicationError(
                f"You are already registered for {current.title}.",
                code="already_registered",
                status=409,
            ) from None
    return registration


def registration_cancel(*, actor, event: Event) -> Registration:
    """Give up a place (or a waiting-list place); the next person waiting gets the place."""
    require(permissions.is_member(actor), "Sign in to cancel your registration.")
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        registration = (
            current.registrations.active().select_for_update().filter(person=actor).first()
        )
        if registration is None:
            raise ApplicationError(
                f"You are not registered for {current.title}.", code="not_registered", status=409
            )
        if current.has_ended():
            raise ApplicationError(f"{current.title} has ended.", code="event_ended", status=409)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        save(registration, actor)
        _fill_places(current)
    return registration


# Views and feedback ------------------------------------------------------------------------


@transaction.atomic
def feedback_submit(*, actor, event: Event, rating: int, views: str = "") -> EventFeedback:
    """Give (or change) one's views on an event."""
    require(permissions.can_give_feedback(actor), "Sign in to give your views.")
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        raise InvalidInput("Choose how useful the event was.", field="rating") from None
    if rating not in EventFeedback.Rating.values:
        raise InvalidInput("Choose how useful the event was.", field="rating")
    views = text(views, field="views", label="Your views", limit=limits.FEEDBACK)
    feedback, _ = EventFeedback.objects.update_or_create(
        event=event, person=actor, defaults={"rating": rating, "views": views}
    )
    return feedback
