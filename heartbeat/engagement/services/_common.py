"""Checks every engagement service shares: text bounds, permissions, slugs, versions."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied


def require(allowed: bool, message: str, code: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message, code=code)


def text(
    value, *, field: str, label: str, limit: int, required: bool = False, strip: bool = True
) -> str:
    """``value`` as bounded text: no NUL bytes, at most ``limit`` characters."""
    value = "" if value is None else str(value)
    if strip:
        value = value.strip()
    if "\x00" in value:
        raise InvalidInput(f"{label} contains a character that cannot be saved.", field=field)
    if required and not value:
        raise InvalidInput(f"Enter {label.lower()}.", field=field)
    if len(value) > limit:
        raise InvalidInput(
            f"{label} must be {limit:,} characters or fewer; it is {len(value):,}.", field=field
        )
    return value


def unique_slug(model: type[models.Model], given: str, title: str, *, exclude_pk=None) -> str:
    """A slug from ``given`` or the title, made unique with a number when it is taken."""
    field = model._meta.get_field("slug")
    base = slugify(given or title)[: field.max_length - 6].strip("-") or "item"
    taken = set(
        model.objects.exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    if given and slugify(given) != given:
        raise InvalidInput(
            "Use only lower-case letters, numbers and hyphens in the web address.", field="slug"
        )
    if given:
        if given in taken:
            raise InvalidInput("That web address is already used: choose another.", field="slug")
        return given
    slug, number = base, 2
    while slug in taken or slug == "new":
        slug, number = f"{base}-{number}", number + 1
    return slug


def check_version(current, version: int | None, what: str) -> None:
    """Refuse a save made from an older copy of ``current``: someone else changed it."""
    if version is not None and int(version) != current.version:
        raise Conflict(
            f"Someone else changed this {what} while you were editing it. Your changes are "
            "not saved: check them against the saved version and save again.",
            extra={"version": current.version},
        )


def save(instance: models.Model, actor) -> None:
    instance._history_user = actor if actor is not None and actor.is_authenticated else None
    instance.save()
