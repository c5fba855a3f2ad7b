"""Events, registrations, views and the published response."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from heartbeat.accounts.api_auth import required
from heartbeat.core.exceptions import NotFound, PermissionDenied
from heartbeat.engagement import permissions
from heartbeat.engagement.api._common import ErrorOut, NoNul, PersonRef, person_ref
from heartbeat.engagement.inputs import EventInput
from heartbeat.engagement.models import Event, EventResponse, Registration, limits
from heartbeat.engagement.selectors import events as selectors
from heartbeat.engagement.services import events as services

router = Router(tags=["events"])


class EventOut(Schema):
    slug: str
    title: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    format: str
    place: str
    online_link: str
    capacity: int
    places_taken: int
    waiting: int
    accepts_questions: bool
    accepts_registrations: bool
    url: str
    version: int


class EventDetailOut(EventOut):
    agenda: str
    agenda_html: str


class EventIn(NoNul):
    title: str = Field(max_length=limits.TITLE)
    summary: str = Field(max_length=limits.SUMMARY)
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    format: str = Field(description="in_person, online or hybrid")
    capacity: int = Field(ge=1, le=limits.MAX_CAPACITY)
    place: str = Field("", max_length=limits.PLACE)
    online_link: str = Field("", max_length=limits.LINK)
    agenda: str = Field("", max_length=limits.AGENDA)
    slug: str = Field("", max_length=limits.SLUG)


class EventUpdateIn(EventIn):
    version: int


class RegistrationOut(Schema):
    id: int
    event: str
    person: PersonRef
    status: str
    registered_at: datetime.datetime
    promoted_at: datetime.datetime | None


class FeedbackIn(NoNul):
    rating: int = Field(ge=1, le=5, description="5 very useful to 1 not useful at all")
    views: str = Field("", max_length=limits.FEEDBACK)


class FeedbackOut(Schema):
    rating: int
    views: str


class ResponseOut(Schema):
    event: str
    body: str
    body_html: str
    published_at: datetime.datetime | None
    questions: list[dict]


def _event(e: Event, detail: bool = False) -> dict:
    out = {
        "slug": e.slug,
        "title": e.title,
        "summary": e.summary,
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "format": e.format,
        "place": e.place,
        "online_link": e.online_link,
        "capacity": e.capacity,
        "places_taken": getattr(e, "confirmed_count", 0),
        "waiting": getattr(e, "waiting_count", 0),
        "accepts_questions": e.accepts_questions(),
        "accepts_registrations": e.accepts_registrations(),
        "url": e.get_absolute_url(),
        "version": e.version,
    }
    if detail:
        out |= {"agenda": e.agenda, "agenda_html": e.agenda_html}
    return out


def _registration(r: Registration) -> dict:
    return {
        "id": r.pk,
        "event": r.event.slug,
        "person": person_ref(r.person),
        "status": r.status,
        "registered_at": r.registered_at,
        "promoted_at": r.promoted_at,
    }


def _input(payload: EventIn) -> EventInput:
    return EventInput(**payload.dict())


def _get(slug: str) -> Event:
    event = selectors.event_by_slug(slug)
    if event is None:
        raise NotFound("No such event.")
    return event


@router.get("/events", response=list[EventOut], summary="Events: coming up, then past")
def event_list(request):
    upcoming, past = selectors.event_list(request.auth)
    return [_event(e) for e in upcoming + past]


@router.get("/events/{slug}", response={200: EventDetailOut, 404: ErrorOut}, summary="An event")
def event_detail(request, slug: str):
    return _event(_get(slug), detail=True)


@router.post(
    "/events",
    auth=required,
    response={201: EventDetailOut, 403: ErrorOut, 422: ErrorOut},
    summary="Set up an event (programme office)",
)
def event_create(request, payload: EventIn):
    event = services.event_create(actor=request.auth, data=_input(payload))
    return Status(201, _event(_get(event.slug), detail=True))


@router.put(
    "/events/{slug}",
    auth=required,
    response={200: EventDetailOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Change an event (programme office)",
)
def event_update(request, slug: str, payload: EventUpdateIn):
    if not permissions.can_manage_events(request.auth):
        raise PermissionDenied("Only the programme office changes events.")
    event = get_object_or_404(Event, slug=slug)
    data = payload.dict()
    version = data.pop("version")
    services.event_update(actor=request.auth, event=event, data=EventInput(**data), version=version)
    return _event(_get(slug), detail=True)


@router.get(
    "/events/{slug}/registrations",
    auth=required,
    response={200: list[RegistrationOut], 403: ErrorOut, 404: ErrorOut},
    summary="Who is registered: everyone for the programme office, their own "
    "organisation's people for an organisation lead",
)
def registration_list(request, slug: str):
    event = _get(slug)
    if not permissions.can_view_attendees(request.auth):
        raise PermissionDenied(
            "Only the programme office and organisation leads see who is registered."
        )
    return [
        _registration(r) for r in selectors.attendees(request.auth, event).select_related("event")
    ]


@router.get(
    "/events/{slug}/registration",
    auth=required,
    response={200: RegistrationOut, 404: ErrorOut},
    summary="Your registration",
)
def registration_mine(request, slug: str):
    event = _get(slug)
    registration = (
        Registration.objects.active()
        .filter(event=event, person=request.auth)
        .select_related("event", "person__organisation")
        .first()
    )
    if registration is None:
        raise NotFound("You are not registered for this event.")
    return _registration(registration)


@router.post(
    "/events/{slug}/registration",
    auth=required,
    response={201: RegistrationOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Register: a place while there are places, else the waiting list",
    description="409 already_registered for a second registration; 409 "
    "registration_closed once the event has started.",
)
def registration_create(request, slug: str):
    event = _get(slug)
    registration = services.registration_create(actor=request.auth, event=event)
    return Status(201, _registration(registration))


@router.delete(
    "/events/{slug}/registration",
    auth=required,
    response={200: RegistrationOut, 404: ErrorOut, 409: ErrorOut},
    summary="Cancel your registration; the first person waiting gets the place",
)
def registration_cancel(request, slug: str):
    event = _get(slug)
    return _registration(services.registration_cancel(actor=request.auth, event=event))


@router.put(
    "/events/{slug}/feedback",
    auth=required,
    response={200: FeedbackOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Give (or change) your views on an event",
)
def feedback_submit(request, slug: str, payload: FeedbackIn):
    event = _get(slug)
    feedback = services.feedback_submit(
        actor=request.auth, event=event, rating=payload.rating, views=payload.views
    )
    return {"rating": feedback.rating, "views": feedback.views}


@router.get(
    "/events/{slug}/response",
    response={200: ResponseOut, 404: ErrorOut},
    summary="The published response, with the answered questions it links",
)
def response_detail(request, slug: str):
    event = _get(slug)
    response = EventResponse.objects.filter(event=event).first()
    if not permissions.can_view_response(request.auth, response):
        raise NotFound("No response has been published for this event.")
    return {
        "event": event.slug,
        "body": response.body,
        "body_html": response.body_html,
        "published_at": response.published_at,
        "questions": [
            {"id": q.pk, "text": q.text, "votes": q.vote_count, "answer": q.answer}
            for q in selectors.response_page(event)
        ],
    }
