"""Prioritisation: the published method (weighted criteria on a 1-5 scale), scoring rounds over
the open projects and the accepted requests still waiting for one, and the ranks they give.

A round is a draft while the programme office scores it. Publishing freezes it: its criteria,
weights, scores, rationale and ranks never change again, on any path (the services refuse,
these models refuse, the admin shows it read-only, and database triggers refuse a changed
score). Changes after that open a new round.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from simple_history.models import HistoricalRecords

from heartbeat.core.exceptions import ApplicationError
from heartbeat.core.models import TimeStampedModel

MAX_NAME = 100
MAX_DESCRIPTION = 1000
MAX_LEVEL = 300
MAX_RATIONALE = 2000
MAX_SUMMARY = 3000
MAX_WEIGHT = 100
SCALE = (1, 2, 3, 4, 5)
FROZEN_MESSAGE = (
    "A published round is frozen: its scores, weights and ranks stay as published. Open a "
    "new round to change them."
)


def _at_most(field: str, length: int, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), length), name=f"{name}_{field}_length"
    )


class Direction(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    HIGHER_IS_WORSE = "higher_is_worse", "Higher is worse"


class Method(models.TextChoices):
    """How a criterion's score is found."""

    SCORED = "scored", "Scored by the programme office"
    DEMAND = "demand", "Computed from the councils taking part or supporting"
    READINESS = "readiness", "Computed from the definition and staffing"


COMPUTED_METHODS = (Method.DEMAND, Method.READINESS)


class Criterion(TimeStampedModel):
    """One of the criteria the programme office scores projects on, with its weight."""

    name = models.CharField(max_length=MAX_NAME, unique=True)
    slug = models.SlugField(max_length=110, unique=True)
    description = models.TextField()
    weight = models.DecimalField(max_digits=5, decimal_places=2)
    direction = models.CharField(
        max_length=20, choices=Direction.choices, default=Direction.HIGHER_IS_BETTER
    )
    method = models.CharField(max_length=20, choices=Method.choices, default=Method.SCORED)
    level_1 = models.CharField("1 means", max_length=MAX_LEVEL)
    level_2 = models.CharField("2 means", max_length=MAX_LEVEL)
    level_3 = models.CharField("3 means", max_length=MAX_LEVEL)
    level_4 = models.CharField("4 means", max_length=MAX_LEVEL)
    level_5 = models.CharField("5 means", max_length=MAX_LEVEL)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "criteria"
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gt=0) & Q(weight__lte=MAX_WEIGHT), name="criterion_weight_range"
            ),
            models.UniqueConstraint(
                fields=["method"],
                condition=~Q(method=Method.SCORED),
                name="criterion_one_of_each_computed",
            ),
            models.CheckConstraint(
                condition=~Q(level_1="")
                & ~Q(level_2="")
                & ~Q(level_3="")
                & ~Q(level_4="")
                & ~Q(level_5=""),
                name="criterion_every_level_described",
            ),
            _at_most("description", MAX_DESCRIPTION, "criterion"),
        ]

    def __str__(self):
        return self.name

    @property
    def levels(self) -> list[str]:
        return [self.level_1, self.level_2, self.level_3, self.level_4, self.level_5]

    @property
    def is_computed(self) -> bool:
        return self.method in COMPUTED_METHODS


# Freezing -----------------------------------------------------------------------------------


class RoundFrozen(ApplicationError):
    code = "round_published"
    status = 409


_unfrozen = contextvars.ContextVar("prioritisation_unfrozen", default=False)


@contextlib.contextmanager
def unfrozen():
    """Let Heartbeat itself delete published rounds (the data generator's flush only)."""
    token = _unfrozen.set(True)
    try:
        yield
    finally:
        _unfrozen.reset(token)


def refuse_if_published(round_ids) -> None:
    if _unfrozen.get():
        return
    ids = [pk for pk in round_ids if pk is not None]
    if ids and Round.objects.filter(pk__in=ids, state=RoundState.PUBLISHED).exists():
        raise RoundFrozen(FROZEN_MESSAGE)


class FrozenQuerySet(models.QuerySet):
    """Bulk updates and deletes refuse rows of a published round."""

    round_field = "round_id"

    def _round_ids(self) -> set:
        return set(self.values_list(self.round_field, flat=True).distinct())

    def update(self, **kwargs):
        refuse_if_published(self._round_ids())
        return super().update(**kwargs)

    def delete(self):
        refuse_if_published(self._round_ids())
        return super().delete()


class FrozenModel(models.Model):
    """A record of a round that cannot be saved or deleted once its round is published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        refuse_if_published([self.frozen_round_id()])
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_if_published([self.frozen_round_id()])
        return super().delete(*args, **kwargs)

    def frozen_round_id(self):
        return self.round_id


# Rounds -------------------------------------------------------------------------------------


class RoundState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class RoundQuerySet(FrozenQuerySet):
    round_field = "id"

    def published(self):
        return self.filter(state=RoundState.PUBLISHED)


class Round(TimeStampedModel):
    """One scoring of the programme: a draft while it is scored, frozen once published."""

    number = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=150)
    state = models.CharField(max_length=20, choices=RoundState.choices, default=RoundState.DRAFT)
    summary = models.TextField(
        "what changed in this round", blank=True, help_text="In the programme office's words"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # How many entries the published ranking has, for "4th of 57".
    ranked_count = models.PositiveIntegerField(default=0)
    # Entries of the round before that this one no longer ranks, and why: written at publish.
    departures = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["state"], condition=Q(state=RoundState.DRAFT), name="round_one_draft"
            ),
            models.CheckConstraint(
                condition=Q(state=RoundState.DRAFT) | Q(published_at__isnull=False),
                name="round_published_has_date",
            ),
            _at_most("summary", MAX_SUMMARY, "round"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_published(self) -> bool:
        return self.state == RoundState.PUBLISHED

    def get_absolute_url(self):
        return reverse("prioritisation:round", args=[self.number])

    def save(self, *args, **kwargs):
        if self.pk is not None:
            refuse_if_published([self.pk])
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        refuse_if_published([self.pk])
        return super().delete(*args, **kwargs)


class RoundCriterion(FrozenModel):
    """A criterion as the round uses it: its name, weight, direction and scale at the time."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=MAX_NAME)
    slug = models.SlugField(max_length=110)
    weight = models.DecimalField(max_digits=5, decimal_places=2)
    direction = models.CharField(max_length=20, choices=Direction.choices)
    method = models.CharField(max_length=20, choices=Method.choices)
    levels = models.JSONField()
    order = models.PositiveSmallIntegerField(default=0)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "criterion"], name="roundcriterion_unique"),
            models.CheckConstraint(
                condition=Q(weight__gt=0) & Q(weight__lte=MAX_WEIGHT),
                name="roundcriterion_weight_range",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.weight})"

    @property
    def is_computed(self) -> bool:
        return self.method in COMPUTED_METHODS

    @property
    def higher_is_worse(self) -> bool:
        return self.direction == Direction.HIGHER_IS_WORSE


class RoundEntry(FrozenModel):
    """A project (or an accepted request still waiting for its project) in a round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    project = models.ForeignKey(
        "portfolio.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="round_entries",
    )
    work_request = models.ForeignKey(
        "work_requests.WorkRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="round_entries",
    )
    title = models.CharField(max_length=200)
    # When the project was proposed or the request raised: the last tie-break before the title.
    since = models.DateField()
    weighted_score = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)
    previous_rank = models.PositiveIntegerField(null=True, blank=True)
    movement = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        ordering = ["rank", "title", "id"]
        verbose_name_plural = "round entries"
        constraints = [
            models.CheckConstraint(
                condition=(Q(project__isnull=False) & Q(work_request__isnull=True))
                | (Q(project__isnull=True) & Q(work_request__isnull=False)),
                name="roundentry_project_or_request",
            ),
            models.UniqueConstraint(
                fields=["round", "project"],
                condition=Q(project__isnull=False),
                name="roundentry_project_once",
            ),
            models.UniqueConstraint(
                fields=["round", "work_request"],
                condition=Q(work_request__isnull=False),
                name="roundentry_request_once",
            ),
            models.UniqueConstraint(
                fields=["round", "rank"],
                condition=Q(rank__isnull=False),
                name="roundentry_rank_once",
            ),
            models.CheckConstraint(
                condition=Q(weighted_score__isnull=True)
                | (Q(weighted_score__gte=0) & Q(weighted_score__lte=100)),
                name="roundentry_score_range",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def key(self) -> tuple[str, int]:
        """What the entry ranks, across rounds."""
        if self.project_id is not None:
            return ("project", self.project_id)
        return ("request", self.work_request_id)

    @property
    def kind_label(self) -> str:
        return "Project" if self.project_id is not None else "Accepted request"

    @property
    def movement_places(self) -> int | None:
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


class ScoreQuerySet(FrozenQuerySet):
    round_field = "entry__round_id"


class Score(FrozenModel):
    """A round entry's score on one criterion, with the written reason for it."""

    entry = models.ForeignKey(RoundEntry, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(RoundCriterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    computed = models.BooleanField(default=False)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scored_at = models.DateTimeField()

    objects = ScoreQuerySet.as_manager()

    class Meta:
        ordering = ["criterion__order", "criterion__name"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=5), name="score_on_the_scale"
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="score_has_rationale"),
            _at_most("rationale", MAX_RATIONALE, "score"),
        ]

    def __str__(self):
        return f"{self.criterion.name}: {self.value}"

    def frozen_round_id(self):
        return self.criterion.round_id if self.criterion_id else None
