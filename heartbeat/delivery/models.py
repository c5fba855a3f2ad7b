"""Delivery: heartbeat updates, milestones, the RAID log, reminders and board reports."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.delivery.cadence import LAST_WORKING_DAY, MAX_DUE_DAY, Cadence, Period
from heartbeat.delivery.scales import CONFIDENCE_CODES, Rating, ScaleCode, level_for

USER = settings.AUTH_USER_MODEL

# Bounds shared by the forms, the services, the API schemas and the database.
SUMMARY_MAX = 2000
LONG_TEXT_MAX = 4000
REASON_MAX = 500
NAME_MAX = 200
OWNER_MAX = 150
DESCRIPTION_MAX = 2000
MAX_ESCALATE_AFTER_DAYS = 90


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


class RaidKind(models.TextChoices):
    RISK = "risk", "Risk"
    ASSUMPTION = "assumption", "Assumption"
    ISSUE = "issue", "Issue"
    DEPENDENCY = "dependency", "Dependency"


RAID_PREFIX = {"risk": "R", "assumption": "A", "issue": "I", "dependency": "D"}


class RaidStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Proximity(models.TextChoices):
    """How soon a risk could happen."""

    IMMINENT = "imminent", "Within a month"
    NEAR = "near", "In one to three months"
    MEDIUM = "medium", "In three to six months"
    FAR = "far", "More than six months away"


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class RaidQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RaidStatus.OPEN)

    def risks(self):
        return self.filter(kind=RaidKind.RISK)

    def escalated(self):
        return self.filter(kind=RaidKind.RISK, status=RaidStatus.OPEN, escalated_at__isnull=False)


class RaidItem(models.Model):
    """A line of a project's RAID log: a risk, assumption, issue or dependency.

    Closed items stay in the log. A risk's score is likelihood x impact (both 1 to 5),
    kept by the database. A risk can be escalated to the programme.
    """

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.PROTECT, related_name="raid_items"
    )
    kind = models.CharField(max_length=12, choices=RaidKind.choices)
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=NAME_MAX)
    description = models.CharField(max_length=DESCRIPTION_MAX, blank=True)
    owner = models.CharField(max_length=OWNER_MAX, blank=True)
    status = models.CharField(max_length=8, choices=RaidStatus.choices, default=RaidStatus.OPEN)
    # Risks
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.GeneratedField(
        expression=F("likelihood") * F("impact"),
        output_field=models.PositiveSmallIntegerField(null=True),
        db_persist=True,
    )
    proximity = models.CharField(max_length=10, choices=Proximity.choices, blank=True)
    mitigation = models.CharField(max_length=DESCRIPTION_MAX, blank=True)
    # Issues
    priority = models.CharField(max_length=6, choices=Priority.choices, blank=True)
    resolution = models.CharField(max_length=DESCRIPTION_MAX, blank=True)
    # Dependencies: on another project, one of its products, or a body outside the programme.
    depends_on_project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="depended_on_by",
    )
    depends_on_product = models.ForeignKey(
        "portfolio.AnticipatedProduct",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="depended_on_by",
    )
    outside_body = models.CharField(max_length=NAME_MAX, blank=True)
    needed_by = models.DateField(null=True, blank=True)
    # Escalation to the programme (risks)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalated_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalation_note = models.CharField(max_length=REASON_MAX, blank=True)
    raised_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    raised_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closure_note = models.CharField(max_length=REASON_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["score"])
    objects = RaidQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind", "number"], name="raid_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(likelihood__isnull=True)
                | (Q(likelihood__gte=1) & Q(likelihood__lte=5)),
                name="raid_likelihood_range",
            ),
            models.CheckConstraint(
                condition=Q(impact__isnull=True) | (Q(impact__gte=1) & Q(impact__lte=5)),
                name="raid_impact_range",
            ),
            models.CheckConstraint(
                condition=~Q(kind="risk") | (Q(likelihood__isnull=False) & Q(impact__isnull=False)),
                name="raid_risk_scored",
            ),
            models.CheckConstraint(
                condition=Q(depends_on_project__isnull=True) | ~Q(depends_on_project=F("project")),
                name="raid_no_dependency_on_itself",
            ),
            models.CheckConstraint(
                condition=Q(escalated_at__isnull=True) | Q(kind="risk"),
                name="raid_only_risks_escalate",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_at__isnull=False),
                name="raid_closed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "status"], name="raid_kind_status"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"{RAID_PREFIX.get(self.kind, '?')}{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == RaidStatus.OPEN

    @property
    def is_escalated(self) -> bool:
        return self.escalated_at is not None


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
