"""A project's definition rows: checked against the rules and brought in line with the
input, keeping each row's identity."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from heartbeat.core.exceptions import ApplicationError, InvalidInput
from heartbeat.portfolio.inputs import ProductInput, ProjectInput, RequirementInput, TextItemInput
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    ProductType,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
)
from heartbeat.portfolio.services.base import (
    MAX_DAYS_PER_MONTH,
    _first_error,
    _first_of_month,
    _save,
)
from heartbeat.skills.models import Skill, SkillLevel

# Definition rows ---------------------------------------------------------------------------


def _row_error(section: str, index: int, field: str, message: str) -> InvalidInput:
    return InvalidInput(message, field=f"{section}-{index}-{field}")


def _clean_row(row: models.Model, section: str, index: int, exclude: list[str]) -> None:
    try:
        row.full_clean(exclude=["project", *exclude], validate_constraints=False)
    except ValidationError as error:
        raise _first_error(error, prefix=f"{section}-{index}-") from error


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _whole_number(value: Any) -> int | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number != number.to_integral_value():
        return None
    return int(number)


def _text_rows(items: list[TextItemInput] | list[RequirementInput]):
    """Rows with text, with their index in the input (blank rows are dropped)."""
    return [(i, item) for i, item in enumerate(items) if (item.text or "").strip()]


def _product_rows(items: list[ProductInput]):
    return [
        (i, item)
        for i, item in enumerate(items)
        if (item.name or "").strip() or (item.description or "").strip() or item.planned_date
    ]


def _check_rows(data: ProjectInput, current: Project | None) -> dict[int, Skill]:
    """Check every definition row; return the skills the resource rows use, by id."""
    for i, item in _text_rows(data.requirements):
        if item.priority not in Requirement.Priority.values:
            raise _row_error(
                "requirements", i, "priority", "Choose must, should or could for the requirement."
            )
    for i, item in _product_rows(data.products):
        if not (item.name or "").strip():
            raise _row_error("products", i, "name", "Enter the name of the product.")
        if item.product_type not in ProductType.values:
            raise _row_error(
                "products", i, "product_type", "Choose the type of product from the list."
            )
    skill_ids = {item.skill_id for item in data.resources if item.skill_id is not None}
    skills = {skill.pk: skill for skill in Skill.objects.filter(pk__in=skill_ids)}
    kept_skills: set[tuple[int, int]] = set()
    if current is not None:
        kept_skills = set(current.resource_requirements.values_list("pk", "skill_id"))
    for i, item in enumerate(data.resources):
        skill = skills.get(item.skill_id)
        # A skill the programme office has since retired may stay on a row that had it.
        if skill is None or (not skill.active and (item.id, skill.pk) not in kept_skills):
            raise _row_error("resources", i, "skill", "Choose a skill from the list.")
        if item.level not in SkillLevel.values:
            raise _row_error("resources", i, "level", "Choose the level of skill needed.")
        if _whole_number(item.people) is None or _whole_number(item.people) < 1:
            raise _row_error("resources", i, "people", "Enter the number of people: 1 or more.")
        days = _decimal(item.days_per_month)
        if days is None or days <= 0:
            raise _row_error(
                "resources",
                i,
                "days_per_month",
                "Enter the days per month each person gives: more than 0.",
            )
        if days > MAX_DAYS_PER_MONTH:
            raise _row_error(
                "resources",
                i,
                "days_per_month",
                "Enter the days per month each person gives: 31 or fewer.",
            )
        if days != days.quantize(Decimal("0.1")):
            raise _row_error(
                "resources",
                i,
                "days_per_month",
                "Enter the days per month to one decimal place at most, for example 2.5.",
            )
        if item.start_month is None:
            raise _row_error("resources", i, "start_month", "Enter the first month needed.")
        if item.end_month is None:
            raise _row_error("resources", i, "end_month", "Enter the last month needed.")
        if _first_of_month(item.end_month) < _first_of_month(item.start_month):
            raise _row_error(
                "resources",
                i,
                "end_month",
                "The last month must be the same as or after the first month.",
            )
    return skills


class _RowSync:
    """Brings one kind of definition row in line with the input, keeping rows' identity."""

    def __init__(self, project: Project, model, queryset, actor, creating: bool):
        self.project = project
        self.model = model
        self.actor = actor
        self.when = project._history_date
        self.existing = {} if creating else {row.pk: row for row in queryset}
        self.kept: set[int] = set()

    def row_for(self, item, section: str, index: int):
        if item.id is None:
            return self.model(project=self.project)
        row = self.existing.get(item.id)
        if row is None:
            raise _row_error(
                section,
                index,
                "id",
                "This row is not part of this project any more: reload the page and try again.",
            )
        if item.id in self.kept:
            raise _row_error(section, index, "id", "This row appears twice: remove one of them.")
        self.kept.add(item.id)
        return row

    def save(self, row, values: dict[str, Any], section: str, index: int, exclude=()) -> None:
        changed = row.pk is None
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            _clean_row(row, section, index, list(exclude))
            _save(row, self.actor, self.when)

    def delete_missing(self, keep=lambda row: True) -> None:
        for pk, row in self.existing.items():
            if pk not in self.kept and keep(row):
                row._history_user = self.actor
                row._history_date = self.when
                row.delete()


def _refuse_removing_pledged_needs(resources: "_RowSync") -> None:
    """A need that councils have pledged people to stays until their pledges are withdrawn:
    removing it would silently drop what they offered."""
    removed = [pk for pk in resources.existing if pk not in resources.kept]
    if not removed:
        return
    pledged = (
        ResourceRequirement.objects.filter(pk__in=removed, pledges__status="active")
        .select_related("skill")
        .distinct()
    )
    names = [f"{row.skill} ({row.get_level_display().lower()})" for row in pledged]
    if names:
        raise ApplicationError(
            f"Councils have pledged people to {', '.join(names)}: keep "
            f"{'that need' if len(names) == 1 else 'those needs'}, or ask them to withdraw "
            "their pledges first.",
            code="requirement_has_pledges",
            status=409,
            field="resources",
        )


def _sync_rows(project: Project, data: ProjectInput, actor, *, creating: bool) -> None:
    # Scope in and out share one table: a row may move from one list to the other.
    scope = _RowSync(project, ScopeItem, project.scope_items.all(), actor, creating)
    order = 0
    for section, kind, items in (
        ("scope_in", ScopeItem.Kind.IN, data.scope_in),
        ("scope_out", ScopeItem.Kind.OUT, data.scope_out),
    ):
        for i, item in _text_rows(items):
            row = scope.row_for(item, section, i)
            scope.save(row, {"kind": kind, "text": item.text.strip(), "order": order}, section, i)
            order += 1
    scope.delete_missing()

    requirements = _RowSync(project, Requirement, project.requirements.all(), actor, creating)
    for order, (i, item) in enumerate(_text_rows(data.requirements)):
        row = requirements.row_for(item, "requirements", i)
        requirements.save(
            row,
            {"text": item.text.strip(), "priority": item.priority, "order": order},
            "requirements",
            i,
        )
    requirements.delete_missing()

    products = _RowSync(project, AnticipatedProduct, project.products.all(), actor, creating)
    for order, (i, item) in enumerate(_product_rows(data.products)):
        row = products.row_for(item, "products", i)
        products.save(
            row,
            {
                "name": item.name.strip(),
                "product_type": item.product_type,
                "description": (item.description or "").strip(),
                "planned_date": item.planned_date,
                "order": order,
            },
            "products",
            i,
        )
    products.delete_missing()

    benefits = _RowSync(project, ExpectedBenefit, project.expected_benefits.all(), actor, creating)
    for order, (i, item) in enumerate(_text_rows(data.benefits)):
        row = benefits.row_for(item, "benefits", i)
        benefits.save(row, {"text": item.text.strip(), "order": order}, "benefits", i)
    benefits.delete_missing()

    resources = _RowSync(
        project, ResourceRequirement, project.resource_requirements.all(), actor, creating
    )
    for order, item in enumerate(data.resources):
        row = resources.row_for(item, "resources", order)
        resources.save(
            row,
            {
                "skill_id": item.skill_id,
                "level": item.level,
                "people": _whole_number(item.people),
                "days_per_month": _decimal(item.days_per_month),
                "start_month": _first_of_month(item.start_month),
                "end_month": _first_of_month(item.end_month),
                "notes": (item.notes or "").strip(),
                "order": order,
            },
            "resources",
            order,
            exclude=("skill",),
        )
    _refuse_removing_pledged_needs(resources)
    resources.delete_missing()


def _check_new_rows_have_no_ids(data: ProjectInput) -> None:
    for section in ("scope_in", "scope_out", "requirements", "products", "benefits", "resources"):
        for i, item in enumerate(getattr(data, section)):
            if item.id is not None:
                raise _row_error(
                    section, i, "id", "A new project cannot reuse rows of another project."
                )
