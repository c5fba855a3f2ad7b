"""The Partnership Forum: events, registrations, views and feedback, published responses."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.engagement.models import limits


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid"


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


class Event(TimeStampedModel):
    """A Partnership Forum (or another event of the partnership): public to read."""

    title = models.CharField(max_length=limits.TITLE)
    slug = models.SlugField(max_length=limits.SLUG, unique=True)
    summary = models.CharField(max_length=limits.SUMMARY)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    format = models.CharField(max_length=12, choices=EventFormat.choices)
    place = models.CharField(max_length=limits.PLACE, blank=True, help_text="Venue and address")
    online_link = models.URLField(max_length=limits.LINK, blank=True)
    agenda = models.TextField(blank=True, help_text="Markdown")
    agenda_html = models.TextField(blank=True, editable=False)
    capacity = models.PositiveIntegerField(help_text="Places, not counting the waiting list")
    # The programme office may stop questions before the event ends; they stop at the end.
    questions_closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1) & Q(capacity__lte=limits.MAX_CAPACITY),
                name="event_capacity_in_bounds",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("agenda"), limits.AGENDA),
                name="event_agenda_length",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("engagement:event_detail", args=[self.slug])

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def accepts_questions(self, now=None) -> bool:
        return self.questions_closed_at is None and not self.has_ended(now)

    def accepts_registrations(self, now=None) -> bool:
        return not self.has_started(now)

    @property
    def where(self) -> str:
        if self.format == EventFormat.ONLINE:
            return "Online"
        if self.format == EventFormat.HYBRID:
            return f"{self.place} and online" if self.place else "In person and online"
        return self.place


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_REGISTRATION = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_REGISTRATION)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("registered_at", "id")


class Registration(models.Model):
    """A person's place at an event, or their place in its waiting list."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=12, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "id"]
        constraints = [
            # One place (or waiting-list place) per person; they may register again after
            # cancelling.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=ACTIVE_REGISTRATION),
                name="registration_once_per_person",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.CANCELLED) | Q(cancelled_at__isnull=False),
                name="registration_cancelled_has_time",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.person} at {self.event}: {self.get_status_display()}"


class EventFeedback(TimeStampedModel):
    """A member's views on an event and how useful it was: one each, which they may change."""

    class Rating(models.IntegerChoices):
        VERY_USEFUL = 5, "Very useful"
        USEFUL = 4, "Useful"
        NEITHER = 3, "Neither useful nor not useful"
        NOT_VERY = 2, "Not very useful"
        NOT_AT_ALL = 1, "Not useful at all"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feedback"
    )
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    views = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "event feedback"
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="feedback_once_per_person"),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="feedback_rating_1_to_5"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("views"), limits.FEEDBACK),
                name="feedback_views_length",
            ),
        ]

    def __str__(self):
        return f"Feedback on {self.event} from {self.person}"


class EventResponse(TimeStampedModel):
    """What the programme office publishes after an event, answering its questions."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="response")
    body = models.TextField(help_text="Markdown")
    body_html = models.TextField(blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), limits.RESPONSE_BODY),
                name="response_body_length",
            ),
        ]

    def __str__(self):
        return f"Response to {self.event}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
