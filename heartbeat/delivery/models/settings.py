"""The programme's reporting settings and a project's own cadence."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from heartbeat.delivery.cadence import LAST_WORKING_DAY, MAX_DUE_DAY, Cadence
from heartbeat.delivery.models.bounds import (
    MAX_ESCALATE_AFTER_DAYS,
    USER,
)
from heartbeat.delivery.scales import ScaleCode


class DeliverySettings(models.Model):
    """The programme's reporting rules: one row (id 1), changed by the programme office."""

    cadence = models.CharField(max_length=12, choices=Cadence.choices, default=Cadence.MONTHLY)
    due_day = models.PositiveSmallIntegerField(
        default=LAST_WORKING_DAY,
        help_text="The working day of the period on which updates are due (0: the last).",
    )
    scale = models.CharField(max_length=5, choices=ScaleCode.choices, default=ScaleCode.FIVE)
    escalate_after_days = models.PositiveSmallIntegerField(
        default=10,
        help_text="Days after the due day before a missing update goes to the programme office.",
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "delivery settings"
        verbose_name_plural = "delivery settings"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="deliverysettings_single_row"),
            models.CheckConstraint(
                condition=Q(due_day__lte=MAX_DUE_DAY), name="deliverysettings_due_day_range"
            ),
            models.CheckConstraint(
                condition=Q(escalate_after_days__gte=1)
                & Q(escalate_after_days__lte=MAX_ESCALATE_AFTER_DAYS),
                name="deliverysettings_escalation_range",
            ),
        ]

    def __str__(self):
        return "Delivery settings"


class ProjectCadence(models.Model):
    """A project's own cadence, instead of the programme's."""

    project = models.OneToOneField(
        "portfolio.Project", on_delete=models.CASCADE, related_name="delivery_cadence"
    )
    cadence = models.CharField(max_length=12, choices=Cadence.choices)
    set_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.project}: {self.get_cadence_display()}"
