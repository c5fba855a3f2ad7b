"""The work programme: themes and projects with their definitions and lifecycle."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.models import TimeStampedModel
from heartbeat.core.months import MAX_WORKING_DAYS
from heartbeat.skills.models import SkillLevel


class Theme(TimeStampedModel):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=110, unique=True)
    summary = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    colour = models.CharField(
        max_length=7, default="#0065bd", help_text="Hex colour for charts, e.g. #0065bd"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SubArea(TimeStampedModel):
    """A part of a theme, such as Health and Care under Digital Services."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="sub_areas")
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=110)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__order", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "slug"], name="subarea_slug_unique_in_theme"),
        ]

    def __str__(self):
        return f"{self.theme.name}: {self.name}"


class Stage(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    DEFINED = "defined", "Defined"
    APPROVED = "approved", "Approved"
    RECRUITING = "recruiting", "Recruiting"
    IN_DELIVERY = "in_delivery", "In delivery"
    CLOSED = "closed", "Closed"
    PAUSED = "paused", "Paused"
    CANCELLED = "cancelled", "Cancelled"


OPEN_STAGES = (
    Stage.PROPOSED,
    Stage.DEFINED,
    Stage.APPROVED,
    Stage.RECRUITING,
    Stage.IN_DELIVERY,
)

# The stages in which a project's resource needs are open and councils may pledge to them:
# from approval until the project closes. Services, the open-needs list and the pages all
# use this one constant.
NEED_STAGES = (Stage.APPROVED, Stage.RECRUITING, Stage.IN_DELIVERY)

# From "defined" on, a project's definition stays complete: an edit that would leave it
# incomplete is refused (a paused project holds it when it was paused from one of these).
DEFINITION_HELD_STAGES = (
    Stage.DEFINED,
    Stage.APPROVED,
    Stage.RECRUITING,
    Stage.IN_DELIVERY,
    Stage.CLOSED,
)


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    PARTNERSHIP = "partnership", "Partnership only"


def visibilities_for(user) -> tuple[str, ...]:
    """Who can see a project, written once: signed-in members of the partnership see every
    project; visitors see public projects only. ``ProjectQuerySet.visible_to``,
    ``Project.is_visible_to`` and the related querysets all read this."""
    if user is not None and user.is_authenticated and user.is_active:
        return tuple(Visibility.values)
    return (Visibility.PUBLIC,)


def sees_partnership_projects(user) -> bool:
    """Whether ``user`` is inside the partnership: sees partnership-only projects, and the
    names and drafts behind public ones."""
    return Visibility.PARTNERSHIP in visibilities_for(user)


def visible_projects_q(user, prefix: str = "") -> Q:
    """The visibility rule as a condition on a project reached through ``prefix`` (for
    example ``"project__"`` from a resource need), so it joins the query that uses it."""
    allowed = visibilities_for(user)
    if set(allowed) == set(Visibility.values):
        return Q()
    return Q(**{f"{prefix}visibility__in": allowed})


class Tag(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=70, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The projects ``user`` may see (``visibilities_for``)."""
        return self.filter(visible_projects_q(user))

    def in_stage(self, *stages):
        return self.filter(stage__in=stages)

    def open(self):
        return self.filter(stage__in=OPEN_STAGES)

    def taking_pledges(self):
        """Projects whose needs are open to pledges (``NEED_STAGES``)."""
        return self.filter(stage__in=NEED_STAGES)


class Project(TimeStampedModel):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="projects")
    sub_area = models.ForeignKey(
        SubArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects"
    )
    summary = models.CharField(max_length=400, help_text="One or two sentences")
    problem = models.TextField("problem and background", blank=True)
    lead_organisation = models.ForeignKey(
        "partnership.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    project_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    sponsor = models.CharField(
        max_length=200, blank=True, help_text="Name and role, e.g. Chief Executive, Fife Council"
    )
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    estimated_cost = models.DecimalField(
        "estimated cost (£)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.PROPOSED)
    # The stage a paused project returns to when it resumes.
    paused_from = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PARTNERSHIP
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="projects")
    # Bumped on every save through a service; a form that read an older version conflicts.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The definition as last approved; edits since are compared with it.
    baseline = models.ForeignKey(
        "ProjectBaseline",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords(m2m_fields=[tags], excluded_fields=["baseline"])
    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True)
                | Q(planned_start__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="project_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(estimated_cost__isnull=True) | Q(estimated_cost__gte=0),
                name="project_cost_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["stage"]), models.Index(fields=["visibility"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portfolio:project_detail", args=[self.slug])

    def is_visible_to(self, user) -> bool:
        return self.visibility in visibilities_for(user)

    @property
    def takes_pledges(self) -> bool:
        """Whether its needs are open and councils may pledge to them now."""
        return self.stage in NEED_STAGES

    @property
    def holds_definition(self) -> bool:
        """Whether its definition must stay complete: from "defined" on."""
        stage = self.paused_from if self.stage == Stage.PAUSED else self.stage
        return stage in DEFINITION_HELD_STAGES


class ProjectSearchDocument(models.Model):
    """A project's searchable text as one stored ``tsvector``, for the catalogue's search on
    PostgreSQL: the title (weight A), summary (B), problem (C), and its lead organisation's
    name, scope, requirements and tags (D).

    PostgreSQL's triggers keep it (migrations 0007 and 0008), so it follows every write
    whatever makes it: a service, the admin, a bulk insert or a cascade. It carries the
    project's title too, so that a ranked search sorts its matches (by rank, then title)
    without joining them to their projects. On SQLite the table stays empty and the
    catalogue matches words in the columns themselves.
    """

    project = models.OneToOneField(
        Project,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the triggers add and remove rows with their projects
        related_name="search_document",
    )
    title = models.CharField(max_length=200, default="")
    vector = SearchVectorField(null=True)

    def __str__(self):
        return f"Search document of project {self.project_id}"


class DefinitionItem(models.Model):
    """A row of a project's definition, kept in the order the project lead gave."""

    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]


class ScopeItem(DefinitionItem):
    class Kind(models.TextChoices):
        IN = "in", "In scope"
        OUT = "out", "Out of scope"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scope_items")
    kind = models.CharField(max_length=3, choices=Kind.choices)
    text = models.CharField(max_length=500)

    history = HistoricalRecords()

    class Meta(DefinitionItem.Meta):
        pass

    def __str__(self):
        return self.text


class Requirement(DefinitionItem):
    class Priority(models.TextChoices):
        MUST = "must", "Must"
        SHOULD = "should", "Should"
        COULD = "could", "Could"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="requirements")
    text = models.CharField(max_length=500)
    priority = models.CharField(max_length=6, choices=Priority.choices, default=Priority.MUST)

    history = HistoricalRecords()

    class Meta(DefinitionItem.Meta):
        pass

    def __str__(self):
        return self.text


class ProductType(models.TextChoices):
    SERVICE = "service", "Digital service"
    PLATFORM = "platform", "Platform or shared component"
    FRAMEWORK = "framework", "Framework or contract"
    GUIDANCE = "guidance", "Guidance, standard or pattern"
    DATA = "data", "Data product or model"
    TRAINING = "training", "Training or learning"
    REPORT = "report", "Report or assessment"


class AnticipatedProduct(DefinitionItem):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(max_length=200)
    product_type = models.CharField(max_length=20, choices=ProductType.choices)
    description = models.TextField(blank=True)
    planned_date = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta(DefinitionItem.Meta):
        pass

    def __str__(self):
        return self.name


class ExpectedBenefit(DefinitionItem):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="expected_benefits")
    text = models.CharField(max_length=500)

    history = HistoricalRecords()

    class Meta(DefinitionItem.Meta):
        pass

    def __str__(self):
        return self.text


class ResourceRequirementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Needs of the projects ``user`` may see."""
        return self.filter(visible_projects_q(user, "project__"))

    def open_to_pledges(self):
        """Needs of projects that take pledges now (``NEED_STAGES``)."""
        return self.filter(project__stage__in=NEED_STAGES)


class ResourceRequirement(DefinitionItem):
    """People and time a project needs: a skill at a level, for a number of people, each
    month of a period (months are stored as the first day of the month)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="resource_requirements"
    )
    skill = models.ForeignKey("skills.Skill", on_delete=models.PROTECT, related_name="requirements")
    level = models.CharField(max_length=20, choices=SkillLevel.choices, default=SkillLevel.WORKING)
    people = models.PositiveSmallIntegerField(default=1)
    days_per_month = models.DecimalField(
        max_digits=5, decimal_places=1, help_text="Days per person per month"
    )
    start_month = models.DateField()
    end_month = models.DateField()
    notes = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()
    objects = ResourceRequirementQuerySet.as_manager()

    class Meta(DefinitionItem.Meta):
        constraints = [
            models.CheckConstraint(condition=Q(people__gte=1), name="resource_people_positive"),
            models.CheckConstraint(
                condition=Q(days_per_month__gt=0), name="resource_days_positive"
            ),
            # No month has more working days in Scotland than this.
            models.CheckConstraint(
                condition=Q(days_per_month__lte=MAX_WORKING_DAYS), name="resource_days_in_a_month"
            ),
            models.CheckConstraint(
                condition=Q(end_month__gte=F("start_month")), name="resource_end_not_before_start"
            ),
        ]

    def __str__(self):
        return f"{self.people} × {self.skill} ({self.get_level_display()})"

    @property
    def total_days_per_month(self):
        return self.people * self.days_per_month


class StageTransition(models.Model):
    """Every move of a project between stages: who, when, from, to and why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.project}: {self.from_stage} → {self.to_stage}"


class ProjectBaseline(models.Model):
    """A project's definition as it was approved: scope, requirements, products, benefits,
    needs, dates and cost, frozen at approval. The services keep ``differences`` (what
    differs from it now, who made each difference and when) on every later edit."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="baselines")
    transition = models.OneToOneField(
        StageTransition, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taken_at = models.DateTimeField()
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    definition = models.JSONField()
    differences = models.JSONField(default=list, blank=True)
    has_differences = models.BooleanField(default=False)
    differences_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-taken_at", "-id"]

    def __str__(self):
        return f"{self.project}: baseline of {self.taken_at:%Y-%m-%d}"
