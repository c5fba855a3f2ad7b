from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.core.months import MAX_WORKING_DAYS
from heartbeat.skills.models import Skill, SkillLevel


class ParticipationStatus(models.TextChoices):
    INTERESTED = "interested", "Interested"
    COMMITTED = "committed", "Committed"
    ACTIVE = "active", "Active"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ParticipationRole(models.TextChoices):
    LEAD = "lead", "Lead"
    PARTICIPANT = "participant", "Participant"
    OBSERVER = "observer", "Observer"


# Participations that count as having joined a project.
JOINED_STATUSES = (ParticipationStatus.COMMITTED, ParticipationStatus.ACTIVE)


class Participation(TimeStampedModel):
    """An organisation's part in a project: interested, committed, active or withdrawn."""

    # Protected: removing an organisation or a project never deletes who took part in it.
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="participations"
    )
    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.PROTECT, related_name="participations"
    )
    status = models.CharField(max_length=20, choices=ParticipationStatus.choices)
    role = models.CharField(
        max_length=20, choices=ParticipationRole.choices, default=ParticipationRole.PARTICIPANT
    )
    reason = models.TextField(blank=True, help_text="Why the organisation withdrew")
    interested_on = models.DateField(null=True, blank=True)
    committed_on = models.DateField(null=True, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "project"], name="participation_unique_per_project"
            ),
            models.CheckConstraint(
                condition=~Q(status=ParticipationStatus.WITHDRAWN) | ~Q(reason=""),
                name="participation_withdrawn_needs_reason",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.project}: {self.get_status_display()}"

    @property
    def has_joined(self) -> bool:
        return self.status in JOINED_STATUSES


class PledgeStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    # The project closed or was cancelled: the pledge counted until the end of that month.
    ENDED = "ended", "Ended"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Pledges whose days count (coverage, capacity, contributions): active ones, and ended ones
# for the months they ran.
COUNTED_STATUSES = (PledgeStatus.ACTIVE, PledgeStatus.ENDED)

# Working days in the longest month in Scotland: no month holds more. The services hold
# each month to its own working days (``heartbeat.core.months.working_days``).
MAX_DAYS_PER_MONTH = Decimal(MAX_WORKING_DAYS)


class PledgeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=PledgeStatus.ACTIVE)

    def counted(self):
        """Pledges whose days count: active, or ended for the months they ran."""
        return self.filter(status__in=COUNTED_STATUSES)


class Pledge(TimeStampedModel):
    """People and time an organisation offers against one of a project's resource requirements.

    Either a named person of the organisation or unnamed capacity (for example "a developer
    from our digital team"), at a skill and level, for days per month from one month to
    another (months are stored as the first day), less any planned reductions.
    """

    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="pledges"
    )
    # Protected: a need with pledges on record is never removed, so no pledge is ever
    # deleted with it (the services refuse with 409 requirement_has_pledges first).
    requirement = models.ForeignKey(
        "portfolio.ResourceRequirement", on_delete=models.PROTECT, related_name="pledges"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
    )
    capacity_label = models.CharField(
        max_length=200, blank=True, help_text="Who, when no person is named yet"
    )
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="pledges")
    level = models.CharField(max_length=20, choices=SkillLevel.choices)
    days_per_month = models.DecimalField(max_digits=4, decimal_places=1)
    start_month = models.DateField()
    end_month = models.DateField()
    # Days over the whole period after reductions: kept by the services for quick totals.
    total_days = models.DecimalField(max_digits=7, decimal_places=1, default=Decimal("0"))
    notes = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=20, choices=PledgeStatus.choices, default=PledgeStatus.ACTIVE
    )
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    ended_reason = models.TextField(blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every save through a service; a form that read an older version conflicts.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["start_month", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(days_per_month__gt=0) & Q(days_per_month__lte=MAX_DAYS_PER_MONTH),
                name="pledge_days_in_bounds",
            ),
            models.CheckConstraint(
                condition=Q(end_month__gte=F("start_month")), name="pledge_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=~Q(status=PledgeStatus.WITHDRAWN) | ~Q(withdrawn_reason=""),
                name="pledge_withdrawn_needs_reason",
            ),
            models.UniqueConstraint(
                fields=["requirement", "person"],
                condition=Q(status=PledgeStatus.ACTIVE, person__isnull=False),
                name="pledge_person_once_per_requirement",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.who} for {self.requirement}"

    @property
    def who(self) -> str:
        if self.person_id:
            return str(self.person)
        return self.capacity_label or "Unnamed capacity"

    @property
    def is_active(self) -> bool:
        return self.status == PledgeStatus.ACTIVE

    @property
    def counts(self) -> bool:
        return self.status in COUNTED_STATUSES


class PledgeAdjustment(models.Model):
    """A planned reduction: in this month the pledge gives these days instead (e.g. summer)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="adjustments")
    month = models.DateField()
    days = models.DecimalField(max_digits=4, decimal_places=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "month"], name="adjustment_once_per_month"),
            models.CheckConstraint(condition=Q(days__gte=0), name="adjustment_days_not_negative"),
        ]

    def __str__(self):
        return f"{self.month:%B %Y}: {self.days} days"


class RequirementMonth(models.Model):
    """Days pledged to one resource requirement in one month, over its counted pledges that
    meet it (its skill, at its level or above).

    Derived data, rewritten by the pledge services whenever a pledge of the requirement
    changes, so coverage across the programme is a query rather than a month-by-month walk
    over every pledge.
    """

    requirement = models.ForeignKey(
        "portfolio.ResourceRequirement", on_delete=models.CASCADE, related_name="pledged_months"
    )
    month = models.DateField()
    pledged_days = models.DecimalField(max_digits=7, decimal_places=1)

    class Meta:
        ordering = ["requirement", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "month"], name="requirementmonth_unique"
            ),
        ]

    def __str__(self):
        return f"{self.requirement_id} {self.month:%Y-%m}: {self.pledged_days}"


class OrganisationCapacity(TimeStampedModel):
    """The days per month an organisation can give the partnership over a period."""

    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.CASCADE, related_name="capacities"
    )
    days_per_month = models.DecimalField(max_digits=6, decimal_places=1)
    start_month = models.DateField()
    end_month = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Raised by each change, so two people changing one declaration never overwrite each
    # other (409, as for pledges).
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "start_month"]
        verbose_name_plural = "organisation capacities"
        constraints = [
            models.CheckConstraint(
                condition=Q(days_per_month__gte=0), name="capacity_days_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(end_month__gte=F("start_month")), name="capacity_end_not_before_start"
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.days_per_month} days a month"


class DigestedNeed(models.Model):
    """A need already sent to an organisation in a weekly digest, so it is never sent twice."""

    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    requirement = models.ForeignKey(
        "portfolio.ResourceRequirement", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "requirement"], name="digestedneed_unique"
            ),
        ]

    def __str__(self):
        return f"Need {self.requirement_id} sent to organisation {self.organisation_id}"
