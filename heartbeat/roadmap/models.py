"""The product roadmap: what the partnership's projects deliver, and which councils use it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.portfolio.models import Visibility


class ProductKind(models.TextChoices):
    GUIDANCE = "guidance", "Guidance"
    TOOLKIT = "toolkit", "Toolkit"
    PLATFORM = "platform", "Platform"
    FRAMEWORK = "framework", "Framework or contract"
    TRAINING = "training", "Training"
    SERVICE_PATTERN = "service_pattern", "Service pattern"


class ProductStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_DEVELOPMENT = "in_development", "In development"
    LIVE = "live", "Live"
    RETIRED = "retired", "Retired"


# Statuses of a product that has been delivered: it has a delivered date, and only these
# can be adopted (live) or have been (retired).
DELIVERED_STATUSES = (ProductStatus.LIVE, ProductStatus.RETIRED)

# A project's anticipated product types (portfolio.ProductType) as the roadmap's kinds: the
# kind a product starts with when it grows from the definition; its owner can change it.
KIND_FOR_ANTICIPATED_TYPE = {
    "service": ProductKind.SERVICE_PATTERN,
    "platform": ProductKind.PLATFORM,
    "framework": ProductKind.FRAMEWORK,
    "guidance": ProductKind.GUIDANCE,
    "data": ProductKind.PLATFORM,
    "training": ProductKind.TRAINING,
    "report": ProductKind.GUIDANCE,
}

NAME_MAX = 200
SUMMARY_MAX = 400
LINK_MAX = 500
NOTE_MAX = 500


class ProductQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Products of public projects for everyone; all of them for signed-in members."""
        if user is not None and user.is_authenticated:
            return self
        return self.filter(project__visibility=Visibility.PUBLIC)


class Product(TimeStampedModel):
    """Something a project delivers that councils can use: guidance, a toolkit, a platform."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.PROTECT, related_name="roadmap_products"
    )
    # The row of the project's definition it grew from. Growing is idempotent because each
    # anticipated product grows at most one product; editing the definition later leaves
    # the product on the roadmap.
    anticipated = models.OneToOneField(
        "portfolio.AnticipatedProduct",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roadmap_product",
    )
    name = models.CharField(max_length=NAME_MAX)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=SUMMARY_MAX, blank=True)
    kind = models.CharField(max_length=20, choices=ProductKind.choices)
    status = models.CharField(
        max_length=20, choices=ProductStatus.choices, default=ProductStatus.PLANNED
    )
    # The first day of the quarter it is planned for (1 January, 1 April, 1 July, 1 October).
    planned_quarter = models.DateField(null=True, blank=True)
    delivered_on = models.DateField(null=True, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_products",
    )
    link = models.URLField("where it lives", max_length=LINK_MAX, blank=True)
    # Bumped on every save through a service; a form that read an older version conflicts.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()
    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["planned_quarter", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status__in=DELIVERED_STATUSES, delivered_on__isnull=False)
                    | (~Q(status__in=DELIVERED_STATUSES) & Q(delivered_on__isnull=True))
                ),
                name="product_delivered_date_matches_status",
            ),
            models.CheckConstraint(
                condition=Q(planned_quarter__isnull=True)
                | (Q(planned_quarter__day=1) & Q(planned_quarter__month__in=(1, 4, 7, 10))),
                name="product_planned_quarter_is_a_quarter",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ProductKind.values), name="product_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProductStatus.values), name="product_status_known"
            ),
        ]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["planned_quarter"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("roadmap:product_detail", args=[self.slug])

    @property
    def is_delivered(self) -> bool:
        return self.status in DELIVERED_STATUSES


class Adoption(TimeStampedModel):
    """A member organisation uses a product: since when, and what it says about it."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="adoptions")
    organisation = models.ForeignKey(
        "partnership.Organisation", on_delete=models.PROTECT, related_name="adoptions"
    )
    adopted_on = models.DateField()
    note = models.CharField(max_length=NOTE_MAX, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "organisation"], name="adoption_once_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} uses {self.product}"
