"""Overdue notices and highlight reports, the background work's records."""

from django.db import models

from heartbeat.delivery.cadence import Cadence
from heartbeat.delivery.models.bounds import (
    USER,
)


class NoticeKind(models.TextChoices):
    REMINDER = "reminder", "Reminder to the project lead"
    ESCALATION = "escalation", "Escalation to the programme office"


class OverdueNotice(models.Model):
    """A missing update noticed by the overdue task, and the email sent about it.

    One row per project, period and kind, held by the database: written before the email is
    queued (on commit), so two workers noticing the same missing update send one email.
    """

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="overdue_notices"
    )
    cadence = models.CharField(max_length=12, choices=Cadence.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)
    due_date = models.DateField()
    # The day the check found it missing (the email counts the days late from it).
    noticed_on = models.DateField()
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.CharField(max_length=2000, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start", "kind"], name="overdue_notice_once"
            ),
        ]

    def __str__(self):
        return f"{self.project}: {self.get_kind_display()} for {self.period_start}"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being built"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class HighlightReport(models.Model):
    """A programme highlight report built in the background, kept in the database so any
    app server can offer the files."""

    requested_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField()
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    pdf = models.BinaryField(null=True, blank=True)
    xlsx = models.BinaryField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"Highlight report {self.pk} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == ReportStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(99, self.done * 100 // self.total)

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportStatus.DONE, ReportStatus.FAILED)
