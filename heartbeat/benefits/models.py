"""The benefits register: benefits and their expected profile, measurements of what was
realised, costs (direct, and in-kind staff time from pledges) and the appraisal settings.

Classification follows HM Treasury and UK public-sector benefits practice: a benefit is
cash-releasing, non-cash-releasing (time or productivity) or wider societal, and
quantitative or qualitative; a disbenefit is an outcome someone sees as negative. Money is
in pounds; financial years run April to March and are kept as the year they start (2026
is 2026-27).
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.skills.models import SkillLevel

# Bounds held the same way in forms, services, API schemas and the database.
MAX_AMOUNT = Decimal("999999999.99")  # under a billion pounds, to the penny
MAX_VALUE = Decimal("999999999.99")
MIN_VALUE = -MAX_VALUE
MAX_DAY_RATE = Decimal("5000")
MAX_DISCOUNT_RATE = Decimal("20")
MIN_YEAR, MAX_YEAR = 2000, 2100
TITLE_LENGTH = 200
TEXT_LENGTH = 4000
MEASURE_LENGTH = 200
UNIT_LENGTH = 40


class Classification(models.TextChoices):
    CASH_RELEASING = "cash_releasing", "Cash-releasing"
    NON_CASH_RELEASING = "non_cash_releasing", "Non-cash-releasing (time or productivity)"
    SOCIETAL = "societal", "Wider societal"


class Nature(models.TextChoices):
    QUANTITATIVE = "quantitative", "Quantitative"
    QUALITATIVE = "qualitative", "Qualitative"


class BenefitStatus(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    PLANNED = "planned", "Planned"
    REALISING = "realising", "Realising"
    REALISED = "realised", "Realised"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


class BeneficiaryScope(models.TextChoices):
    PARTNERSHIP = "partnership", "The whole partnership"
    ORGANISATIONS = "organisations", "Named councils"


class Granularity(models.TextChoices):
    YEAR = "year", "By financial year"
    QUARTER = "quarter", "By quarter"


class BenefitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Benefits are for the partnership's signed-in members."""
        if user is not None and user.is_authenticated:
            return self
        return self.none()

    def monetised(self):
        return self.filter(nature=Nature.QUANTITATIVE, monetised=True)


class Benefit(TimeStampedModel):
    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="register_benefits"
    )
    title = models.CharField(max_length=TITLE_LENGTH)
    description = models.TextField(max_length=TEXT_LENGTH, blank=True)
    classification = models.CharField(max_length=20, choices=Classification.choices)
    nature = models.CharField(max_length=12, choices=Nature.choices)
    is_disbenefit = models.BooleanField("disbenefit", default=False)
    measure = models.CharField("measure (KPI)", max_length=MEASURE_LENGTH, blank=True)
    unit = models.CharField(max_length=UNIT_LENGTH, blank=True)
    # Profile and measurements are in pounds: the benefit counts in the economics.
    monetised = models.BooleanField(default=False)
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    beneficiary_scope = models.CharField(
        max_length=20, choices=BeneficiaryScope.choices, default=BeneficiaryScope.PARTNERSHIP
    )
    beneficiaries = models.ManyToManyField(
        "partnership.Organisation", blank=True, related_name="benefits_received"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_benefits",
    )
    granularity = models.CharField(
        "profile", max_length=10, choices=Granularity.choices, default=Granularity.YEAR
    )
    status = models.CharField(
        max_length=20, choices=BenefitStatus.choices, default=BenefitStatus.IDENTIFIED
    )
    evidence = models.TextField("evidence notes", max_length=TEXT_LENGTH, blank=True)
    # The expected benefit of the project's definition this entry was made from. The entry
    # stays when the definition's line is removed; the link says where it came from.
    source = models.OneToOneField(
        "portfolio.ExpectedBenefit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="register_entry",
    )
    # The definition's text when last synchronised: a title still equal to it follows it.
    source_text = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[beneficiaries])
    objects = BenefitQuerySet.as_manager()

    class Meta:
        ordering = ["project__title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nature="quantitative") | Q(monetised=False),
                name="benefit_qualitative_never_monetised",
            ),
            models.CheckConstraint(
                condition=Q(classification__in=Classification.values),
                name="benefit_classification_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=BenefitStatus.values), name="benefit_status_known"
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True)
                | (Q(baseline_value__gte=MIN_VALUE) & Q(baseline_value__lte=MAX_VALUE)),
                name="benefit_baseline_in_bounds",
            ),
            models.CheckConstraint(
                condition=Q(target_value__isnull=True)
                | (Q(target_value__gte=MIN_VALUE) & Q(target_value__lte=MAX_VALUE)),
                name="benefit_target_in_bounds",
            ),
        ]
        indexes = [models.Index(fields=["classification"]), models.Index(fields=["status"])]

    def __str__(self):
        return self.title

    @property
    def reference(self) -> str:
        """The register number people quote: B0012."""
        return self.reference_of(self.pk) if self.pk else "B----"

    @staticmethod
    def reference_of(pk: int) -> str:
        return f"B{pk:04d}"

    @property
    def is_quantitative(self) -> bool:
        return self.nature == Nature.QUANTITATIVE

    @property
    def counts_in_economics(self) -> bool:
        return self.is_quantitative and self.monetised

    @property
    def value_unit(self) -> str:
        return "£" if self.monetised else self.unit

    def get_absolute_url(self):
        return reverse("benefits:benefit_detail", args=[self.pk])


class ProfileEntry(models.Model):
    """The value a benefit is expected to deliver in one period (a year or a quarter)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="profile")
    period_start = models.DateField()
    financial_year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=14, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start"]
        verbose_name_plural = "profile entries"
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "period_start"], name="profile_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=MIN_VALUE) & Q(value__lte=MAX_VALUE),
                name="profile_value_in_bounds",
            ),
        ]

    def __str__(self):
        return f"{self.benefit_id} {self.period_start}: {self.value}"


class Measurement(TimeStampedModel):
    """What was realised in a period: for one council, or for the whole partnership."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="measurements")
    organisation = models.ForeignKey(
        "partnership.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefit_measurements",
        help_text="The council that received it; empty for the whole partnership",
    )
    period_start = models.DateField()
    financial_year = models.PositiveSmallIntegerField()
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    narrative = models.TextField(max_length=TEXT_LENGTH, blank=True)
    evidence = models.TextField(max_length=TEXT_LENGTH)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "organisation", "period_start"],
                condition=Q(organisation__isnull=False),
                name="measurement_once_per_council_period",
            ),
            models.UniqueConstraint(
                fields=["benefit", "period_start"],
                condition=Q(organisation__isnull=True),
                name="measurement_once_per_partnership_period",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True)
                | (Q(value__gte=MIN_VALUE) & Q(value__lte=MAX_VALUE)),
                name="measurement_value_in_bounds",
            ),
            models.CheckConstraint(condition=~Q(evidence=""), name="measurement_needs_evidence"),
        ]

    def __str__(self):
        return f"{self.benefit_id} {self.period_start}: {self.value}"


class CostCategory(models.TextChoices):
    STAFF = "staff", "Staff (paid posts)"
    SUPPLIER = "supplier", "Supplier and contractor services"
    LICENCES = "licences", "Software and licences"
    HOSTING = "hosting", "Hosting and infrastructure"
    TRAINING = "training", "Training"
    OTHER = "other", "Other"


class Cost(TimeStampedModel):
    """A direct cost of a project in a financial year, and who paid it."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="direct_costs"
    )
    organisation = models.ForeignKey(
        "partnership.Organisation",
        on_delete=models.PROTECT,
        related_name="direct_costs",
        help_text="Who paid it",
    )
    category = models.CharField(max_length=20, choices=CostCategory.choices)
    description = models.CharField(max_length=TITLE_LENGTH)
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    financial_year = models.PositiveSmallIntegerField(
        help_text="The year it starts: 2026 is 2026-27"
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["financial_year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(amount__lte=MAX_AMOUNT),
                name="cost_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(financial_year__gte=MIN_YEAR) & Q(financial_year__lte=MAX_YEAR),
                name="cost_year_in_bounds",
            ),
        ]

    def __str__(self):
        return f"{self.description}: £{self.amount}"


class AppraisalSettings(models.Model):
    """The one row of settings the economics use: the discount rate, the base year and how
    long after a project ends its benefits may be profiled. Change it on the settings page."""

    discount_rate = models.DecimalField(
        "discount rate (% a year)", max_digits=4, decimal_places=2, default=Decimal("3.5")
    )
    base_year = models.PositiveSmallIntegerField(default=2026)
    years_after_end = models.PositiveSmallIntegerField(default=5)
    day_rate_source = models.CharField(max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "appraisal settings"
        verbose_name_plural = "appraisal settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(discount_rate__gte=0) & Q(discount_rate__lte=MAX_DISCOUNT_RATE),
                name="appraisal_discount_rate_0_to_20",
            ),
            models.CheckConstraint(
                condition=Q(base_year__gte=MIN_YEAR) & Q(base_year__lte=MAX_YEAR),
                name="appraisal_base_year_in_bounds",
            ),
            models.CheckConstraint(
                condition=Q(years_after_end__lte=15), name="appraisal_years_after_end_in_bounds"
            ),
        ]

    def __str__(self):
        return f"Discount rate {self.discount_rate}%, base year {self.base_year}"


class DayRate(models.Model):
    """What a day of a person's time at a skill level is valued at, for in-kind costs."""

    level = models.CharField(max_length=20, choices=SkillLevel.choices, unique=True)
    rate = models.DecimalField("day rate (£)", max_digits=7, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        ordering = ["rate"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rate__gt=0) & Q(rate__lte=MAX_DAY_RATE), name="dayrate_in_bounds"
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: £{self.rate}"


class InKindYear(models.Model):
    """Days one pledge gives in one financial year: derived from the pledge by
    ``heartbeat.benefits.inkind`` whenever the pledge or its reductions change, so the
    programme's in-kind costs are a query rather than a month-by-month walk."""

    pledge = models.ForeignKey(
        "recruitment.Pledge", on_delete=models.CASCADE, related_name="in_kind_years"
    )
    project = models.ForeignKey("portfolio.Project", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    level = models.CharField(max_length=20, choices=SkillLevel.choices)
    financial_year = models.PositiveSmallIntegerField()
    days = models.DecimalField(max_digits=7, decimal_places=1)

    class Meta:
        ordering = ["pledge", "financial_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "financial_year"], name="inkind_once_per_year"
            ),
            models.CheckConstraint(condition=Q(days__gte=0), name="inkind_days_not_negative"),
        ]
        indexes = [
            models.Index(fields=["project", "financial_year"]),
            models.Index(fields=["organisation", "financial_year"]),
        ]

    def __str__(self):
        return f"Pledge {self.pledge_id} {self.financial_year}: {self.days} days"
