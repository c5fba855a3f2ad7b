"""Helpers the governance services share: saving with history, checking text and versions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from heartbeat.core.exceptions import Conflict, InvalidInput, PermissionDenied
from heartbeat.core.formatting import uk_datetime


def person(actor):
    """The person acting, or None for Heartbeat itself."""
    return actor if actor is not None and actor.is_authenticated else None


def save(instance, actor) -> None:
    instance._history_user = person(actor)
    instance.save()


def delete(instance, actor) -> None:
    instance._history_user = person(actor)
    instance.delete()


def require(allowed: bool, message: str, code: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message, code=code)


def text(value, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    """Trimmed text within its length; NUL bytes (which PostgreSQL refuses) are refused."""
    value = (value or "").strip()
    if "\x00" in value:
        raise InvalidInput(f"The {label} contains a character that is not allowed.", field=field)
    if required and not value:
        raise InvalidInput(f"Enter the {label}.", field=field)
    if len(value) > max_length:
        raise InvalidInput(f"Keep the {label} to {max_length:,} characters or fewer.", field=field)
    return value


def web_address(value, *, field: str, label: str, max_length: int) -> str:
    value = text(value, field=field, label=label, max_length=max_length)
    if value:
        try:
            URLValidator(schemes=["https", "http"])(value)
        except ValidationError:
            raise InvalidInput(
                f"Enter the {label} as a web address starting https://", field=field
            ) from None
    return value


def check_version(current, expected_version: int | None, what: str) -> None:
    """Refuse to overwrite a record someone saved after the person read it."""
    if expected_version is None or current.version == expected_version:
        return
    last = current.history.select_related("history_user").first()
    who = last.history_user.display_name if last and last.history_user else "Someone else"
    when = uk_datetime(last.history_date) if last else "recently"
    raise Conflict(
        f"{who} saved {what} on {when}, after you opened it. Your changes have not been "
        "saved yet: check theirs, then save again to keep yours.",
        extra={"current_version": current.version},
    )
