"""Heartbeat updates: a project's short, dated report for one period."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from heartbeat.delivery.cadence import Cadence, Period
from heartbeat.delivery.models.bounds import (
    LONG_TEXT_MAX,
    REASON_MAX,
    SUMMARY_MAX,
    USER,
)
from heartbeat.delivery.scales import CONFIDENCE_CODES, Rating, ScaleCode, level_for


class UpdateStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    CORRECTED = "corrected", "Corrected by a later version"


class UpdateQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=UpdateStatus.SUBMITTED)

    def published(self):
        """Submitted updates and the versions later corrected: everything but drafts."""
        return self.exclude(status=UpdateStatus.DRAFT)


class HeartbeatUpdate(models.Model):
    """A project's short, dated progress report for one period.

    A submitted update is never changed in place: a correction is a new row (its
    ``correction_number`` one higher, ``corrects`` pointing at the version it replaces, with
    a reason), and the replaced row becomes ``corrected``. Only one row per project and
    period is the submitted one, which the database holds.
    """

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.PROTECT, related_name="heartbeat_updates"
    )
    cadence = models.CharField(max_length=12, choices=Cadence.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=10, choices=UpdateStatus.choices)
    correction_number = models.PositiveSmallIntegerField(default=0)
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by"
    )
    correction_reason = models.CharField(max_length=REASON_MAX, blank=True)
    scale = models.CharField(max_length=5, choices=ScaleCode.choices)
    confidence = models.CharField(max_length=12, blank=True)
    schedule = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    cost = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    resources = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    benefits = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    risk = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    summary = models.CharField(max_length=SUMMARY_MAX, blank=True)
    achievements = models.CharField(max_length=LONG_TEXT_MAX, blank=True)
    next_steps = models.CharField(max_length=LONG_TEXT_MAX, blank=True)
    decisions_needed = models.CharField(max_length=LONG_TEXT_MAX, blank=True)
    percent_complete = models.PositiveSmallIntegerField(null=True, blank=True)
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Bumped on every save of a draft; a form that read an older version conflicts.
    version = models.PositiveIntegerField(default=1)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-correction_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start"],
                condition=Q(status="submitted"),
                name="update_one_submitted_per_period",
            ),
            models.UniqueConstraint(
                fields=["project", "period_start"],
                condition=Q(status="draft"),
                name="update_one_draft_per_period",
            ),
            models.UniqueConstraint(
                fields=["project", "period_start", "correction_number"],
                name="update_version_unique",
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__isnull=True) | Q(percent_complete__lte=100),
                name="update_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(confidence__in=CONFIDENCE_CODES) | Q(confidence=""),
                name="update_confidence_known",
            ),
            # A draft may be unfinished; a submitted update has everything a report needs.
            models.CheckConstraint(
                condition=Q(status="draft")
                | (Q(percent_complete__isnull=False) & ~Q(confidence="") & ~Q(summary="")),
                name="update_submitted_complete",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="update_period_order"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="update_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=(Q(correction_number=0) & Q(corrects__isnull=True))
                | (
                    Q(correction_number__gt=0)
                    & Q(corrects__isnull=False)
                    & ~Q(correction_reason="")
                ),
                name="update_correction_has_reason",
            ),
        ]
        indexes = [
            models.Index(
                fields=["project", "status", "period_start"], name="update_project_period"
            ),
            models.Index(fields=["status", "period_start"], name="update_status_period"),
        ]

    def __str__(self):
        return f"{self.project}: update for {self.period_start:%B %Y}"

    def get_absolute_url(self):
        return reverse("delivery:update_detail", args=[self.project.slug, self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == UpdateStatus.DRAFT

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end, self.cadence)

    @property
    def level(self):
        """The confidence level (label, meaning, colour), or None for an unrated draft."""
        return level_for(self.confidence)

    @property
    def version_label(self) -> str:
        return "Original" if self.correction_number == 0 else f"Correction {self.correction_number}"

    @property
    def is_current(self) -> bool:
        return self.status == UpdateStatus.SUBMITTED
