"""Milestones with their baselines, forecasts and history of dates."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from heartbeat.delivery.models.bounds import (
    DESCRIPTION_MAX,
    NAME_MAX,
    REASON_MAX,
    USER,
)
from heartbeat.delivery.models.updates import HeartbeatUpdate


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    COMPLETE = "complete", "Complete"
    DROPPED = "dropped", "No longer needed"


OPEN_MILESTONE_STATUSES = (
    MilestoneStatus.NOT_STARTED,
    MilestoneStatus.ON_TRACK,
    MilestoneStatus.AT_RISK,
)


class Milestone(models.Model):
    """A dated point in a project's delivery: baselined at approval, forecast, achieved."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="milestones"
    )
    product = models.ForeignKey(
        "portfolio.AnticipatedProduct",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    name = models.CharField(max_length=NAME_MAX)
    description = models.CharField(max_length=DESCRIPTION_MAX, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    baselined_at = models.DateTimeField(null=True, blank=True)
    forecast_date = models.DateField()
    actual_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.NOT_STARTED
    )
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["forecast_date", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["product"],
                condition=Q(product__isnull=False),
                name="milestone_one_per_product",
            ),
            models.CheckConstraint(
                condition=(Q(status="complete") & Q(actual_date__isnull=False))
                | (~Q(status="complete") & Q(actual_date__isnull=True)),
                name="milestone_actual_date_when_complete",
            ),
        ]
        indexes = [models.Index(fields=["status", "forecast_date"], name="milestone_due")]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_MILESTONE_STATUSES

    @property
    def expected_date(self):
        """When it happened, or when it is now expected."""
        return self.actual_date or self.forecast_date

    @property
    def slippage_days(self) -> int | None:
        """Days later than the baseline (negative: earlier); None without a baseline."""
        if self.baseline_date is None or self.status == MilestoneStatus.DROPPED:
            return None
        return (self.expected_date - self.baseline_date).days


class MilestoneChange(models.Model):
    """A change of a milestone's date: its forecast history, and any change of baseline."""

    class Field(models.TextChoices):
        FORECAST = "forecast", "Forecast"
        BASELINE = "baseline", "Baseline"
        ACTUAL = "actual", "Actual"

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=10, choices=Field.choices)
    old_date = models.DateField(null=True, blank=True)
    new_date = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=REASON_MAX, blank=True)
    update = models.ForeignKey(
        HeartbeatUpdate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self):
        return f"{self.milestone}: {self.field} {self.old_date} → {self.new_date}"
