"""Writes to the work programme: themes, projects with their definitions, and stage moves.

``actor`` is the person acting; ``None`` means Heartbeat itself (the demo loader, the
generator, an importer), which is not subject to a person's permissions. The actor is
recorded in every record's history.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import (
    ApplicationError,
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from heartbeat.core.formatting import uk_datetime
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio import hooks, permissions
from heartbeat.portfolio.inputs import (
    ProductInput,
    ProjectInput,
    RequirementInput,
    TextItemInput,
)
from heartbeat.portfolio.models import (
    AnticipatedProduct,
    ExpectedBenefit,
    ProductType,
    Project,
    Requirement,
    ResourceRequirement,
    ScopeItem,
    Stage,
    StageTransition,
    SubArea,
    Tag,
    Theme,
    Visibility,
)
from heartbeat.portfolio.rules import find_move, missing_from_definition
from heartbeat.skills.models import Skill, SkillLevel

# Web addresses the project pages use for themselves: /projects/new/ is the create form.
RESERVED_SLUGS = frozenset({"new"})
SLUG_BASE_LENGTH = 100
MAX_DAYS_PER_MONTH = Decimal("31")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")

# The project's own fields that ProjectInput sets (foreign keys by their *_id attribute).
PROJECT_FIELDS = (
    "title",
    "summary",
    "problem",
    "theme_id",
    "sub_area_id",
    "lead_organisation_id",
    "project_lead_id",
    "sponsor",
    "planned_start",
    "planned_end",
    "estimated_cost",
    "visibility",
)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _first_error(error: ValidationError, prefix: str = "") -> InvalidInput:
    field, messages = next(iter(error.message_dict.items()))
    name = None if field == "__all__" else f"{prefix}{field}"
    return InvalidInput(messages[0], field=name)


def _save(instance: models.Model, actor, when: datetime.datetime | None = None) -> None:
    """Save ``instance``, recording ``actor`` and ``when`` in its history.

    A service gives every record it writes the same ``when``, so the project's history
    reads them as one change.
    """
    instance._history_user = actor
    instance._history_date = when or timezone.now()
    instance.save()


def _first_of_month(value: datetime.date) -> datetime.date:
    return value.replace(day=1)


# Project fields ----------------------------------------------------------------------------


def _clean_slug(given: str, title: str, *, exclude_pk: int | None) -> str:
    others = Project.objects.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    given = (given or "").strip()
    if given:
        if given != slugify(given) or len(given) > Project._meta.get_field("slug").max_length:
            raise InvalidInput(
                "Use only lower-case letters, numbers and hyphens in the web address, "
                "for example digital-telecare (120 characters at most).",
                field="slug",
            )
        if given in RESERVED_SLUGS:
            raise InvalidInput(
                f"The web address '{given}' is reserved: choose another.", field="slug"
            )
        if others.filter(slug=given).exists():
            raise InvalidInput(
                f"Another project already uses the web address '{given}': choose another.",
                code="slug_taken",
                field="slug",
            )
        return given
    base = slugify(title)[:SLUG_BASE_LENGTH].strip("-") or "project"
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _check_project_fields(data: ProjectInput, current: Project | None) -> None:
    """The rules on the project's own fields, in the order a form shows them."""
    if not (data.title or "").strip():
        raise InvalidInput("Enter a title.", field="title")
    if not Theme.objects.filter(pk=data.theme_id).exists():
        raise InvalidInput("Choose a theme from the list.", field="theme")
    if (
        data.sub_area_id is not None
        and not SubArea.objects.filter(pk=data.sub_area_id, theme_id=data.theme_id).exists()
    ):
        raise InvalidInput("Choose a sub-area of the project's theme, or none.", field="sub_area")
    if not (data.summary or "").strip():
        raise InvalidInput("Enter a short summary of the project.", field="summary")
    if (
        data.lead_organisation_id is not None
        and not Organisation.objects.filter(pk=data.lead_organisation_id).exists()
    ):
        raise InvalidInput("Choose a lead organisation from the list.", field="lead_organisation")
    if data.project_lead_id is not None:
        unchanged = current is not None and current.project_lead_id == data.project_lead_id
        if (
            not unchanged
            and not User.objects.filter(pk=data.project_lead_id, is_active=True).exists()
        ):
            raise InvalidInput(
                "Choose a project lead from the people who use Heartbeat.", field="project_lead"
            )
    if (
        data.planned_start is not None
        and data.planned_end is not None
        and data.planned_end < data.planned_start
    ):
        raise InvalidInput(
            "The planned end must be on or after the planned start.", field="planned_end"
        )
    if data.estimated_cost is not None and Decimal(data.estimated_cost) < 0:
        raise InvalidInput("The estimated cost must be £0 or more.", field="estimated_cost")
    if data.visibility not in Visibility.values:
        raise InvalidInput(
            "Choose who can see the project: public or partnership only.", field="visibility"
        )


def _apply_project_fields(project: Project, data: ProjectInput) -> None:
    values = {
        "title": data.title.strip(),
        "summary": data.summary.strip(),
        "problem": (data.problem or "").strip(),
        "theme_id": data.theme_id,
        "sub_area_id": data.sub_area_id,
        "lead_organisation_id": data.lead_organisation_id,
        "project_lead_id": data.project_lead_id,
        "sponsor": (data.sponsor or "").strip(),
        "planned_start": data.planned_start,
        "planned_end": data.planned_end,
        "estimated_cost": None if data.estimated_cost is None else Decimal(data.estimated_cost),
        "visibility": data.visibility,
    }
    for name, value in values.items():
        setattr(project, name, value)
    try:
        # Foreign keys, uniqueness and constraints were checked above with clearer messages.
        project.full_clean(
            exclude=["theme", "sub_area", "lead_organisation", "project_lead", "created_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        raise _first_error(error) from error


def _set_tags(project: Project, names: list[str], actor) -> None:
    wanted: dict[str, str] = {}
    for raw in names:
        name = " ".join((raw or "").split())
        slug = slugify(name)
        if not slug:
            continue
        if len(name) > Tag._meta.get_field("name").max_length:
            raise InvalidInput("Keep each tag to 60 characters or fewer.", field="tags")
        wanted.setdefault(slug[:70], name)
    current = {tag.slug: tag for tag in project.tags.all()}
    if set(current) == set(wanted):
        return
    existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=wanted)}
    tags = []
    for slug, name in wanted.items():
        tag = existing.get(slug)
        if tag is None:
            tag, _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    # The project's history user and date are those of the save just before.
    project.tags.set(tags)


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


# Projects ----------------------------------------------------------------------------------


@transaction.atomic
def project_create(*, actor, data: ProjectInput) -> Project:
    """Propose a project with its definition; it starts in the proposed stage."""
    if actor is not None:
        _require(
            permissions.can_create_project(actor),
            "Only the programme office, organisation leads and project leads can propose projects.",
        )
    _check_project_fields(data, None)
    if (
        data.project_lead_id is None
        and actor is not None
        and getattr(actor, "is_project_lead", False)
        and not getattr(actor, "is_programme_office", False)
    ):
        # A project lead who proposes a project leads it, unless they name someone else.
        data.project_lead_id = actor.pk
    slug = _clean_slug(data.slug, data.title, exclude_pk=None)
    _check_new_rows_have_no_ids(data)
    _check_rows(data, None)
    project = Project(
        slug=slug,
        stage=Stage.PROPOSED,
        version=1,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _apply_project_fields(project, data)
    _save(project, actor)
    _sync_rows(project, data, actor, creating=True)
    _set_tags(project, data.tags, actor)
    return project


def _conflict(current: Project) -> Conflict:
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    return Conflict(
        f"{who} saved this project on {uk_datetime(current.updated_at)}, after you opened it. "
        "Your changes have not been saved yet: check their changes, then save again to keep "
        "yours.",
        extra={
            "current_version": current.version,
            "saved_by": who,
            "saved_at": current.updated_at.isoformat(),
        },
    )


@transaction.atomic
def project_update(
    *, actor, project: Project, data: ProjectInput, expected_version: int
) -> Project:
    """Save a project's details and definition, unless someone saved it since it was read.

    ``expected_version`` is the ``version`` the person's form (or API client) read. Rows in
    the input with an ``id`` update that row, rows without one are added, and the project's
    rows missing from the input are removed.
    """
    current = Project.objects.select_for_update().filter(pk=project.pk).first()
    if current is None:
        raise NotFound("That project no longer exists.")
    if actor is not None:
        if not permissions.can_view_project(actor, current):
            raise NotFound("That project does not exist, or you cannot see it.")
        _require(
            permissions.can_edit_project(actor, current),
            "Only the project's lead or the programme office can change this project.",
        )
    if current.version != expected_version:
        raise _conflict(current)
    _check_project_fields(data, current)
    if (data.slug or "").strip() and data.slug.strip() != current.slug:
        current.slug = _clean_slug(data.slug, data.title, exclude_pk=current.pk)
    _check_rows(data, current)
    _apply_project_fields(current, data)
    current.version += 1
    _save(current, actor)
    _sync_rows(current, data, actor, creating=False)
    _set_tags(current, data.tags, actor)
    return current


def _stage_label(stage: str) -> str:
    return Stage(stage).label if stage in Stage.values else stage


MOVE_PHRASES = {
    "Mark as defined": "mark this project as defined",
    "Approve": "approve this project",
    "Reopen the definition": "reopen this project's definition",
    "Start recruiting": "start recruiting for this project",
    "Start delivery": "start this project's delivery",
    "Close the project": "close this project",
    "Reopen delivery": "reopen this project's delivery",
    "Reopen as a proposal": "reopen this project as a proposal",
    "Resume": "resume this project",
    "Pause": "pause this project",
    "Cancel": "cancel this project",
}


def _move_phrase(move) -> str:
    return MOVE_PHRASES.get(move.label, move.label[0].lower() + move.label[1:])


@transaction.atomic
def project_transition(
    *, actor, project: Project, to_stage: str, reason: str = "", extra: dict | None = None
) -> StageTransition:
    """Move a project to another stage of its lifecycle, if the rules and the actor's role allow.

    Apps above portfolio add their own checks and follow-ups through ``hooks``; ``extra``
    carries the further inputs they ask for.
    """
    extra = dict(extra or {})
    if to_stage not in Stage.values:
        raise InvalidInput(f"'{to_stage}' is not a stage.", field="to_stage")
    current = Project.objects.select_for_update().filter(pk=project.pk).first()
    if current is None:
        raise NotFound("That project no longer exists.")
    if actor is not None and not permissions.can_view_project(actor, current):
        raise NotFound("That project does not exist, or you cannot see it.")
    move = find_move(current, to_stage)
    if move is None:
        raise ApplicationError(
            f"A project in stage {_stage_label(current.stage)} cannot move to "
            f"{_stage_label(to_stage)}.",
            code="transition_not_allowed",
            status=409,
            field="to_stage",
        )
    if actor is not None and not permissions.can_make_move(actor, current, move):
        who = (
            "the project's lead or the programme office"
            if move.lead_may
            else ("the programme office")
        )
        raise PermissionDenied(f"Only {who} can {_move_phrase(move)}.")
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise InvalidInput(
            f"Enter a reason to {_move_phrase(move)}: it is recorded in the project's history.",
            field="reason",
        )
    if to_stage == Stage.DEFINED:
        missing = missing_from_definition(current)
        if missing:
            needs = "; ".join(item.label.lower() for item in missing)
            raise ApplicationError(
                f"The definition is not complete yet. It still needs: {needs}.",
                code="definition_incomplete",
                status=409,
                extra={"missing": [item.key for item in missing]},
            )
    for check in hooks.transition_checks:
        check(actor=actor, project=current, move=move, reason=reason, extra=extra)
    from_stage = current.stage
    now = timezone.now()
    if to_stage == Stage.PAUSED:
        current.paused_from = from_stage
    elif from_stage == Stage.PAUSED:
        current.paused_from = ""
    current.stage = to_stage
    current.stage_changed_at = now
    current.version += 1
    _save(current, actor)
    transition = StageTransition.objects.create(
        project=current,
        from_stage=from_stage,
        to_stage=to_stage,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason,
        at=now,
    )
    for listener in hooks.transition_listeners:
        listener(actor=actor, transition=transition, extra=extra)
    return transition


# Themes ------------------------------------------------------------------------------------

THEME_FIELDS = ("name", "slug", "summary", "description", "order", "colour")


def _check_theme(theme: Theme) -> None:
    if not theme.name.strip():
        raise InvalidInput("Enter the theme's name.", field="name")
    if not theme.summary.strip():
        raise InvalidInput("Enter a short summary of the theme.", field="summary")
    if not COLOUR_RE.match(theme.colour or ""):
        raise InvalidInput(
            "Enter the colour as a hash and six hexadecimal digits, for example #0065bd.",
            field="colour",
        )
    clash = Theme.objects.exclude(pk=theme.pk).filter(
        models.Q(name__iexact=theme.name) | models.Q(slug=theme.slug)
    )
    if clash.exists():
        raise InvalidInput("There is already a theme with that name.", field="name")
    try:
        theme.full_clean(validate_unique=False)
    except ValidationError as error:
        raise _first_error(error) from error


@transaction.atomic
def theme_create(
    *,
    actor,
    name: str,
    summary: str,
    description: str = "",
    order: int = 0,
    colour: str = "#0065bd",
    slug: str = "",
) -> Theme:
    """Add a theme to the work programme."""
    if actor is not None:
        _require(permissions.can_manage_themes(actor), "Only the programme office can add themes.")
    theme = Theme(
        name=name.strip(),
        slug=slug or slugify(name),
        summary=summary.strip(),
        description=description.strip(),
        order=order,
        colour=colour,
    )
    _check_theme(theme)
    _save(theme, actor)
    return theme


@transaction.atomic
def theme_update(*, actor, theme: Theme, data: dict[str, Any]) -> Theme:
    """Change a theme's name, summary, description, order or colour."""
    if actor is not None:
        _require(
            permissions.can_manage_themes(actor), "Only the programme office can change themes."
        )
    unknown = set(data) - set(THEME_FIELDS)
    if unknown:
        raise InvalidInput(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    current = Theme.objects.select_for_update().get(pk=theme.pk)
    changed = False
    for name, value in data.items():
        if getattr(current, name) != value:
            setattr(current, name, value)
            changed = True
    if changed:
        _check_theme(current)
        _save(current, actor)
    return current


@transaction.atomic
def sub_area_create(*, actor, theme: Theme, name: str, slug: str = "", order: int = 0) -> SubArea:
    """Add a sub-area (such as Health and Care) to a theme."""
    if actor is not None:
        _require(
            permissions.can_manage_themes(actor),
            "Only the programme office can add sub-areas to themes.",
        )
    name = (name or "").strip()
    if not name:
        raise InvalidInput("Enter the sub-area's name.", field="name")
    slug = slug or slugify(name)
    if SubArea.objects.filter(theme=theme, slug=slug).exists():
        raise InvalidInput(f"{theme.name} already has a sub-area called {name}.", field="name")
    sub_area = SubArea(theme=theme, name=name, slug=slug, order=order)
    try:
        sub_area.full_clean(exclude=["theme"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise _first_error(error) from error
    _save(sub_area, actor)
    return sub_area
