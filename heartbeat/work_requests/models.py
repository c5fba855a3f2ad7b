"""Work requests: what councils need from the partnership, raised, supported, discussed and
triaged in the open.

The model is called ``WorkRequest`` (and the app ``work_requests``) so it is never mistaken
for an HTTP request.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel

# The longest text each field takes: the forms, services, API and database share them.
MAX_TITLE = 200
MAX_PROBLEM = 4000
MAX_AFFECTED = 2000
MAX_OUTCOME = 3000
MAX_BENEFIT_NOTES = 1000
MAX_REASON = 2000
MAX_NEED = 1000
MAX_COMMENT = 4000
MAX_FILENAME = 200
# £10 billion a year is more than any council's budget: a bigger figure is a typing slip.
MAX_BENEFIT_VALUE = 9_999_999_999


def _at_most(field: str, length: int, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), length), name=f"{name}_{field}_length"
    )


class State(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under_review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    DUPLICATE = "duplicate", "Duplicate"


# Requests the programme office has still to decide on.
OPEN_STATES = (State.SUBMITTED, State.UNDER_REVIEW)


class Urgency(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical"


# What each urgency means, for the form's hints and the list's filter.
URGENCY_HINTS = {
    Urgency.LOW: "It would help, but there is no fixed date",
    Urgency.MEDIUM: "Needed within a year",
    Urgency.HIGH: "Needed within six months",
    Urgency.CRITICAL: "A statutory or contractual deadline within three months",
}
URGENCY_ORDER = {Urgency.CRITICAL: 0, Urgency.HIGH: 1, Urgency.MEDIUM: 2, Urgency.LOW: 3}


class WorkRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Work requests are shared with the whole partnership: every signed-in member."""
        if user is not None and user.is_authenticated:
            return self
        return self.none()

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def with_support_count(self):
        """Each request with ``support_count``: the organisations supporting it (a subquery,
        so a long list is not grouped by every column)."""
        counts = (
            Support.objects.filter(work_request=models.OuterRef("pk"))
            .order_by()
            .values("work_request")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            support_count=Coalesce(
                models.Subquery(counts, output_field=models.IntegerField()), models.Value(0)
            )
        )


class WorkRequest(TimeStampedModel):
    """Something a council needs from the partnership, in its own words."""

    title = models.CharField(max_length=MAX_TITLE)
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="work_requests"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_requests",
    )
    problem = models.TextField("the problem")
    affected = models.TextField("who is affected")
    outcome = models.TextField("the outcome wanted")
    theme = models.ForeignKey(
        "portfolio.Theme", on_delete=models.PROTECT, related_name="work_requests"
    )
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    benefit_value = models.DecimalField(
        "rough benefit a year (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    benefit_notes = models.TextField("how the benefit was estimated", blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SUBMITTED)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="duplicates"
    )
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_requests",
    )
    # Bumped on every save through a service; a form that read an older version conflicts.
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()
    objects = WorkRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state=State.DECLINED) | ~Q(decline_reason=""),
                name="workrequest_declined_needs_reason",
            ),
            models.CheckConstraint(
                condition=(Q(state=State.DUPLICATE) & Q(duplicate_of__isnull=False))
                | (~Q(state=State.DUPLICATE) & Q(duplicate_of__isnull=True)),
                name="workrequest_duplicate_names_original",
            ),
            models.CheckConstraint(
                condition=~Q(duplicate_of=F("id")), name="workrequest_not_duplicate_of_itself"
            ),
            models.CheckConstraint(
                condition=Q(project__isnull=True) | Q(state=State.ACCEPTED),
                name="workrequest_project_only_when_accepted",
            ),
            models.CheckConstraint(
                condition=Q(benefit_value__isnull=True)
                | (Q(benefit_value__gte=0) & Q(benefit_value__lte=MAX_BENEFIT_VALUE)),
                name="workrequest_benefit_in_bounds",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="workrequest_title_given"),
            _at_most("problem", MAX_PROBLEM, "workrequest"),
            _at_most("affected", MAX_AFFECTED, "workrequest"),
            _at_most("outcome", MAX_OUTCOME, "workrequest"),
            _at_most("benefit_notes", MAX_BENEFIT_NOTES, "workrequest"),
            _at_most("decline_reason", MAX_REASON, "workrequest"),
        ]
        indexes = [
            models.Index(fields=["state", "-created_at"]),
            models.Index(fields=["organisation", "state"]),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def reference(self) -> str:
        return self.reference_of(self.pk) if self.pk else "WR-new"

    @staticmethod
    def reference_of(pk: int) -> str:
        return f"WR-{pk:04d}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def get_absolute_url(self):
        return reverse("work_requests:detail", args=[self.pk])


class Support(models.Model):
    """One organisation's support for another's request, with a line on its own need."""

    work_request = models.ForeignKey(WorkRequest, on_delete=models.CASCADE, related_name="supports")
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.CASCADE, related_name="work_request_supports"
    )
    supported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    need = models.TextField("our need")
    # The request this support was first given to, when it moved across from a duplicate.
    moved_from = models.ForeignKey(
        WorkRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_request", "organisation"], name="support_once_per_organisation"
            ),
            models.CheckConstraint(condition=~Q(need=""), name="support_need_given"),
            _at_most("need", MAX_NEED, "support"),
        ]

    def __str__(self):
        return f"{self.organisation} supports {self.work_request_id}"


class Comment(models.Model):
    work_request = models.ForeignKey(WorkRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The author's organisation when they wrote it: people move on.
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="comment_body_given"),
            _at_most("body", MAX_COMMENT, "comment"),
        ]

    def __str__(self):
        return f"Comment {self.pk} on {self.work_request_id}"


def attachment_path(instance, filename: str) -> str:
    # A random name: the person's file name is kept in the database, never trusted on disk.
    return f"work-requests/{uuid.uuid4().hex}.{instance.kind}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word document (DOCX)"
    XLSX = "xlsx", "Excel spreadsheet (XLSX)"
    ODS = "ods", "OpenDocument spreadsheet (ODS)"


class Attachment(models.Model):
    """A file that supports a request, stored through Django's storage API.

    Files are served only through the request's own page (``work_requests:attachment``),
    to those who may see the request, never from a public media address.
    """

    work_request = models.ForeignKey(
        WorkRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=MAX_FILENAME)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="attachment_not_empty"),
        ]

    def __str__(self):
        return self.original_name

    @property
    def size_label(self) -> str:
        from heartbeat.work_requests.attachments import describe_size

        return describe_size(self.size)


class StateChange(models.Model):
    """Every triage move of a request: who, when, from, to and why."""

    work_request = models.ForeignKey(
        WorkRequest, on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(max_length=20, choices=State.choices)
    to_state = models.CharField(max_length=20, choices=State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.work_request_id}: {self.from_state} → {self.to_state}"
