"""Reads for event pages: the list, an event with the person's place, attendees, feedback."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from heartbeat.engagement import permissions
from heartbeat.engagement.models import (
    Event,
    EventFeedback,
    EventResponse,
    Follow,
    Question,
    QuestionStatus,
    Registration,
    RegistrationStatus,
    Vote,
)


def _with_counts(queryset):
    return queryset.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
        ),
    )


def event_list(user=None):
    """Upcoming events soonest first, then past ones latest first, with their numbers."""
    now = timezone.now()
    events = _with_counts(Event.objects.defer("agenda", "agenda_html"))
    has_response = EventResponse.objects.filter(event=OuterRef("pk"), published_at__isnull=False)
    events = events.annotate(has_response=Exists(has_response))
    return list(events.upcoming(now)), list(events.past(now))


@dataclass
class EventPage:
    event: Event
    registration: Registration | None
    following: bool
    questions: object  # the approved questions, by votes: a queryset to paginate
    my_pending: list = field(default_factory=list)
    pending_count: int = 0
    response: EventResponse | None = None
    feedback: EventFeedback | None = None


def event_by_slug(slug: str) -> Event | None:
    return _with_counts(Event.objects.filter(slug=slug)).first()


def approved_questions(user, event: Event):
    """Approved questions by votes, with their askers and whether this person voted."""
    questions = (
        Question.objects.filter(event=event, status=QuestionStatus.APPROVED)
        .select_related("asker", "asker__organisation")
        .by_votes()
    )
    if user is not None and user.is_authenticated:
        questions = questions.annotate(
            has_voted=Exists(Vote.objects.filter(question=OuterRef("pk"), voter=user))
        )
    return questions


def event_page(user, event: Event) -> EventPage:
    signed_in = user is not None and user.is_authenticated
    registration = following = feedback = None
    my_pending: list = []
    if signed_in:
        registration = event.registrations.active().filter(person=user).first()
        following = Follow.objects.filter(person=user, event=event).exists()
        my_pending = list(
            Question.objects.filter(event=event, asker=user)
            .exclude(status=QuestionStatus.APPROVED)
            .select_related("merged_into")
            .order_by("-created_at")
        )
        feedback = EventFeedback.objects.filter(event=event, person=user).first()
    pending_count = (
        Question.objects.filter(event=event, status=QuestionStatus.PENDING).count()
        if permissions.can_moderate(user)
        else 0
    )
    response = EventResponse.objects.filter(event=event).first()
    if response is not None and not permissions.can_view_response(user, response):
        response = None
    return EventPage(
        event=event,
        registration=registration,
        following=bool(following),
        questions=approved_questions(user, event),
        my_pending=my_pending,
        pending_count=pending_count,
        response=response,
        feedback=feedback,
    )


def attendees(user, event: Event):
    """The people registered, as far as this person may see them: everyone for the
    programme office, their own organisation's for an organisation lead."""
    scope = permissions.attendees_scope(user)
    if scope is False:
        return Registration.objects.none()
    registrations = (
        Registration.objects.filter(event=event)
        .active()
        .select_related("person", "person__organisation")
        .order_by("status", "person__organisation__name", "person__full_name", "id")
    )
    if scope is not None:
        registrations = registrations.filter(person__organisation_id=scope)
    return registrations


ATTENDEE_EXPORT_HEADERS = ["Name", "Email", "Organisation", "Job title", "Status", "Registered"]


def attendee_export_rows(registrations):
    from heartbeat.core.formatting import uk_datetime

    for r in registrations:
        yield [
            r.person.display_name,
            r.person.email,
            str(r.person.organisation or ""),
            r.person.job_title,
            r.get_status_display(),
            uk_datetime(r.registered_at),
        ]


def feedback_summary(event: Event) -> tuple[list[tuple[str, int]], list[EventFeedback]]:
    counts = dict(
        EventFeedback.objects.filter(event=event)
        .values("rating")
        .annotate(n=Count("id"))
        .values_list("rating", "n")
    )
    rows = [(label, counts.get(value, 0)) for value, label in EventFeedback.Rating.choices]
    comments = list(
        EventFeedback.objects.filter(event=event)
        .exclude(views="")
        .select_related("person", "person__organisation")
        .order_by("-created_at")
    )
    return rows, comments


def response_page(event: Event):
    """The answered questions a response links to, by votes, with their merged duplicates."""
    return list(
        Question.objects.filter(event=event, status=QuestionStatus.APPROVED)
        .answered()
        .select_related("asker__organisation")
        .prefetch_related(
            Prefetch("duplicates", queryset=Question.objects.only("pk", "merged_into_id", "text"))
        )
        .by_votes()
    )
