"""Follows, notifications, people's email choices, and the record of every email sent."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from heartbeat.engagement.models.events import Event


class Follow(models.Model):
    """A person follows one project, theme or event (exactly one of the three)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    theme = models.ForeignKey(
        "portfolio.Theme", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(project__isnull=False, theme__isnull=True, event__isnull=True)
                    | Q(project__isnull=True, theme__isnull=False, event__isnull=True)
                    | Q(project__isnull=True, theme__isnull=True, event__isnull=False)
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["person", "project"],
                condition=Q(project__isnull=False),
                name="follow_project_once",
            ),
            models.UniqueConstraint(
                fields=["person", "theme"],
                condition=Q(theme__isnull=False),
                name="follow_theme_once",
            ),
            models.UniqueConstraint(
                fields=["person", "event"],
                condition=Q(event__isnull=False),
                name="follow_event_once",
            ),
        ]

    def __str__(self):
        return f"{self.person} follows {self.target}"

    @property
    def target(self):
        return self.project or self.theme or self.event

    @property
    def kind(self) -> str:
        if self.project_id:
            return "project"
        if self.theme_id:
            return "theme"
        return "event"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away, one email for each"
    WEEKLY = "weekly", "Once a week, in a digest"
    NEVER = "never", "Never: I will read them in Heartbeat"


class NotificationPreference(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        max_length=12, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATE
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.person}: {self.get_email_display()}"


class NotificationKind(models.TextChoices):
    UPDATE = "update", "New heartbeat update"
    STAGE = "stage", "Stage change"
    NEWS = "news", "News"
    ANSWER = "answer", "Answer to your question"
    RESPONSE = "response", "Published response"
    PLACE = "place", "Event place"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def for_person(self, person):
        return self.filter(recipient=person)


class Notification(models.Model):
    """Something a person should know, shown in Heartbeat and sent by email as they choose.

    ``key`` names the cause (``stage:12``, ``news:4``): one notification per cause and
    person, however often the cause is reported.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    key = models.CharField(max_length=100)
    title = models.CharField(max_length=300)
    body = models.CharField(max_length=1000, blank=True)
    link = models.CharField(max_length=500, help_text="A path on this site")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], name="notification_once_per_cause"
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created_at"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Digest(models.Model):
    """One weekly digest email to one person for one due time: the lock that makes a digest
    go out once, however many workers run it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField()
    notifications = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "due_at"], name="digest_once_per_due"),
        ]

    def __str__(self):
        return f"Digest to {self.recipient_id} due {self.due_at:%Y-%m-%d}"


class EmailDelivery(models.Model):
    """A notification sent by email, alone or in a digest. Its recipient is the
    notification's, so the one-per-notification rule is one email per notification and
    recipient: never twice."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email_delivery"
    )
    digest = models.ForeignKey(
        Digest, on_delete=models.CASCADE, null=True, blank=True, related_name="deliveries"
    )
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "email deliveries"

    def __str__(self):
        return f"Email for notification {self.notification_id}"
