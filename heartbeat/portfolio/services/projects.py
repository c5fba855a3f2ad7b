"""Projects: create and update a project with its definition."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, NotFound
from heartbeat.core.formatting import uk_datetime
from heartbeat.partnership.models import Organisation
from heartbeat.portfolio import hooks, permissions
from heartbeat.portfolio.inputs import ProjectInput
from heartbeat.portfolio.models import Project, Stage, SubArea, Tag, Theme, Visibility
from heartbeat.portfolio.rules import (
    CHECKLIST_FIELDS,
    missing_from_definition,
    planned_dates_error,
)
from heartbeat.portfolio.selectors.project import project_lead_candidates
from heartbeat.portfolio.services.base import (
    RESERVED_SLUGS,
    SLUG_BASE_LENGTH,
    _first_error,
    _require,
    _save,
)
from heartbeat.portfolio.services.baseline import baseline_refresh
from heartbeat.portfolio.services.definition import (
    _check_new_rows_have_no_ids,
    _check_rows,
    _sync_rows,
)

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


def _check_project_fields(data: ProjectInput, current: Project | None, actor=None) -> None:
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
        if not unchanged and actor is not None:
            candidates = project_lead_candidates(
                actor=actor, project=current, organisation_id=data.lead_organisation_id
            )
            if not candidates.filter(pk=data.project_lead_id).exists():
                raise InvalidInput(
                    "Name as project lead someone with the project lead role or a person of "
                    "the lead organisation (or yourself).",
                    field="project_lead",
                    code="not_a_lead_candidate",
                )
    if dates_error := planned_dates_error(data.planned_start, data.planned_end):
        raise InvalidInput(dates_error, field="planned_end")
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


# Projects ----------------------------------------------------------------------------------


@transaction.atomic
def project_create(*, actor, data: ProjectInput) -> Project:
    """Propose a project with its definition; it starts in the proposed stage."""
    if actor is not None:
        _require(
            permissions.can_create_project(actor),
            "Only the programme office, organisation leads and project leads can propose projects.",
        )
    _check_project_fields(data, None, actor)
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
    _save_new_project(project, data, actor)
    _sync_rows(project, data, actor, creating=True)
    _set_tags(project, data.tags, actor)
    for listener in hooks.creation_listeners:
        listener(actor=actor, project=project)
    return project


# How many times a project whose address someone took at the same moment tries the next.
SLUG_ATTEMPTS = 5


def _save_new_project(project: Project, data: ProjectInput, actor) -> None:
    """Save a new project. The address was checked free, but another project may take it
    between the check and the save: then a chosen address is refused, and one made from the
    title moves on to the next free one."""
    for _attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                _save(project, actor)
            return
        except IntegrityError:
            if (data.slug or "").strip():
                raise InvalidInput(
                    f"Another project already uses the web address '{project.slug}': choose "
                    "another.",
                    code="slug_taken",
                    field="slug",
                ) from None
            project.pk = None
            project.slug = _clean_slug("", data.title, exclude_pk=None)
    raise ApplicationError(
        "Other projects with this title are being saved at this moment: try again.",
        code="slug_taken",
        status=409,
        field="slug",
    )


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
    _check_project_fields(data, current, actor)
    if (data.slug or "").strip() and data.slug.strip() != current.slug:
        current.slug = _clean_slug(data.slug, data.title, exclude_pk=current.pk)
    _check_rows(data, current)
    _apply_project_fields(current, data)
    current.version += 1
    _save(current, actor)
    _sync_rows(current, data, actor, creating=False)
    _set_tags(current, data.tags, actor)
    if current.holds_definition:
        _refuse_incomplete_definition(current)
    baseline_refresh(actor=actor, project=current, when=current._history_date)
    return current


def _refuse_incomplete_definition(project: Project) -> None:
    """From "defined" on, an edit may not leave the definition incomplete. Checked on the
    saved rows, so the transaction rolls the whole edit back when it would."""
    missing = missing_from_definition(project)
    if not missing:
        return
    needs = "; ".join(item.label.lower() for item in missing)
    raise ApplicationError(
        f"{project.title} is {project.get_stage_display().lower()}, so its definition must "
        f"stay complete. This change would leave it without: {needs}. Keep at least one of "
        "each, or change it instead of removing it.",
        code="definition_incomplete",
        status=409,
        field=CHECKLIST_FIELDS.get(missing[0].key),
        extra={"missing": [item.key for item in missing]},
    )
