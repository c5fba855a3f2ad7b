"""The RAID log: risks, assumptions, issues and dependencies."""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from heartbeat.delivery.models.bounds import (
    DESCRIPTION_MAX,
    NAME_MAX,
    OWNER_MAX,
    REASON_MAX,
    USER,
)


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
