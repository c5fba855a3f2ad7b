"""The criteria the programme office keeps, and the default set."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from heartbeat.core.exceptions import Conflict, InvalidInput
from heartbeat.core.formatting import uk_datetime
from heartbeat.prioritisation import scoring
from heartbeat.prioritisation.defaults import DEFAULT_CRITERIA
from heartbeat.prioritisation.inputs import CriterionInput
from heartbeat.prioritisation.models import (
    COMPUTED_METHODS,
    MAX_DESCRIPTION,
    MAX_LEVEL,
    MAX_NAME,
    Criterion,
    Direction,
    Method,
)
from heartbeat.prioritisation.services.base import (
    office_only,
    person,
)
from heartbeat.prioritisation.services.rounds import (
    sync_draft_criteria,
)
from heartbeat.work_requests.services import text

# Criteria ----------------------------------------------------------------------------------


def _weight(value) -> Decimal:
    try:
        return scoring.parse_weight(value)
    except ValueError as error:
        code = "weight_not_positive" if "more than 0:" in str(error) else None
        raise InvalidInput(str(error), code=code, field="weight") from None


def _clean_criterion(data: CriterionInput, current: Criterion | None) -> dict:
    values = {
        "name": text(
            data.name,
            field="name",
            max_length=MAX_NAME,
            missing="Enter the criterion's name.",
            name="The name",
        ),
        "description": text(
            data.description,
            field="description",
            max_length=MAX_DESCRIPTION,
            missing="Describe what the criterion measures.",
            name="The description",
        ),
        "weight": _weight(data.weight),
    }
    clash = Criterion.objects.filter(name__iexact=values["name"])
    if current is not None:
        clash = clash.exclude(pk=current.pk)
    if clash.exists():
        raise InvalidInput(f"There is already a criterion called {values['name']}.", field="name")
    computed_one = current is not None and current.method in COMPUTED_METHODS
    if data.direction not in Direction.values:
        raise InvalidInput("Choose whether a higher score is better or worse.", field="direction")
    if computed_one and data.direction != current.direction:
        raise InvalidInput(
            f"{current.name} is computed: a higher score is always better.", field="direction"
        )
    values["direction"] = data.direction
    if computed_one:
        # The levels of a computed criterion describe its stated bands: they stay as they are.
        levels = current.levels
    else:
        levels = list(data.levels or [])
        if len(levels) != 5:
            raise InvalidInput("Describe each of the five levels, 1 to 5.", field="level_1")
        levels = [
            text(
                level,
                field=f"level_{i}",
                max_length=MAX_LEVEL,
                missing=f"Describe what a score of {i} means.",
                name=f"What {i} means",
            )
            for i, level in enumerate(levels, start=1)
        ]
    for i, level in enumerate(levels, start=1):
        values[f"level_{i}"] = level
    try:
        values["order"] = int(data.order or 0)
    except (TypeError, ValueError):
        raise InvalidInput("Enter the order as a whole number.", field="order") from None
    if not 0 <= values["order"] <= 1000:
        raise InvalidInput("Enter the order as a whole number from 0 to 1,000.", field="order")
    values["active"] = bool(data.active)
    return values


def _save_criterion(criterion: Criterion, actor) -> None:
    criterion._history_user = person(actor)
    criterion.save()


@transaction.atomic
def criterion_create(*, actor, data: CriterionInput) -> Criterion:
    """Add a criterion the programme office scores; a draft round takes it in at once."""
    office_only(actor, "change the prioritisation criteria")
    values = _clean_criterion(data, None)
    slug = slugify(values["name"])[:100] or "criterion"
    if Criterion.objects.filter(slug=slug).exists():
        slug = f"{slug}-{Criterion.objects.count() + 1}"
    criterion = Criterion(slug=slug, method=Method.SCORED, **values)
    _save_criterion(criterion, actor)
    sync_draft_criteria(actor)
    return criterion


def _criterion_conflict(current: Criterion) -> Conflict:
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    return Conflict(
        f"{who} saved {current.name} on {uk_datetime(current.updated_at)}, after you opened it. "
        "Your changes have not been saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": current.version},
    )


@transaction.atomic
def criterion_update(
    *, actor, criterion: Criterion, data: CriterionInput, expected_version: int | None
) -> Criterion:
    """Change a criterion's name, description, weight, direction, levels or order, or switch
    it off. Published rounds keep the criteria as they were; a draft round follows."""
    office_only(actor, "change the prioritisation criteria")
    current = Criterion.objects.select_for_update().get(pk=criterion.pk)
    if expected_version is not None and current.version != expected_version:
        raise _criterion_conflict(current)
    values = _clean_criterion(data, current)
    if not values["active"] and not Criterion.objects.filter(active=True).exclude(pk=current.pk):
        raise InvalidInput("Keep at least one criterion switched on.", field="active")
    for name, value in values.items():
        setattr(current, name, value)
    current.version += 1
    _save_criterion(current, actor)
    sync_draft_criteria(actor)
    return current


@transaction.atomic
def criteria_ensure_defaults(*, actor=None) -> list[Criterion]:
    """Create the default criteria that are missing (by slug); never change existing ones."""
    office_only(actor, "set up the prioritisation criteria")
    existing = set(Criterion.objects.values_list("slug", flat=True))
    methods = set(Criterion.objects.exclude(method=Method.SCORED).values_list("method", flat=True))
    created = []
    for order, data in enumerate(DEFAULT_CRITERIA, start=1):
        if data["slug"] in existing or (
            data["method"] != Method.SCORED and data["method"] in methods
        ):
            continue
        levels = data["levels"]
        criterion = Criterion(
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            weight=data["weight"],
            direction=data["direction"],
            method=data["method"],
            order=order * 10,
            **{f"level_{i}": level for i, level in enumerate(levels, start=1)},
        )
        _save_criterion(criterion, actor)
        created.append(criterion)
    if created:
        sync_draft_criteria(actor)
    return created
