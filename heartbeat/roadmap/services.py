"""Writes to the roadmap: products grown from projects' definitions, and adoption.

``actor`` is the person acting; ``None`` means Heartbeat itself (the demo loader, the
generator), which is not subject to a person's permissions but is to every rule.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from heartbeat.accounts.models import User
from heartbeat.core.exceptions import ApplicationError, Conflict, InvalidInput, NotFound
from heartbeat.core.exceptions import PermissionDenied as Refused
from heartbeat.core.formatting import uk_date, uk_datetime
from heartbeat.partnership.models import Membership, Organisation
from heartbeat.partnership.selectors import latest_term
from heartbeat.portfolio.models import AnticipatedProduct, Project
from heartbeat.roadmap import permissions, rules
from heartbeat.roadmap.inputs import ProductInput
from heartbeat.roadmap.models import (
    DELIVERED_STATUSES,
    KIND_FOR_ANTICIPATED_TYPE,
    LINK_MAX,
    NAME_MAX,
    NOTE_MAX,
    SUMMARY_MAX,
    Adoption,
    Product,
    ProductKind,
    ProductStatus,
)
from heartbeat.roadmap.quarters import overlaps, quarter_of

SLUG_BASE_LENGTH = 100


def _save(instance, actor) -> None:
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    instance.save()


def _text(value, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    """Trimmed text within its length; NUL bytes (which PostgreSQL refuses) are refused."""
    text = (value or "").strip()
    if "\x00" in text:
        raise InvalidInput(f"The {label} contains a character that is not allowed.", field=field)
    if required and not text:
        raise InvalidInput(f"Enter the {label}.", field=field)
    if len(text) > max_length:
        raise InvalidInput(f"Keep the {label} to {max_length} characters or fewer.", field=field)
    return text


def _person(actor) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _who_saved(record) -> tuple[str, str]:
    last = record.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    when = uk_datetime(last.history_date) if last else "recently"
    return who, when


def _unique_slug(name: str) -> str:
    base = slugify(name)[:SLUG_BASE_LENGTH].strip("-") or "product"
    taken = set(Product.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


# Products ----------------------------------------------------------------------------------


def _lock_project(project_id: int) -> Project:
    # Locking the project serialises a product's checks against the project's own edits,
    # so a quarter is never checked against dates that are being changed at that moment.
    project = Project.objects.select_for_update().filter(pk=project_id).first()
    if project is None:
        raise NotFound("That project no longer exists.")
    return project


@transaction.atomic
def product_grow(*, actor, anticipated: AnticipatedProduct) -> tuple[Product, bool]:
    """Put one of a project's anticipated products on the roadmap; return it and whether it
    is new. Growing the same anticipated product again returns the product it grew."""
    project = _lock_project(anticipated.project_id)
    if actor is not None and not permissions.can_grow_products(actor, project):
        raise Refused(
            "Only the project's lead or the programme office can put its products on the roadmap."
        )
    existing = Product.objects.filter(anticipated_id=anticipated.pk).first()
    if existing is not None:
        return existing, False
    row = AnticipatedProduct.objects.filter(pk=anticipated.pk, project=project).first()
    if row is None:
        raise NotFound("That product is no longer part of the project's definition.")
    quarter = None
    if row.planned_date is not None:
        candidate = quarter_of(row.planned_date)
        # A planned date outside the project's span stays unscheduled until someone chooses.
        if overlaps(candidate, project.planned_start, project.planned_end):
            quarter = candidate
    product = Product(
        project=project,
        anticipated=row,
        name=row.name[:NAME_MAX],
        slug=_unique_slug(row.name),
        summary=(row.description or "").strip()[:SUMMARY_MAX],
        kind=KIND_FOR_ANTICIPATED_TYPE.get(row.product_type, ProductKind.GUIDANCE),
        status=ProductStatus.PLANNED,
        planned_quarter=quarter,
        owner=project.project_lead,
        created_by=_person(actor),
    )
    try:
        with transaction.atomic():
            _save(product, actor)
    except IntegrityError:
        # Someone grew it at the same moment: theirs stands.
        existing = Product.objects.filter(anticipated_id=anticipated.pk).first()
        if existing is None:
            raise
        return existing, False
    return product, True


def product_grow_all(*, actor, project: Project) -> list[tuple[Product, bool]]:
    """Put every anticipated product of a project on the roadmap (those already there stay
    as they are)."""
    if actor is not None and not permissions.can_grow_products(actor, project):
        raise Refused(
            "Only the project's lead or the programme office can put its products on the roadmap."
        )
    rows = list(AnticipatedProduct.objects.filter(project=project).order_by("order", "id"))
    if not rows:
        raise ApplicationError(
            f"{project.title} has no anticipated products in its definition yet: add them "
            "to the definition first.",
            code="no_anticipated_products",
            status=409,
        )
    with transaction.atomic():
        return [product_grow(actor=actor, anticipated=row) for row in rows]


def _clean_link(link: str) -> str:
    link = _text(link, field="link", label="web address", max_length=LINK_MAX)
    if link:
        try:
            URLValidator(schemes=["https", "http"])(link)
        except ValidationError:
            raise InvalidInput(
                "Enter the web address where the product lives, starting https://",
                field="link",
            ) from None
    return link


def _clean_product(data: ProductInput, project: Project, current: Product) -> dict:
    name = _text(
        data.name, field="name", label="product's name", max_length=NAME_MAX, required=True
    )
    summary = _text(data.summary, field="summary", label="summary", max_length=SUMMARY_MAX)
    rules.check_kind_and_status(data.kind, data.status)
    quarter = quarter_of(data.planned_quarter) if data.planned_quarter else None
    rules.check_planned_quarter(quarter, project)
    rules.check_delivered(data.status, data.delivered_on)
    owner = None
    if data.owner_id is not None:
        owner = User.objects.filter(pk=data.owner_id).first()
        unchanged = current.owner_id == data.owner_id
        if owner is None or not (owner.is_active or unchanged):
            raise InvalidInput("Choose an owner from the people who use Heartbeat.", field="owner")
    adoptions = list(current.adoptions.order_by("adopted_on").values_list("adopted_on", flat=True))
    if adoptions and data.status not in DELIVERED_STATUSES:
        raise ApplicationError(
            f"{len(adoptions)} organisation{'s have' if len(adoptions) != 1 else ' has'} "
            f"adopted {current.name}, so it stays live or retired.",
            code="product_adopted",
            status=409,
            field="status",
        )
    if adoptions and data.delivered_on is not None and data.delivered_on > adoptions[0]:
        raise InvalidInput(
            f"An organisation adopted {current.name} on {uk_date(adoptions[0])}: the "
            "delivered date must be on or before then.",
            code="delivered_after_adoption",
            field="delivered_on",
        )
    return {
        "name": name,
        "summary": summary,
        "kind": data.kind,
        "status": data.status,
        "planned_quarter": quarter,
        "delivered_on": data.delivered_on if data.status in DELIVERED_STATUSES else None,
        "owner": owner,
        "link": _clean_link(data.link),
    }


def _product_conflict(current: Product) -> Conflict:
    who, when = _who_saved(current)
    return Conflict(
        f"{who} saved {current.name} on {when}, after you opened it. Your changes have not "
        "been saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": current.version},
    )


@transaction.atomic
def product_update(
    *, actor, product: Product, data: ProductInput, expected_version: int
) -> Product:
    """Change a product's name, type, status, quarter, delivered date, owner or link, unless
    someone saved it since ``expected_version`` was read."""
    current = Product.objects.select_for_update().filter(pk=product.pk).first()
    if current is None:
        raise NotFound("That product no longer exists.")
    project = _lock_project(current.project_id)
    current.project = project
    if actor is not None:
        if not permissions.can_view_product(actor, current):
            raise NotFound("That product does not exist, or you cannot see it.")
        if not permissions.can_edit_product(actor, current):
            raise Refused(
                "Only the product's owner, the project's lead or the programme office can "
                "change this product."
            )
    if current.version != expected_version:
        raise _product_conflict(current)
    values = _clean_product(data, project, current)
    changed = False
    for name, value in values.items():
        if getattr(current, name) != value:
            setattr(current, name, value)
            changed = True
    if changed:
        current.version += 1
        _save(current, actor)
    return current


# Adoption ----------------------------------------------------------------------------------


def _refuse_unless_acts_for(actor, organisation: Organisation, what: str) -> None:
    if actor is None or permissions.can_record_adoption(actor, organisation):
        return
    if actor.is_authenticated and actor.is_organisation_lead:
        raise Refused(
            f"You can only {what} for your own organisation, not for {organisation}.",
            code="not_your_organisation",
        )
    raise Refused(f"Only an organisation lead or the programme office can {what}.")


def _lock_membership(organisation: Organisation) -> None:
    """Hold the organisation's membership decision while an adoption is recorded, so a
    change of membership at the same moment waits rather than slipping past the check."""
    term = latest_term()
    if term is not None:
        list(Membership.objects.select_for_update().filter(organisation=organisation, term=term))


def adoption_record(
    *,
    actor,
    product: Product,
    organisation: Organisation,
    adopted_on: datetime.date | None,
    note: str = "",
) -> Adoption:
    """Record that a member organisation uses a live product, since ``adopted_on``."""
    _refuse_unless_acts_for(actor, organisation, "record adoption")
    note = _text(note, field="note", label="note", max_length=NOTE_MAX)
    with transaction.atomic():
        current = Product.objects.select_for_update().select_related("project").get(pk=product.pk)
        if actor is not None and not permissions.can_view_product(actor, current):
            raise NotFound("That product does not exist, or you cannot see it.")
        _lock_membership(organisation)
        if not rules.is_member(organisation):
            raise InvalidInput(
                f"{organisation} is not a member of the partnership, so it cannot adopt "
                "the partnership's products. Only member organisations record adoption.",
                code="not_a_member",
                field="organisation",
            )
        if current.status != ProductStatus.LIVE:
            raise ApplicationError(
                f"{current.name} is {current.get_status_display().lower()}: only live "
                "products can be adopted.",
                code="product_not_live",
                status=409,
            )
        rules.check_adopted_on(adopted_on, current)
        if Adoption.objects.filter(product=current, organisation=organisation).exists():
            raise _already_adopted(current, organisation)
        adoption = Adoption(
            product=current,
            organisation=organisation,
            adopted_on=adopted_on,
            note=note,
            recorded_by=_person(actor),
        )
        try:
            with transaction.atomic():
                _save(adoption, actor)
        except IntegrityError:
            raise _already_adopted(current, organisation) from None
    return adoption


def _already_adopted(product: Product, organisation: Organisation) -> ApplicationError:
    return ApplicationError(
        f"{organisation} has already adopted {product.name}: change that record instead.",
        code="already_adopted",
        status=409,
        field="organisation",
    )


def _lock_adoption(adoption: Adoption, expected_version: int | None) -> Adoption:
    current = (
        Adoption.objects.select_for_update()
        .select_related("product__project", "organisation")
        .filter(pk=adoption.pk)
        .first()
    )
    if current is None:
        raise NotFound("That adoption is no longer recorded.")
    if expected_version is not None and current.version != expected_version:
        who, when = _who_saved(current)
        raise Conflict(
            f"{who} changed this adoption on {when}, after you opened it. Check their change "
            "and make yours again.",
            extra={"current_version": current.version},
        )
    return current


def adoption_update(
    *,
    actor,
    adoption: Adoption,
    adopted_on: datetime.date | None,
    note: str = "",
    expected_version: int,
) -> Adoption:
    """Correct the date or the note of an adoption."""
    _refuse_unless_acts_for(actor, adoption.organisation, "change adoption")
    note = _text(note, field="note", label="note", max_length=NOTE_MAX)
    with transaction.atomic():
        current = _lock_adoption(adoption, expected_version)
        rules.check_adopted_on(adopted_on, current.product)
        if current.adopted_on != adopted_on or current.note != note:
            current.adopted_on = adopted_on
            current.note = note
            current.version += 1
            _save(current, actor)
    return current


def adoption_remove(*, actor, adoption: Adoption, expected_version: int | None = None) -> None:
    """Record that an organisation no longer uses a product (its history keeps the record)."""
    _refuse_unless_acts_for(actor, adoption.organisation, "change adoption")
    with transaction.atomic():
        current = _lock_adoption(adoption, expected_version)
        current._history_user = _person(actor)
        current.delete()
