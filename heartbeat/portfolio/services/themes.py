"""Themes and sub-areas of the work programme."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import slugify

from heartbeat.core.exceptions import InvalidInput
from heartbeat.portfolio import permissions
from heartbeat.portfolio.models import SubArea, Theme
from heartbeat.portfolio.services.base import COLOUR_RE, _first_error, _require, _save

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
